using System.Net;
using GvcMatch.Embeddings;
using GvcMatch.Matching.Understanding;
using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Embeddings;

/// <summary>
/// <c>Embeddings:Precision</c> picks the float32 or the int8 model (the default); each stores its
/// vectors under its own model id. An app upgraded from float32 embeds every text again under the
/// int8 id in the background, re-sends each document with its new vector, and matches meanwhile.
/// </summary>
public sealed class EmbeddingPrecisionTests
{
    private static readonly string FloatId = MiniLmEmbeddingGenerator.ModelIdOf(EmbeddingPrecision.Float32);
    private static readonly string Int8Id = MiniLmEmbeddingGenerator.ModelIdOf(EmbeddingPrecision.Int8);

    /// <summary>Each app loads its model on the way (the first load in a test process takes seconds on a busy machine).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public void Int8IsTheDefaultPrecision() => Assert.Equal(EmbeddingPrecision.Int8, new EmbeddingsOptions().Precision);

    [Fact]
    public async Task AnUpgradeFromFloat32EmbedsEveryTextAgainUnderTheInt8IdInTheBackgroundAndReplacesTheIndexedVectorsWhileMatchingServes()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var suppliers = new List<int>();
        (int Documents, int Phrases) floats;
        await using (var first = new GvcMatchApp(scratch.Database, new Dictionary<string, string> { ["Embeddings:Precision"] = "Float32" }))
        {
            Assert.Equal(FloatId, first.Services.GetRequiredService<EmbeddingModel>().ModelId);
            for (var i = 0; i < 3; i++)
            {
                var sme = await first.SignUpAsync(OrganizationKind.Sme);
                await sme.SaveProfileAsync(Samples.Profile($"Workshop {i}: precision CNC milling and anodising of aluminium."));
                await sme.PublishProfileAsync();
                suppliers.Add(sme.Me.OrgId);
            }
            await first.WaitForIndexAsync(Patience);
            floats = await CountAsync(first, FloatId);
            Assert.True(floats.Documents >= 3 && floats.Phrases > 0, $"{floats}");
            Assert.Equal((0, 0), await CountAsync(first, Int8Id));
        }

        // The default precision now, with the model behind a gate and the backfill started by the test.
        var gate = new GatedGenerator(TestModel.Default);
        await using var app = new CountingEmbeddingsApp(scratch.Database, new Dictionary<string, string>
        {
            ["Matching:Semantic:BackfillDelay"] = "00:10:00",
            ["Matching:Semantic:BackfillBatchSize"] = "1",
            ["Search:LateCommitWindow"] = "00:00:00",
        }, () => gate);
        Assert.Equal(Int8Id, app.Services.GetRequiredService<EmbeddingModel>().ModelId);
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        await app.MakePlatformAdminAsync(buyer.Me.UserId);
        var requirement = await buyer.PublishNewRequirementAsync();
        await app.WaitForIndexAsync(Patience);
        // The index still holds the float32 vectors: the int8 vector of a profile is close to its document's, not equal.
        Assert.All(await SelfScoresAsync(app, suppliers), score => Assert.InRange(score, 0.9, 0.9999));

        gate.Shut();
        var backfill = app.Services.GetRequiredService<EmbeddingBackfill>();
        var running = Task.Run(() => backfill.RunAsync(null, CancellationToken.None));
        await SearchProbe.EventuallyAsync(() => Task.FromResult(backfill.Status.State == BackfillState.Running), "the backfill runs", Patience);
        var matches = await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/requirements/{requirement}/matches?top=10"), HttpStatusCode.OK);
        Assert.Equal(suppliers.Order(), matches.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("organizationId").GetInt32()).Order());
        Assert.True(backfill.Status.Done < backfill.Status.Total, $"{backfill.Status.Done} of {backfill.Status.Total} done while the model is held");

        gate.Open();
        await running.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal((BackfillState.Completed, 4L), (backfill.Status.State, backfill.Status.Done));
        await app.WaitForIndexAsync(Patience);

        var int8 = await CountAsync(app, Int8Id);
        Assert.True(int8.Documents >= floats.Documents + 1 && int8.Phrases >= floats.Phrases, $"int8 {int8}, float32 {floats}");
        // Every supplier's document now carries its int8 vector.
        Assert.All(await SelfScoresAsync(app, suppliers), score => Assert.InRange(score, 0.99999, 1.00001));
    }

    [Fact]
    public async Task AnUnknownPrecisionStopsStartUpNamingTheSetting()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new GvcMatchApp(scratch.Database, new Dictionary<string, string> { ["Embeddings:Precision"] = "Int4" });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var messages = string.Join(" | ", Flatten(failure).Select(e => e.Message));
        Assert.Contains("Embeddings:Precision", messages);
    }

    /// <summary>Each supplier's score when the index is searched with the int8 vector of its own profile text.</summary>
    private static async Task<List<double>> SelfScoresAsync(GvcMatchApp app, List<int> suppliers)
    {
        var vocabulary = app.Services.GetRequiredService<CapabilityVocabulary>();
        var index = app.Services.GetRequiredService<ISearchIndex>();
        var scores = new List<double>();
        foreach (var supplier in suppliers)
        {
            var profile = await app.WithDbAsync(db => db.Profiles.AsNoTracking().Include(p => p.Organization).Include(p => p.Certifications)
                .SingleAsync(p => p.OrganizationId == supplier));
            var vector = (await TestModel.Default.GenerateAsync([EmbeddingTexts.ForProfile(profile, vocabulary)]))[0].Vector.ToArray();
            var hits = await index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Vector = vector, Take = 10 });
            scores.Add(hits.Hits.Single(h => h.EntityId == supplier).Score);
        }
        return scores;
    }

    private static Task<(int Documents, int Phrases)> CountAsync(GvcMatchApp app, string model) =>
        app.WithDbAsync(async db => (
            await db.Embeddings.CountAsync(e => e.Model == model && e.Kind == EmbeddingKind.Document),
            await db.Embeddings.CountAsync(e => e.Model == model && e.Kind == EmbeddingKind.Phrase)));

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
        if (e is AggregateException aggregate) foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten)) yield return inner;
    }
}
