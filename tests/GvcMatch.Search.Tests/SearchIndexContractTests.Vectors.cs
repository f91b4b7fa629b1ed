using GvcMatch.Search;

namespace GvcMatch.Search.Tests;

/// <summary>
/// Vector and terms-count ranking: the same documents in the same order on every provider, with
/// every filter and range applied exactly as in text mode.
/// </summary>
public abstract partial class SearchIndexContractTests
{
    /// <summary>Angles from the query direction; cosines 1, 0.97, 0.87, 0.71, 0.5, 0.17, -0.5.</summary>
    private static readonly (int Id, double Degrees)[] Angles = [(1, 0), (2, 15), (3, 30), (4, 45), (5, 60), (6, 80), (7, 120)];

    /// <summary>A unit vector at <paramref name="degrees"/> from <see cref="Query"/>, in the first plane of eight dimensions.</summary>
    private static float[] At(double degrees)
    {
        var radians = degrees * Math.PI / 180;
        return [(float)Math.Cos(radians), (float)Math.Sin(radians), 0f, 0f, 0f, 0f, 0f, 0f];
    }

    private static readonly float[] Query = At(0);

    /// <summary>Every supplier of the shared catalogue, those in <see cref="Angles"/> with a vector and every other one without.</summary>
    private async Task SeedVectorsAsync()
    {
        var angles = Angles.ToDictionary(a => a.Id, a => a.Degrees);
        var changes = SearchTestData.Suppliers
            .Select(d => angles.TryGetValue(d.EntityId, out var degrees) ? d with { Vector = At(degrees) } : d)
            .Select(Upsert).ToList();
        await Index.ApplyAsync(changes, 1);
    }

    private Task<SearchResult> NearestAsync(Func<SearchQuery, SearchQuery>? shape = null, float[]? vector = null)
    {
        var query = new SearchQuery { Kind = DocumentKind.Supplier, Vector = vector ?? Query, Take = 10 };
        return Index.SearchAsync(shape is null ? query : shape(query));
    }

    [Fact]
    public async Task VectorModeRanksTheNearestFirstAndScoresTheCosine()
    {
        await SeedVectorsAsync();
        var result = await NearestAsync();
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], result.Hits.Select(h => h.EntityId));
        foreach (var hit in result.Hits)
            Assert.Equal(Math.Cos(Angles.Single(a => a.Id == hit.EntityId).Degrees * Math.PI / 180), hit.Score, 3);
        Assert.Equal(7, result.Total);
        Assert.Equal("""{"id":1}""", result.Hits[0].Payload);
    }

    [Fact]
    public async Task VectorModeHonoursEveryFilterAndRange()
    {
        await SeedVectorsAsync();
        // Of 1..7: 2 and 6 (MX, VN) fail the country; 3 and 5 (lead times 40 and 30) fail the range.
        var result = await NearestAsync(q => q with
        {
            Filters = [new KeywordFilter("country", ["DE", "ES", "JP", "CH", "PL"])],
            Ranges = [new RangeFilter("leadTimeDays", null, 29)],
        });
        Assert.Equal([1, 4, 7], result.Hits.Select(h => h.EntityId));
    }

    [Fact]
    public async Task VectorModePagesThroughTheNearestAndCountsWhatItRanked()
    {
        await SeedVectorsAsync();
        var first = await NearestAsync(q => q with { Take = 3 });
        var second = await NearestAsync(q => q with { Skip = 3, Take = 3 });
        Assert.Equal([1, 2, 3], first.Hits.Select(h => h.EntityId));
        Assert.Equal([4, 5, 6], second.Hits.Select(h => h.EntityId));
        Assert.Equal(3, first.Total);
        Assert.Equal(6, second.Total);
    }

    [Fact]
    public async Task EqualVectorsTieByEntityIdAndOtherKindsNeverMix()
    {
        await SeedVectorsAsync();
        await Index.ApplyAsync(
        [
            Upsert(Doc(40, "Twin b") with { Vector = At(15) }),
            Upsert(Doc(39, "Twin a") with { Vector = At(15) }),
            Upsert(new SearchDocument { Kind = DocumentKind.Requirement, EntityId = 3, Title = "Wanted", Vector = At(0) }),
        ], 2);
        var result = await NearestAsync(q => q with { Take = 4 });
        Assert.Equal([1, 2, 39, 40], result.Hits.Select(h => h.EntityId));
        var requirements = await NearestAsync(q => q with { Kind = DocumentKind.Requirement });
        Assert.Equal([3], requirements.Hits.Select(h => h.EntityId));
    }

    [Fact]
    public async Task AVectorSurvivesAnUpdateAndARebuildAndLeavesWithADelete()
    {
        await SeedVectorsAsync();
        await Index.ApplyAsync([Upsert(SearchTestData.Suppliers[6] with { Vector = At(5) }), new IndexChange(DocumentKind.Supplier, 2, null)], 2);
        Assert.Equal([1, 7, 3], (await NearestAsync(q => q with { Take = 3 })).Hits.Select(h => h.EntityId));

        await using (var rebuild = await Index.BeginRebuildAsync())
        {
            await rebuild.AddAsync([Doc(100, "Hydraulic cylinders") with { Vector = At(50) }, Doc(101, "Hydraulic pumps") with { Vector = At(10) }, Doc(102, "No vector")]);
            await rebuild.CompleteAsync(3);
        }
        Assert.Equal([101, 100], (await NearestAsync()).Hits.Select(h => h.EntityId));
    }

    [Fact]
    public async Task RankByTermsOrdersByHowManyValuesADocumentHolds()
    {
        await SeedAsync();
        var result = await Index.SearchAsync(new SearchQuery
        {
            Kind = DocumentKind.Supplier,
            RankByTerms = new KeywordFilter("certification", ["AS9100", "IATF16949", "ISO9001", "AS9100"]),
            Filters = [new KeywordFilter("country", ["DE", "MX", "ES", "US"])],
            Ranges = [new RangeFilter("monthlyCapacity", 1000, null)],
            Take = 20,
        });
        // Two of the values: 1 (DE), 2 (MX), 11 (ES); one: 3, 13, 16, 22, 24 (then by id); none: never.
        Assert.Equal([1, 2, 11, 3, 13, 16, 22, 24], result.Hits.Select(h => h.EntityId));
        Assert.Equal([2, 2, 2, 1, 1, 1, 1, 1], result.Hits.Select(h => h.Score));
        Assert.Equal(8, result.Total);
    }

    [Fact]
    public async Task RankByTermsCountsFacetsOverTheDocumentsItRanks()
    {
        await SeedAsync();
        var result = await Index.SearchAsync(new SearchQuery
        {
            Kind = DocumentKind.Supplier,
            RankByTerms = new KeywordFilter("certification", ["AS9100"]),
            Facets = ["country"],
        });
        Assert.Equal([1, 11, 16], result.Hits.Select(h => h.EntityId));
        Assert.Equal([new FacetValue("DE", 1), new FacetValue("ES", 1), new FacetValue("US", 1)], result.Facets["country"].OrderBy(f => f.Value));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("sort")]
    [InlineData("both")]
    [InlineData("facets")]
    [InlineData("empty")]
    [InlineData("unknown field")]
    public async Task ARankingModeMixedWithAnotherIsRefused(string mix)
    {
        var vector = new SearchQuery { Kind = DocumentKind.Supplier, Vector = Query };
        var query = mix switch
        {
            "text" => vector with { Text = "steel" },
            "sort" => vector with { Sort = new SortBy("leadTimeDays", false) },
            "both" => vector with { RankByTerms = new KeywordFilter("certification", ["ISO9001"]) },
            "facets" => vector with { Facets = ["country"] },
            "empty" => vector with { Vector = [] },
            _ => new SearchQuery { Kind = DocumentKind.Supplier, RankByTerms = new KeywordFilter("colour", ["red"]) },
        };
        await Assert.ThrowsAsync<SearchQueryException>(() => Index.SearchAsync(query));
    }
}
