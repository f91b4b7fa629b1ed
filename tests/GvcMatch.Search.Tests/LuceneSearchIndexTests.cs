using GvcMatch.Search;
using GvcMatch.Search.Lucene;

namespace GvcMatch.Search.Tests;

/// <summary>The provider contract on the embedded Lucene index, plus what only a folder on disk can show.</summary>
public sealed class LuceneSearchIndexTests : SearchIndexContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gvcmatch-index-" + Guid.NewGuid().ToString("N"));

    protected override Task<ISearchIndex> CreateIndexAsync() => Task.FromResult<ISearchIndex>(new LuceneSearchIndex(_folder));

    protected override Task DeleteIndexAsync(ISearchIndex index)
    {
        ((LuceneSearchIndex)index).Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private LuceneSearchIndex Lucene => (LuceneSearchIndex)Index;

    [Fact]
    public async Task CountingTermsGivesTheSameHitsScoresAndTotalAsTheDisjunctionQuery()
    {
        // Many segments (one per batch), deletions and replacements, ids written out of order and
        // thousands of tied counts: the counting pass must pick the same page as the scored
        // disjunction, which a query asking for facets still runs.
        var random = new Random(11);
        var concepts = Enumerable.Range(0, 40).Select(i => $"c{i:00}").ToArray();
        var countries = new[] { "DE", "FR", "JP" };
        for (var batch = 0; batch < 6; batch++)
        {
            var changes = Enumerable.Range(0, 700).Select(_ => random.Next(1, 3000)).Distinct().Select(id =>
            {
                if (random.Next(10) == 0) return new IndexChange(DocumentKind.Supplier, id, null);
                var held = concepts.Where(_ => random.Next(8) == 0).ToArray();
                var keywords = new Dictionary<string, IReadOnlyList<string>> { ["country"] = [countries[random.Next(3)]] };
                if (held.Length > 0) keywords["concept"] = held;
                return Upsert(Doc(id, $"Supplier {id}") with { Keywords = keywords });
            }).ToList();
            await Index.ApplyAsync(changes, batch + 1);
        }

        foreach (var (sought, take, skip) in new[] { (concepts[..3], 200, 0), (concepts[5..30], 200, 0), (concepts[7..9], 50, 30), (concepts, 1000, 0) })
        {
            var query = new SearchQuery
            {
                Kind = DocumentKind.Supplier, Take = take, Skip = skip,
                RankByTerms = new KeywordFilter("concept", [.. sought, "not-held"]),
                Filters = [new KeywordFilter("country", ["DE", "JP"])],
            };
            var counted = await Index.SearchAsync(query);
            var scored = await Index.SearchAsync(query with { Facets = ["country"] });
            Assert.True(counted.Hits.Count > 20);
            Assert.Equal(scored.Total, counted.Total);
            Assert.Equal(scored.Hits.Select(h => (h.EntityId, h.Score, h.Payload)), counted.Hits.Select(h => (h.EntityId, h.Score, h.Payload)));
        }
    }

    [Fact]
    public async Task AKeptFilterSeesLaterDeletionsUpdatesAndNewDocumentsInEveryMode()
    {
        // A query's filter clauses are ANDed once per segment and kept for the next query with the
        // same filter (matching runs three lists under one requirement's filter): what changed since
        // must show in the text, terms-count and vector modes alike.
        static SearchDocument Supplier(int id, string country) => Doc(id, "Machining shop") with
        {
            Keywords = new Dictionary<string, IReadOnlyList<string>> { ["country"] = [country], ["concept"] = ["milling"] },
            Vector = [1f, 0f, 0f, id / 100f],
        };
        await Index.ApplyAsync(Enumerable.Range(1, 6).Select(id => Upsert(Supplier(id, id % 2 == 0 ? "DE" : "FR"))).ToList(), 1);
        var text = new SearchQuery { Kind = DocumentKind.Supplier, Text = "machining", Filters = [new KeywordFilter("country", ["DE"])] };
        var modes = new[] { text, text with { Text = null, RankByTerms = new KeywordFilter("concept", ["milling"]) }, text with { Text = null, Vector = [1f, 0f, 0f, 0f] } };
        foreach (var mode in modes) Assert.Equal([2, 4, 6], (await Index.SearchAsync(mode)).Hits.Select(h => h.EntityId).Order());

        await Index.ApplyAsync([new IndexChange(DocumentKind.Supplier, 2, null), Upsert(Supplier(4, "FR")), Upsert(Supplier(8, "DE"))], 2);

        foreach (var mode in modes) Assert.Equal([6, 8], (await Index.SearchAsync(mode)).Hits.Select(h => h.EntityId).Order());
    }

    [Fact]
    public async Task ReopeningTheFolderKeepsDocumentsAndCheckpoint()
    {
        await Index.ApplyAsync(SearchTestData.AllChanges(), 17);
        Lucene.Dispose();
        using var reopened = new LuceneSearchIndex(_folder);
        Assert.Equal(17, await reopened.GetCheckpointAsync());
        var result = await reopened.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = "titanium" });
        Assert.Equal([5, 16, 1], result.Hits.Select(h => h.EntityId));
    }

    [Fact]
    public async Task VectorsAreCommittedWithTheIndexAndReportTheirMemory()
    {
        await Index.ApplyAsync([Upsert(Doc(1, "Near") with { Vector = [1f, 0f, 0f, 0f] }), Upsert(Doc(2, "Far") with { Vector = [0f, 1f, 0f, 0f] })], 3);
        Lucene.Dispose();
        using var reopened = new LuceneSearchIndex(_folder);
        Assert.Equal(0, reopened.VectorMemoryBytes);
        var result = await reopened.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Vector = [0.8f, 0.6f, 0f, 0f] });
        Assert.Equal([1, 2], result.Hits.Select(h => h.EntityId));
        Assert.Equal([0.8, 0.6], result.Hits.Select(h => Math.Round(h.Score, 4)));
        // One int8 row of four values, its float scale and two norms (the int8 error bound) per document, for the segment the query read.
        Assert.Equal(2 * (4 + 3 * sizeof(float)), reopened.VectorMemoryBytes);
    }

    [Fact]
    public async Task APayloadTooLargeForADocValueComesBackWhole()
    {
        var large = "{\"notes\":\"" + new string('x', 40_000) + "\"}";
        var small = "{\"notes\":\"short\"}";
        await Index.ApplyAsync(
        [
            new IndexChange(DocumentKind.Supplier, 1, Doc(1, "Large payload works") with { Payload = large }),
            new IndexChange(DocumentKind.Supplier, 2, Doc(2, "Small payload works") with { Payload = small }),
        ], 1);

        var hits = (await Index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = "payload" })).Hits.ToDictionary(h => h.EntityId);
        Assert.Equal(large, hits[1].Payload);
        Assert.Equal(small, hits[2].Payload);
        Assert.Equal("Large payload works", hits[1].Title);
    }

    [Fact]
    public async Task ABatchThatFailsHalfWayIsNotPersisted()
    {
        await Index.ApplyAsync([Upsert(Doc(1, "Hydraulic cylinders"))], 5);
        var mismatched = new IndexChange(DocumentKind.Supplier, 3, Doc(4, "Hydraulic hoses"));
        await Assert.ThrowsAsync<ArgumentException>(() => Index.ApplyAsync([Upsert(Doc(2, "Hydraulic pumps")), mismatched], 6));
        Lucene.Dispose();

        using var reopened = new LuceneSearchIndex(_folder);
        Assert.Equal(5, await reopened.GetCheckpointAsync());
        var result = await reopened.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = "hydraulic" });
        Assert.Equal([1], result.Hits.Select(h => h.EntityId));
    }

    [Fact]
    public async Task ACompletedRebuildBecomesTheGenerationOpenedNextTime()
    {
        await Index.ApplyAsync(SearchTestData.AllChanges(), 1);
        await using (var rebuild = await Index.BeginRebuildAsync())
        {
            await rebuild.AddAsync([Doc(100, "Hydraulic cylinders")]);
            Assert.Equal(2, Generations().Count);
            await rebuild.CompleteAsync(9);
        }
        Assert.Equal(["gen-2"], Generations());
        Assert.Equal("gen-2", File.ReadAllText(Path.Combine(_folder, "current")));
        Lucene.Dispose();

        using var reopened = new LuceneSearchIndex(_folder);
        Assert.Equal(9, await reopened.GetCheckpointAsync());
        Assert.Equal(1, (await reopened.CountAsync())[DocumentKind.Supplier]);
    }

    [Fact]
    public async Task TheFingerprintIsInTheCommitAndSurvivesReopening()
    {
        await using (var rebuild = await Index.BeginRebuildAsync("understanding 1a2b.r2")) await rebuild.CompleteAsync(3);
        await Index.ApplyAsync([Upsert(Doc(1, "Laser cutting"))], 4);
        Lucene.Dispose();

        using var reopened = new LuceneSearchIndex(_folder);
        Assert.Equal("understanding 1a2b.r2", await reopened.GetFingerprintAsync());
        Assert.Equal(4, await reopened.GetCheckpointAsync());
    }

    [Fact]
    public async Task AnAbandonedRebuildDeletesItsFolder()
    {
        await using (var rebuild = await Index.BeginRebuildAsync())
        {
            await rebuild.AddAsync([Doc(100, "Hydraulic cylinders")]);
        }
        Assert.Equal(["gen-1"], Generations());
    }

    [Fact]
    public async Task LeftoversOfAnInterruptedRebuildAreRemovedOnOpen()
    {
        await Index.ApplyAsync([Upsert(Doc(1, "Hydraulic cylinders"))], 2);
        Lucene.Dispose();
        Directory.CreateDirectory(Path.Combine(_folder, "gen-7"));
        File.WriteAllText(Path.Combine(_folder, "gen-7", "_0.cfs"), "partial");

        using var reopened = new LuceneSearchIndex(_folder);
        Assert.Equal(["gen-1"], Generations());
        Assert.Equal(2, await reopened.GetCheckpointAsync());
    }

    [Fact]
    public async Task AJapaneseMatchIsMarkedAsOneRun()
    {
        await Index.ApplyAsync(SearchTestData.AllChanges(), 1);
        var result = await Index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = "精密切削", Highlight = true });
        var snippet = Assert.Single(Assert.Single(result.Hits).Highlights);
        Assert.Contains("ステンレスの<mark>精密切削</mark>加工", snippet);
    }

    [Fact]
    public async Task SearchingADisposedIndexIsRefused()
    {
        Lucene.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier }));
    }

    private List<string> Generations() =>
        Directory.EnumerateDirectories(_folder, "gen-*").Select(d => Path.GetFileName(d)!).Order().ToList();
}
