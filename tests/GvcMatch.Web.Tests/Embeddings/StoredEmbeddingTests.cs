using System.Net;
using System.Numerics.Tensors;
using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Embeddings;

/// <summary>Vectors are computed when a profile is written, stored once per text, and reused by every reindex.</summary>
public abstract class StoredEmbeddingTests(DatabaseProvider provider)
{
    [DatabaseFact]
    public async Task APublishedProfileGetsItsVectorAndPhraseVectorsStoredOnce()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(provider);
        await using var app = new CountingEmbeddingsApp(scratch.Database);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile("Finishing shop for steel cabinets.") with { Capabilities = ["Electrostatic powder painting"], Materials = ["steel"] });
        await sme.PublishProfileAsync();
        await app.WaitForIndexAsync();

        var text = await app.WithDbAsync(async db => EmbeddingTexts.ForProfile(await db.Profiles.SingleAsync(p => p.OrganizationId == sme.Me.OrgId), app.Services.GetRequiredService<GvcMatch.Matching.Understanding.CapabilityVocabulary>()));
        var stored = await app.WithDbAsync(db => db.Embeddings.SingleAsync(e => e.TextHash == VectorBytes.Hash(text)));
        Assert.Equal(EmbeddingKind.Document, stored.Kind);
        Assert.Equal(384, stored.Dimensions);
        Assert.Equal(1f, TensorPrimitives.Norm(VectorBytes.ToVector(stored.Vector)), 3);

        // The live index ranks the supplier by its vector: a paraphrase of what it does finds it first.
        var paraphrase = (await app.Generator.GenerateAsync(["powder coating of steel cabinets"]))[0].Vector.ToArray();
        var nearest = await app.Services.GetSearchIndex().SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Vector = paraphrase, Take = 1 });
        Assert.Equal(sme.Me.OrgId, Assert.Single(nearest.Hits).EntityId);
        Assert.True(nearest.Hits[0].Score > 0.5, $"cosine {nearest.Hits[0].Score:0.00}");

        // Phrases are found whatever their case and spacing; scoring compares them pairwise.
        var phrases = app.Services.GetRequiredService<GvcMatch.Matching.Understanding.IPhraseVectors>();
        var painting = phrases.Find("electrostatic  Powder painting");
        Assert.NotNull(painting);
        Assert.NotNull(phrases.Find("STEEL"));
        Assert.Null(phrases.Find("a phrase nobody wrote"));
        var coating = await app.Generator.GenerateAsync(["powder coating", "cnc milling"]);
        Assert.True(System.Numerics.Tensors.TensorPrimitives.Dot<float>(painting, coating[0].Vector.ToArray()) > System.Numerics.Tensors.TensorPrimitives.Dot<float>(painting, coating[1].Vector.ToArray()));
    }

    [DatabaseFact]
    public async Task AReindexReadsStoredVectorsAndNeverRunsTheModelAgain()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(provider);
        await using var app = new CountingEmbeddingsApp(scratch.Database);
        for (var i = 0; i < 3; i++)
        {
            var sme = await app.SignUpAsync(OrganizationKind.Sme);
            await sme.SaveProfileAsync(Samples.Profile($"Workshop number {i} for sheet metal."));
            await sme.PublishProfileAsync();
        }
        await app.WaitForIndexAsync();
        var before = app.Generator.Texts;
        Assert.True(before > 0, "Publishing should have embedded the profiles.");
        var rows = await app.WithDbAsync(db => db.Embeddings.CountAsync());

        await app.Services.GetRequiredService<SearchRebuild>().RunAsync(null, CancellationToken.None);

        Assert.Equal(before, app.Generator.Texts);
        Assert.Equal(rows, await app.WithDbAsync(db => db.Embeddings.CountAsync()));
        Assert.Equal(3, (await app.Services.GetSearchIndex().CountAsync())[DocumentKind.Supplier]);
    }

    [DatabaseFact]
    public async Task TwoWritersEmbeddingTheSameNewTextsAtOnceStoreEachOnceAndLogNoError()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(provider);
        await using var app = new CountingEmbeddingsApp(scratch.Database);
        var cache = app.Services.GetRequiredService<EmbeddingCache>();
        for (var round = 0; round < 3; round++)
        {
            var texts = Enumerable.Range(0, 6).Select(i => $"Round {round}, text {i}: anodising of {Guid.NewGuid():N} housings").ToList();
            // The backfill and the indexer, each with its own context: both find the texts missing,
            // and the one that waits for the model stores keys the other has just stored.
            var writers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
                app.WithDbAsync(db => cache.GetOrCreateAsync(db, texts, EmbeddingKind.Document, CancellationToken.None))));
            foreach (var result in await Task.WhenAll(writers)) Assert.Equal(texts.Count, result.Vectors.Count);
            var hashes = texts.Select(VectorBytes.Hash).ToList();
            Assert.Equal(texts.Count, await app.WithDbAsync(db => db.Embeddings.CountAsync(e => hashes.Contains(e.TextHash))));
        }
        Assert.True(app.Generator.Texts > 3 * 6, "Both writers should have run the model on the same texts at least once.");
        Assert.DoesNotContain(app.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [DatabaseFact]
    public async Task TheBackfillEmbedsRowsWithoutVectorsReportsProgressAndCompletes()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(provider);
        int expected;
        // Rows written while semantic matching was off have no vectors.
        await using (var lexical = new GvcMatchApp(scratch.Database, new Dictionary<string, string> { ["Matching:Semantic:Enabled"] = "false" }))
        {
            for (var i = 0; i < 3; i++)
            {
                var sme = await lexical.SignUpAsync(OrganizationKind.Sme);
                await sme.SaveProfileAsync(Samples.Profile($"Foundry {i} casting grey iron."));
                await sme.PublishProfileAsync();
            }
            var buyer = await lexical.SignUpAsync(OrganizationKind.Mne);
            await buyer.PublishNewRequirementAsync();
            await lexical.WaitForIndexAsync();
            Assert.Equal(0, await lexical.WithDbAsync(db => db.Embeddings.CountAsync()));
            expected = 4;
        }

        // A long delay keeps the app's own backfill out of the way (the test runs it and watches), and
        // no late-commit window keeps the indexer from re-applying (and so embedding) the rows first.
        await using var app = new CountingEmbeddingsApp(scratch.Database, new Dictionary<string, string>
        {
            ["Matching:Semantic:BackfillDelay"] = "00:10:00",
            ["Search:LateCommitWindow"] = "00:00:00",
        });
        var admin = await app.SignUpAsync(OrganizationKind.Mne);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        var reports = new List<BackfillStatus>();
        await app.Services.GetRequiredService<EmbeddingBackfill>().RunAsync(new ReportsInline(reports.Add), CancellationToken.None);

        Assert.Equal(BackfillState.Running, reports[0].State);
        Assert.Equal(expected, reports[0].Total);
        Assert.Equal(BackfillState.Completed, reports[^1].State);
        Assert.Equal(expected, reports[^1].Done);
        Assert.True(reports[^1].Embedded >= expected);
        Assert.Equal(reports[^1].Embedded, app.Generator.Texts);
        Assert.Equal(expected, await app.WithDbAsync(db => db.Embeddings.CountAsync(e => e.Kind == EmbeddingKind.Document)));
        // Each row whose vector is new goes back through the indexer, which sends its document with the vector.
        await app.WaitForIndexAsync();

        var status = await Expect.JsonAsync(await admin.Client.GetAsync("/api/admin/search/status"), HttpStatusCode.OK);
        var embeddings = status.GetProperty("embeddings");
        Assert.True(embeddings.GetProperty("enabled").GetBoolean());
        Assert.Equal(TestModel.DefaultId, embeddings.GetProperty("model").GetString());
        Assert.Equal("Completed", embeddings.GetProperty("backfill").GetProperty("state").GetString());
        Assert.Equal(100, embeddings.GetProperty("backfill").GetProperty("percent").GetDouble());

        // A second run finds every vector stored.
        await app.Services.GetRequiredService<EmbeddingBackfill>().RunAsync(null, CancellationToken.None);
        Assert.Equal(reports[^1].Embedded, app.Generator.Texts);
    }
}

/// <summary>Reports on the caller's thread, so every report is recorded before the run returns.</summary>
internal sealed class ReportsInline(Action<BackfillStatus> report) : IProgress<BackfillStatus>
{
    public void Report(BackfillStatus value) => report(value);
}

public sealed class StoredEmbeddingTestsOnSqlite() : StoredEmbeddingTests(DatabaseProvider.Sqlite);

public sealed class StoredEmbeddingTestsOnPostgres() : StoredEmbeddingTests(DatabaseProvider.Postgres), IUsesPostgres;
