using GvcMatch.Search;

namespace GvcMatch.Search.Tests;

/// <summary>
/// Behaviour every <see cref="ISearchIndex"/> provider must show. A provider's test class derives
/// from this one and supplies a fresh, empty index per test; nothing here knows the provider.
/// </summary>
public abstract partial class SearchIndexContractTests : IAsyncLifetime
{
    private ISearchIndex? _index;

    protected ISearchIndex Index => _index ?? throw new InvalidOperationException("The index is created per test.");

    /// <summary>A new, empty index that no other test uses.</summary>
    protected abstract Task<ISearchIndex> CreateIndexAsync();

    /// <summary>Releases the index and everything it stored.</summary>
    protected abstract Task DeleteIndexAsync(ISearchIndex index);

    public async Task InitializeAsync() => _index = await CreateIndexAsync();

    public async Task DisposeAsync()
    {
        if (_index is not null) await DeleteIndexAsync(_index);
    }

    [Fact]
    public async Task AnUpsertedDocumentIsFoundAtOnce()
    {
        await Index.ApplyAsync([Upsert(Doc(1, "Hydraulic cylinders"))], 1);
        Assert.Equal([1], await IdsAsync("hydraulic"));
    }

    [Fact]
    public async Task AnUpdateReplacesTheDocumentWithoutDuplicates()
    {
        await Index.ApplyAsync([Upsert(Doc(1, "Hydraulic cylinders"))], 1);
        await Index.ApplyAsync([Upsert(Doc(1, "Pneumatic cylinders"))], 2);
        Assert.Empty(await IdsAsync("hydraulic"));
        Assert.Equal([1], await IdsAsync("cylinders"));
        Assert.Equal(1, (await Index.CountAsync())[DocumentKind.Supplier]);
    }

    [Fact]
    public async Task ADeleteRemovesTheDocument()
    {
        await Index.ApplyAsync([Upsert(Doc(1, "Hydraulic cylinders")), Upsert(Doc(2, "Hydraulic pumps"))], 1);
        await Index.ApplyAsync([new IndexChange(DocumentKind.Supplier, 1, null)], 2);
        Assert.Equal([2], await IdsAsync("hydraulic"));
    }

    [Fact]
    public async Task DeletingADocumentThatIsNotThereIsHarmless()
    {
        await Index.ApplyAsync([new IndexChange(DocumentKind.Supplier, 99, null)], 1);
        Assert.Equal(1, await Index.GetCheckpointAsync());
        Assert.Equal(0, (await Index.CountAsync())[DocumentKind.Supplier]);
    }

    [Fact]
    public async Task ApplyingTheSameBatchTwiceLeavesTheSameDocuments()
    {
        var batch = SearchTestData.AllChanges();
        await Index.ApplyAsync(batch, 5);
        var query = new SearchQuery { Kind = DocumentKind.Supplier, Take = 100, Facets = ["country"] };
        var first = await Index.SearchAsync(query);
        await Index.ApplyAsync(batch, 5);
        var second = await Index.SearchAsync(query);
        Assert.Equal(SearchTestData.Suppliers.Count, second.Total);
        Assert.Equal(first.Hits.Select(h => h.EntityId), second.Hits.Select(h => h.EntityId));
        Assert.Equal(first.Facets["country"], second.Facets["country"]);
    }

    [Fact]
    public async Task WithinABatchTheLastChangeToADocumentWins()
    {
        await Index.ApplyAsync(
        [
            Upsert(Doc(1, "Hydraulic cylinders")),
            new IndexChange(DocumentKind.Supplier, 1, null),
            Upsert(Doc(1, "Pneumatic valves")),
            Upsert(Doc(2, "Hydraulic pumps")),
            new IndexChange(DocumentKind.Supplier, 2, null),
        ], 1);
        Assert.Equal([1], await IdsAsync("pneumatic"));
        Assert.Empty(await IdsAsync("hydraulic"));
    }

    [Fact]
    public async Task TheCheckpointIsStoredAndNeverMovesBackwards()
    {
        Assert.Equal(0, await Index.GetCheckpointAsync());
        await Index.ApplyAsync([Upsert(Doc(1, "Hydraulic cylinders"))], 10);
        Assert.Equal(10, await Index.GetCheckpointAsync());
        await Index.ApplyAsync([Upsert(Doc(2, "Hydraulic pumps"))], 7);
        Assert.Equal(10, await Index.GetCheckpointAsync());
        Assert.Equal([1, 2], await IdsAsync("hydraulic"));
        await Index.ApplyAsync([], 12);
        Assert.Equal(12, await Index.GetCheckpointAsync());
    }

    [Fact]
    public async Task KindsNeverMixAndAreCountedApart()
    {
        await Index.ApplyAsync(SearchTestData.AllChanges(), 1);
        var ip = await Index.SearchAsync(new SearchQuery { Kind = DocumentKind.IpListing, Text = "titanium" });
        Assert.Equal([1], ip.Hits.Select(h => h.EntityId));
        Assert.Equal(DocumentKind.IpListing, ip.Hits[0].Kind);
        var counts = await Index.CountAsync();
        Assert.Equal(SearchTestData.Suppliers.Count, counts[DocumentKind.Supplier]);
        Assert.Equal(1, counts[DocumentKind.IpListing]);
        Assert.Equal(2, counts[DocumentKind.Requirement]);
    }

    [Fact]
    public async Task AHitCarriesTitleAndPayloadUntouched()
    {
        await Index.ApplyAsync(SearchTestData.AllChanges(), 1);
        var hit = Assert.Single((await Index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = "anodising" })).Hits);
        Assert.Equal("Anodising services", hit.Title);
        Assert.Equal("""{"id":29}""", hit.Payload);
        Assert.True(hit.Score > 0);
    }

    [Fact]
    public async Task EveryHitOfAPageKeepsItsOwnPayloadAsTextAndAsBytes()
    {
        await Index.ApplyAsync(SearchTestData.AllChanges(), 1);
        var hits = (await Index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Take = 50 })).Hits;
        Assert.True(hits.Count > 3);
        var expected = SearchTestData.Suppliers.ToDictionary(d => d.EntityId, d => d.Payload);
        foreach (var hit in hits)
        {
            // Bytes first: a provider that reused one buffer for all hits would show the last payload everywhere.
            Assert.Equal(expected[hit.EntityId], System.Text.Encoding.UTF8.GetString(hit.PayloadUtf8!.Value.Span));
            Assert.Equal(expected[hit.EntityId], hit.Payload);
        }
    }

    [Fact]
    public async Task SearchesRunSafelyWhileChangesAreApplied()
    {
        await Index.ApplyAsync(SearchTestData.AllChanges(), 1);
        var writes = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
                await Index.ApplyAsync([Upsert(Doc(1000 + i, $"Hydraulic press {i}"))], 2 + i);
        });
        var reads = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!writes.IsCompleted)
            {
                var result = await Index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = "steel", Facets = ["country"] });
                Assert.True(result.Total >= 4);
            }
        })).ToList();
        await Task.WhenAll(reads.Append(writes));
        Assert.Equal(20, (await IdsAsync("hydraulic press", take: 100)).Count);
    }

    protected static IndexChange Upsert(SearchDocument document) => new(document.Kind, document.EntityId, document);

    protected static SearchDocument Doc(int id, string title, string body = "") =>
        SearchTestData.Supplier(id, title, body, "DE", "2592", ["ISO9001"], 1000, 10);

    protected async Task<List<int>> IdsAsync(string? text, int take = 50, Func<SearchQuery, SearchQuery>? shape = null)
    {
        var query = new SearchQuery { Kind = DocumentKind.Supplier, Text = text, Take = take };
        var result = await Index.SearchAsync(shape is null ? query : shape(query));
        return result.Hits.Select(h => h.EntityId).ToList();
    }
}
