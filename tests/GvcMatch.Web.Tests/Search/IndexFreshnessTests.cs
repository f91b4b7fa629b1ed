using System.Text.Json.Nodes;
using GvcMatch.Search;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Search;

/// <summary>
/// The index is rebuilt when the understanding it was built with changes: a restarted app with a
/// vocabulary that learnt one more label rebuilds in the background, and then finds a supplier
/// through that label, while an unchanged restart leaves the index alone.
/// </summary>
public abstract class IndexFreshnessTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task ARestartWithANewVocabularyLabelRebuildsTheIndexAndFindsTheSupplierThroughIt()
    {
        await using var scratch = await ScratchDatabase.LikeAsync(app);
        var seeds = CopySeeds();
        try
        {
            // A made-up trade name for powder coating, which no vocabulary knows yet.
            var tradeName = SearchProbe.UniqueWord();
            var settings = new Dictionary<string, string> { ["Seeds:Folder"] = seeds };
            int supplier;
            string? before;
            await using (var first = new GvcMatchApp(scratch.Database, settings))
            {
                var sme = await first.SignUpAsync(OrganizationKind.Sme);
                supplier = sme.Me.OrgId;
                await sme.SaveProfileAsync(Samples.Profile($"Steel cabinets finished with {tradeName} in our own line."));
                await sme.PublishProfileAsync();
                await first.WaitForIndexAsync();
                before = await first.Services.GetSearchIndex().GetFingerprintAsync();
                Assert.Equal(first.Services.GetRequiredService<IndexFreshness>().Expected, before);
                Assert.DoesNotContain(supplier, await PowderCoatersAsync(first));
            }

            // Restarting with the same understanding rebuilds nothing.
            await using (var same = new GvcMatchApp(scratch.Database, settings))
            {
                _ = same.Services.GetSearchIndex();
                Assert.Equal(RebuildState.Idle, same.Services.GetRequiredService<SearchRebuild>().Status.State);
            }

            AddLabel(seeds, "surface-treatment.json", "powder-coating", tradeName);
            await using var second = new GvcMatchApp(scratch.Database, settings);
            var rebuild = second.Services.GetRequiredService<SearchRebuild>();
            Assert.NotEqual(RebuildState.Idle, rebuild.Status.State);
            Assert.Contains($"built with {before}", rebuild.Status.Reason);
            await rebuild.Running;

            Assert.Equal(RebuildState.Completed, rebuild.Status.State);
            Assert.Equal(rebuild.Status.Total, rebuild.Status.Done);
            var after = await second.Services.GetSearchIndex().GetFingerprintAsync();
            Assert.NotEqual(before, after);
            Assert.Equal(second.Services.GetRequiredService<IndexFreshness>().Expected, after);
            await second.WaitForIndexAsync();
            Assert.Contains(supplier, await PowderCoatersAsync(second));
        }
        finally
        {
            Directory.Delete(seeds, recursive: true);
        }
    }

    [DatabaseFact]
    public async Task AnIndexBuiltBeforeTheDocumentsGainedFieldsIsRebuiltAtStart()
    {
        await using var scratch = await ScratchDatabase.LikeAsync(app);
        int supplier;
        string stamp;
        await using (var first = new GvcMatchApp(scratch.Database))
        {
            var sme = await first.SignUpAsync(OrganizationKind.Sme);
            supplier = sme.Me.OrgId;
            await sme.SaveProfileAsync(Samples.Profile("Powder coating of steel cabinets in our own line."));
            await sme.PublishProfileAsync();
            await first.WaitForIndexAsync();
            // Stamp the index as the version before document schema versions wrote it: same understanding, no document version.
            var vocabulary = first.Services.GetRequiredService<GvcMatch.Matching.Understanding.CapabilityVocabulary>();
            stamp = $"understanding {GvcMatch.Matching.Understanding.ProfileReading.Understanding(vocabulary)}";
            var index = first.Services.GetSearchIndex();
            var checkpoint = await index.GetCheckpointAsync();
            await using var old = await index.BeginRebuildAsync(stamp);
            await old.CompleteAsync(checkpoint);
            Assert.Equal(stamp, await index.GetFingerprintAsync());
        }

        await using var second = new GvcMatchApp(scratch.Database);
        var rebuild = second.Services.GetRequiredService<SearchRebuild>();
        Assert.NotEqual(RebuildState.Idle, rebuild.Status.State);
        Assert.Contains($"built with {stamp}", rebuild.Status.Reason);
        await rebuild.Running;
        Assert.Equal(RebuildState.Completed, rebuild.Status.State);
        Assert.Equal(second.Services.GetRequiredService<IndexFreshness>().Expected, await second.Services.GetSearchIndex().GetFingerprintAsync());
        Assert.Contains(supplier, await PowderCoatersAsync(second));
    }

    /// <summary>Suppliers whose documents name the powder-coating concept, as matching's concept retrieval asks.</summary>
    private static async Task<List<int>> PowderCoatersAsync(GvcMatchApp host)
    {
        var result = await host.Services.GetSearchIndex().SearchAsync(new SearchQuery
        {
            Kind = DocumentKind.Supplier,
            Filters = [new KeywordFilter("concept", ["powder-coating"])],
            Take = 100,
        });
        return result.Hits.Select(h => h.EntityId).ToList();
    }

    /// <summary>The shipped seeds folder, copied so one test can change its vocabulary.</summary>
    private static string CopySeeds()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "seeds");
        var target = Path.Combine(Path.GetTempPath(), "gvcmatch-seeds-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }

    private static void AddLabel(string seeds, string file, string conceptId, string label)
    {
        var path = Path.Combine(seeds, "reference", "capabilities", file);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        var concept = json["concepts"]!.AsArray().Single(c => (string?)c!["id"] == conceptId)!;
        concept["labels"]!["en"]!.AsArray().Add(label);
        File.WriteAllText(path, json.ToJsonString());
    }
}

public sealed class IndexFreshnessTestsOnSqlite(SqliteApp app) : IndexFreshnessTests(app), IClassFixture<SqliteApp>;

public sealed class IndexFreshnessTestsOnPostgres(PostgresApp app) : IndexFreshnessTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
