using GvcMatch.Search;

namespace GvcMatch.Search.Tests;

/// <summary>Filters, facets, sorting, paging and text matching over the shared catalogue.</summary>
public abstract partial class SearchIndexContractTests
{
    private static IReadOnlyList<SearchDocument> Suppliers => SearchTestData.Suppliers;

    private async Task SeedAsync() => await Index.ApplyAsync(SearchTestData.AllChanges(), 1);

    private static List<int> Expected(Func<SearchDocument, bool> predicate) =>
        Suppliers.Where(predicate).Select(d => d.EntityId).Order().ToList();

    [Fact]
    public async Task AKeywordFilterMatchesAnyOfItsValues()
    {
        await SeedAsync();
        var ids = await IdsAsync(null, shape: q => q with { Filters = [new KeywordFilter("country", ["ES", "MX"])] });
        Assert.Equal(Expected(d => d.Country() is "ES" or "MX"), ids);
    }

    [Fact]
    public async Task FiltersOnDifferentFieldsMustAllMatch()
    {
        await SeedAsync();
        var ids = await IdsAsync(null, shape: q => q with
        {
            Filters = [new KeywordFilter("country", ["MX"]), new KeywordFilter("certification", ["IATF16949"])],
        });
        Assert.Equal([2, 13, 24], ids);
    }

    [Fact]
    public async Task AMatchAllFilterRequiresEveryValue()
    {
        await SeedAsync();
        var ids = await IdsAsync(null, shape: q => q with { Filters = [new KeywordFilter("certification", ["ISO9001", "AS9100"], MatchAll: true)] });
        Assert.Equal([1, 11], ids);
    }

    [Fact]
    public async Task FiltersDoNotChangeTheRelevanceOrder()
    {
        await SeedAsync();
        var all = await IdsAsync("gearbox");
        var filtered = await IdsAsync("gearbox", shape: q => q with { Filters = [new KeywordFilter("country", ["DE", "IT"])] });
        Assert.Equal(all, filtered);
    }

    [Fact]
    public async Task RangesAreInclusiveAndEitherEndMayBeOpen()
    {
        await SeedAsync();
        static double? Lead(SearchDocument d) => d.Numbers.TryGetValue("leadTimeDays", out var v) ? v : null;
        Assert.Equal(Expected(d => Lead(d) is >= 20 and <= 30),
            await IdsAsync(null, shape: q => q with { Ranges = [new RangeFilter("leadTimeDays", 20, 30)] }));
        Assert.Equal(Expected(d => Lead(d) >= 45),
            await IdsAsync(null, shape: q => q with { Ranges = [new RangeFilter("leadTimeDays", 45, null)] }));
        Assert.Equal(Expected(d => Lead(d) <= 12),
            await IdsAsync(null, shape: q => q with { Ranges = [new RangeFilter("leadTimeDays", null, 12)] }));
    }

    [Fact]
    public async Task FacetsCountEveryMatchNotJustThePage()
    {
        await SeedAsync();
        var result = await Index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Facets = ["country", "certification"], Take = 3 });
        Assert.Equal(3, result.Hits.Count);
        Assert.Equal(Suppliers.Count, result.Total);
        Assert.Equal(ExpectedFacet(Suppliers, "country"), result.Facets["country"]);
        Assert.Equal(ExpectedFacet(Suppliers, "certification"), result.Facets["certification"]);
    }

    [Fact]
    public async Task FacetsFollowTheTextAndFilters()
    {
        await SeedAsync();
        var result = await Index.SearchAsync(new SearchQuery
        {
            Kind = DocumentKind.Supplier, Text = "steel", Facets = ["country"],
            Ranges = [new RangeFilter("monthlyCapacity", 10000, null)], Take = 0,
        });
        Assert.Empty(result.Hits);
        Assert.Equal([new FacetValue("IN", 1), new FacetValue("PL", 1), new FacetValue("TR", 1)], result.Facets["country"]);
    }

    [Fact]
    public async Task PagesAreStableAndCoverEveryMatchOnce()
    {
        await SeedAsync();
        var seen = new List<int>();
        for (var skip = 0; skip < Suppliers.Count; skip += 7)
            seen.AddRange(await IdsAsync(null, take: 7, shape: q => q with { Skip = skip }));
        Assert.Equal(Suppliers.Select(d => d.EntityId).Order(), seen);
    }

    [Fact]
    public async Task SortingByANumberPutsDocumentsWithoutItLast()
    {
        await SeedAsync();
        static double? Capacity(SearchDocument d) => d.Numbers.TryGetValue("monthlyCapacity", out var v) ? v : null;
        var withValue = Suppliers.Where(d => Capacity(d) is not null);
        var missing = Suppliers.Where(d => Capacity(d) is null).Select(d => d.EntityId).Order();
        var descending = withValue.OrderByDescending(Capacity).ThenBy(d => d.EntityId).Select(d => d.EntityId).Concat(missing);
        var ascending = withValue.OrderBy(Capacity).ThenBy(d => d.EntityId).Select(d => d.EntityId).Concat(missing);
        Assert.Equal(descending, await IdsAsync(null, shape: q => q with { Sort = new SortBy("monthlyCapacity", true) }));
        Assert.Equal(ascending, await IdsAsync(null, shape: q => q with { Sort = new SortBy("monthlyCapacity", false) }));
    }

    [Fact]
    public async Task SortingByANumberKeepsTheTextCondition()
    {
        await SeedAsync();
        Assert.Equal([19, 12, 7, 30], await IdsAsync("steel", shape: q => q with { Sort = new SortBy("monthlyCapacity", true) }));
    }

    [Fact]
    public async Task FiltersUsedBeforeAChangeSeeTheChange()
    {
        static SearchDocument Supplier(int id, string country, string[] certificates, double capacity) =>
            SearchTestData.Supplier(id, $"Supplier {id}", "", country, "2592", certificates, capacity, 10);
        static SearchQuery Certified(SearchQuery q) => q with { Filters = [new KeywordFilter("certification", ["ISO9001"])] };
        static SearchQuery CertifiedLargeInGermany(SearchQuery q) => q with
        {
            Filters = [new KeywordFilter("certification", ["ISO9001"]), new KeywordFilter("country", ["DE"])],
            Ranges = [new RangeFilter("monthlyCapacity", 500, null)],
        };
        await Index.ApplyAsync(
        [
            Upsert(Supplier(1, "DE", ["ISO9001"], 1000)), Upsert(Supplier(2, "FR", ["ISO9001"], 1000)),
            Upsert(Supplier(3, "DE", [], 1000)), Upsert(Supplier(4, "DE", ["ISO9001"], 1000)),
        ], 1);
        Assert.Equal([1, 2, 4], await IdsAsync(null, shape: Certified));
        Assert.Equal([1, 4], await IdsAsync(null, shape: CertifiedLargeInGermany));
        // The narrower query shares the certificate condition; it must not have narrowed it for others.
        Assert.Equal([1, 2, 4], await IdsAsync(null, shape: Certified));

        await Index.ApplyAsync(
        [
            Upsert(Supplier(1, "DE", [], 1000)), Upsert(Supplier(3, "DE", ["ISO9001"], 1000)),
            new IndexChange(DocumentKind.Supplier, 4, null), Upsert(Supplier(5, "DE", ["ISO9001"], 1000)),
            Upsert(Supplier(6, "DE", ["ISO9001"], 100)),
        ], 2);
        Assert.Equal([2, 3, 5, 6], await IdsAsync(null, shape: Certified));
        Assert.Equal([3, 5], await IdsAsync(null, shape: CertifiedLargeInGermany));
    }

    private static List<FacetValue> ExpectedFacet(IEnumerable<SearchDocument> documents, string field) =>
        documents.SelectMany(d => d.Values(field)).GroupBy(v => v)
            .Select(g => new FacetValue(g.Key, g.Count()))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();
}
