using GvcMatch.Search.Lucene;
using GvcMatch.Search.Lucene.Approximate;
using Xunit.Abstractions;

namespace GvcMatch.Search.Tests;

/// <summary>
/// The Lucene index's HNSW graph for broad filters: it must find what the exact scan finds (recall
/// at 200), never return a deleted or replaced document, leave narrow filters to the exact scan,
/// and come back from disk after a restart.
/// </summary>
public sealed class ApproximateVectorTests(ITestOutputHelper output) : IDisposable
{
    private const int Suppliers = 6_000;
    private const int K = 200;

    /// <summary>Small enough for a test to build the graph in seconds; the rules are the defaults'.</summary>
    private static readonly ApproximateVectorOptions Options = new() { MinDocuments = 2_000, MinAdmitted = 1_000, BuildThreads = 2 };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gvcmatch-hnsw-" + Guid.NewGuid().ToString("N"));
    private readonly GeneratedVectors _data = new(Suppliers, seed: 5);

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ABroadFilterIsAnsweredFromTheGraphWithRecallAt200OfAtLeast098()
    {
        using var index = await IndexWithGraphAsync();
        var before = index.VectorGraphSearches;
        var recalls = new List<double>();
        foreach (var query in _data.Queries(40, seed: 9))
        {
            var found = await NearestAsync(index, query, ["DE", "JP", "US"]);
            var exact = _data.ExactTop(query, K, id => _data.Country(id) is "DE" or "JP" or "US");
            Assert.Equal(K, found.Hits.Count);
            Assert.All(found.Hits, h => Assert.Contains(_data.Country(h.EntityId), new[] { "DE", "JP", "US" }));
            recalls.Add(found.Hits.Count(h => exact.Contains(h.EntityId)) / (double)K);
        }
        output.WriteLine($"recall@{K} over 40 queries: mean {recalls.Average():0.0000}, lowest {recalls.Min():0.0000}; graph {index.VectorGraphBytes / 1048576.0:0.0} MiB");
        Assert.Equal(40, index.VectorGraphSearches - before);
        Assert.True(recalls.Average() >= 0.98, $"recall@{K} {recalls.Average():0.0000} (lowest {recalls.Min():0.0000})");
    }

    [Fact]
    public async Task ADeletedOrReplacedSupplierNeverComesBackFromTheGraph()
    {
        using var index = await IndexWithGraphAsync();
        var query = _data.Queries(1, seed: 21)[0];
        var first = await NearestAsync(index, query, ["DE", "JP", "US"]);
        var deleted = first.Hits.Take(20).Select(h => h.EntityId).ToList();
        var moved = first.Hits.Skip(20).Take(20).Select(h => h.EntityId).ToList();
        var far = GeneratedVectors.Normalize(query.Select(v => -v).ToArray());
        await index.ApplyAsync(
        [
            .. deleted.Select(id => new IndexChange(DocumentKind.Supplier, id, null)),
            .. moved.Select(id => new IndexChange(DocumentKind.Supplier, id, _data.Document(id) with { Vector = far })),
        ], 10);

        var searches = index.VectorGraphSearches;
        var again = await NearestAsync(index, query, ["DE", "JP", "US"]);
        Assert.Equal(searches + 1, index.VectorGraphSearches);
        Assert.Empty(again.Hits.Select(h => h.EntityId).Intersect(deleted));
        // The replaced documents now point away from the query: they rank nowhere near the top.
        Assert.Empty(again.Hits.Select(h => h.EntityId).Intersect(moved));
        var fetched = await index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Vector = far, Take = 20, Filters = [new KeywordFilter("country", ["DE", "JP", "US"])] });
        Assert.Equal(moved.Order(), fetched.Hits.Select(h => h.EntityId).Order());
    }

    [Fact]
    public async Task ANarrowFilterIsScannedExactly()
    {
        using var index = await IndexWithGraphAsync();
        var searches = index.VectorGraphSearches;
        foreach (var query in _data.Queries(5, seed: 33))
        {
            var found = await NearestAsync(index, query, ["CH"]);
            var exact = _data.ExactOrder(query, K, id => _data.Country(id) == "CH");
            Assert.Equal(exact, found.Hits.Select(h => h.EntityId));
        }
        Assert.Equal(searches, index.VectorGraphSearches);
    }

    [Fact]
    public async Task TheGraphIsLoadedFromDiskAfterARestart()
    {
        (await IndexWithGraphAsync()).Dispose();
        using var reopened = new LuceneSearchIndex(_folder, Options);
        Assert.True(reopened.VectorGraphBytes > 0);
        var query = _data.Queries(1, seed: 44)[0];
        var found = await NearestAsync(reopened, query, ["DE", "JP", "US"]);
        Assert.Equal(1, reopened.VectorGraphSearches);
        Assert.True(reopened.VectorGraphBuilding.IsCompleted);
        var exact = _data.ExactTop(query, K, id => _data.Country(id) is "DE" or "JP" or "US");
        Assert.True(found.Hits.Count(h => exact.Contains(h.EntityId)) >= 0.95 * K);
    }

    [Fact]
    public async Task WithTheGraphSwitchedOffEveryQueryIsTheExactScan()
    {
        using var index = new LuceneSearchIndex(_folder, Options with { Enabled = false });
        await WriteAsync(index);
        var query = _data.Queries(1, seed: 51)[0];
        var found = await NearestAsync(index, query, ["DE", "JP", "US"]);
        await index.VectorGraphBuilding;
        Assert.Equal(0, index.VectorGraphBytes);
        Assert.Equal(_data.ExactOrder(query, K, id => _data.Country(id) is "DE" or "JP" or "US"), found.Hits.Select(h => h.EntityId));
    }

    [Fact]
    public async Task TheExactScanReadsOnlyTheStoredVectorsThatCanEnterThePageAndGivesTheExactPage()
    {
        // The int8 pass keeps four candidates per hit asked for; a candidate's error bound tells
        // which of them can still beat the page's exact scores, and only those are read. The page
        // must be the float scan's, scores and order, whatever the filter, skip or size.
        using var index = new LuceneSearchIndex(_folder, Options with { Enabled = false });
        await WriteAsync(index);
        var asked = 0;
        foreach (var (query, i) in _data.Queries(30, seed: 61).Select((q, i) => (q, i)))
        {
            var (countries, skip, take) = (i % 3) switch { 0 => (new[] { "DE", "JP", "US" }, 0, K), 1 => (["CH", "FR"], 20, 50), _ => (["IT"], 0, K) };
            var found = await index.SearchAsync(new SearchQuery
            {
                Kind = DocumentKind.Supplier, Vector = query, Take = take, Skip = skip, Filters = [new KeywordFilter("country", countries)],
            });
            var exact = _data.ExactOrder(query, skip + take, id => countries.Contains(_data.Country(id))).Skip(skip).ToList();
            Assert.Equal(exact, found.Hits.Select(h => h.EntityId));
            Assert.Equal(exact.Select(id => (double)System.Numerics.Tensors.TensorPrimitives.Dot(_data.Document(id).Vector!, query)), found.Hits.Select(h => h.Score));
            asked += Math.Min(4 * (skip + take), Suppliers);
        }
        output.WriteLine($"stored vectors read: {index.VectorsRescored:N0} of the {asked:N0} candidates kept");
        Assert.True(index.VectorsRescored < 0.8 * asked, $"{index.VectorsRescored} of {asked} candidates read");
    }

    /// <summary>Written in three batches (three segments); the first vector query starts the build, which is awaited.</summary>
    private async Task<LuceneSearchIndex> IndexWithGraphAsync()
    {
        var index = new LuceneSearchIndex(_folder, Options);
        await WriteAsync(index);
        await NearestAsync(index, _data.Queries(1, seed: 1)[0], ["DE"]);
        await index.VectorGraphBuilding;
        Assert.True(index.VectorGraphBytes > 0);
        return index;
    }

    private async Task WriteAsync(LuceneSearchIndex index)
    {
        foreach (var batch in Enumerable.Range(1, Suppliers).Chunk(Suppliers / 3))
            await index.ApplyAsync(batch.Select(id => new IndexChange(DocumentKind.Supplier, id, _data.Document(id))).ToList(), batch[^1]);
    }

    private static Task<SearchResult> NearestAsync(LuceneSearchIndex index, float[] query, string[] countries) =>
        index.SearchAsync(new SearchQuery
        {
            Kind = DocumentKind.Supplier, Vector = query, Take = K, IdsOnly = true,
            Filters = [new KeywordFilter("country", countries)],
        });
}
