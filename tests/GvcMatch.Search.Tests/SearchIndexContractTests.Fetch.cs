using GvcMatch.Search;

namespace GvcMatch.Search.Tests;

/// <summary>
/// Ids-only searches and reading documents by id: a caller that fuses several lists reads the
/// payloads of the winners alone, and must get the same ranking and the same payloads as before.
/// </summary>
public abstract partial class SearchIndexContractTests
{
    public static TheoryData<string> RankingModes => ["text", "terms", "vector"];

    private static SearchQuery InMode(string mode) => mode switch
    {
        "text" => new SearchQuery { Kind = DocumentKind.Supplier, Text = "aluminium titanium machining", AnyTerm = true, Take = 10 },
        "terms" => new SearchQuery { Kind = DocumentKind.Supplier, RankByTerms = new KeywordFilter("certification", ["ISO9001", "AS9100", "IATF16949"]), Take = 10 },
        _ => new SearchQuery { Kind = DocumentKind.Supplier, Vector = Query, Take = 10 },
    };

    [Theory]
    [MemberData(nameof(RankingModes))]
    public async Task AnIdsOnlySearchRanksTheSameHitsWithTheSameScoresButReadsNoPayload(string mode)
    {
        await SeedVectorsAsync();
        var whole = await Index.SearchAsync(InMode(mode));
        var idsOnly = await Index.SearchAsync(InMode(mode) with { IdsOnly = true });
        Assert.True(whole.Hits.Count > 2);
        Assert.All(whole.Hits, h => Assert.NotNull(h.Payload));
        Assert.Equal(whole.Hits.Select(h => h.EntityId), idsOnly.Hits.Select(h => h.EntityId));
        Assert.Equal(whole.Hits.Select(h => Math.Round(h.Score, 4)), idsOnly.Hits.Select(h => Math.Round(h.Score, 4)));
        Assert.Equal(whole.Total, idsOnly.Total);
        Assert.All(idsOnly.Hits, h => Assert.Null(h.Payload));
    }

    [Fact]
    public async Task FetchingReadsTitleAndPayloadOfTheAskedDocumentsInTheAskedOrder()
    {
        await Index.ApplyAsync(SearchTestData.AllChanges(), 1);
        var hits = await Index.FetchAsync(DocumentKind.Supplier, [29, 4, 1, 4]);
        Assert.Equal([29, 4, 1], hits.Select(h => h.EntityId));
        Assert.Equal(["Anodising services", "精密切削加工", "Precision CNC machining"], hits.Select(h => h.Title));
        Assert.Equal(["""{"id":29}""", """{"id":4}""", """{"id":1}"""], hits.Select(h => h.Payload));
        Assert.All(hits, h => Assert.Equal(DocumentKind.Supplier, h.Kind));
    }

    [Fact]
    public async Task FetchingLeavesOutDeletedDocumentsAndDocumentsOfAnotherKind()
    {
        await Index.ApplyAsync(SearchTestData.AllChanges(), 1);
        await Index.ApplyAsync([new IndexChange(DocumentKind.Supplier, 7, null)], 2);
        // Updated twice in one batch: only the last version is live.
        var renamed = SearchTestData.Suppliers.Single(d => d.EntityId == 3);
        await Index.ApplyAsync([Upsert(renamed with { Title = "First new name" }), Upsert(renamed with { Title = "Fundición Ibérica" })], 3);
        // Requirement 2 exists, supplier 2 as well; supplier 7 was deleted and 999 never existed.
        var hits = await Index.FetchAsync(DocumentKind.Requirement, [999, 2, 7]);
        Assert.Equal([2], hits.Select(h => h.EntityId));
        Assert.Equal("Organic cocoa", hits[0].Title);
        Assert.Equal(["Fundición Ibérica"], (await Index.FetchAsync(DocumentKind.Supplier, [7, 3])).Select(h => h.Title));
        Assert.Empty(await Index.FetchAsync(DocumentKind.Supplier, []));
    }

    [Fact]
    public async Task FetchingMoreThanAPageAtOnceIsRefused()
    {
        var error = await Assert.ThrowsAsync<SearchQueryException>(() => Index.FetchAsync(DocumentKind.Supplier, Enumerable.Range(1, SearchQuery.MaxTake + 1).ToList()));
        Assert.Equal("entityIds", error.Field);
    }
}
