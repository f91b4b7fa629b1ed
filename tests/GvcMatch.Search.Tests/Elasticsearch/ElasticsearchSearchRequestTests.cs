using System.Text.Json;
using GvcMatch.Search.Elasticsearch;

namespace GvcMatch.Search.Tests.Elasticsearch;

/// <summary>The search request bodies the provider sends, checked path by path.</summary>
public sealed class ElasticsearchSearchRequestTests
{
    internal const string EmptySearchResponse =
        """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}""";

    private static readonly SearchQuery FullQuery = new()
    {
        Kind = DocumentKind.Supplier,
        Text = "cnc \"5-axis milling\" -casting",
        Filters =
        [
            new KeywordFilter("country", ["JP", "DE"]),
            new KeywordFilter("certification", ["ISO 9001", "AS9100"], MatchAll: true),
        ],
        Ranges = [new RangeFilter("monthlyCapacity", 500, 20000), new RangeFilter("leadTimeDays", null, 30)],
        Facets = ["country", "certification"],
        Sort = new SortBy("leadTimeDays", Descending: false),
        Skip = 40,
        Take = 20,
        Highlight = true,
    };

    /// <summary>The body of the one search request <paramref name="query"/> makes the provider send.</summary>
    internal static async Task<JsonElement> SendAsync(SearchQuery query)
    {
        var es = new CannedElasticsearch().WithExistingIndex().On("POST /gvcmatch/_search", EmptySearchResponse);
        await new ElasticsearchSearchIndex(es.Client, CannedElasticsearch.Options).SearchAsync(query);
        return es.Single("POST", "/gvcmatch/_search").Json;
    }

    [Fact]
    public async Task EachWordIsRequiredInTitleOrBodyTakingTheBestFieldsScore()
    {
        var word = (await SendAsync(FullQuery)).At("query", "bool", "must", 0, "multi_match");
        Assert.Equal("cnc", word.Str("query"));
        // Phrase type: a word that analyses into several tokens ("5-axis") must keep them in order.
        Assert.Equal("phrase", word.Str("type"));
        Assert.Equal(["title^3", "body"], word.Items("fields").Select(f => f.GetString()));
        Assert.Equal(0.1, word.At("tie_breaker").GetDouble());
        Assert.Equal("all", word.Str("zero_terms_query"));
    }

    [Fact]
    public async Task APhraseIsRequiredInOrderInTitleOrBody()
    {
        var phrase = (await SendAsync(FullQuery)).At("query", "bool", "must", 1, "multi_match");
        Assert.Equal("5-axis milling", phrase.Str("query"));
        Assert.Equal("phrase", phrase.Str("type"));
        Assert.Equal(["title^3", "body"], phrase.Items("fields").Select(f => f.GetString()));
    }

    [Fact]
    public async Task JapaneseWordsAlsoSearchTheBigramSubFields()
    {
        var body = await SendAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = "精密切削" });
        var word = Assert.Single(body.Items("query", "bool", "must")).At("multi_match");
        Assert.Equal(["title^3", "body", "title.cjk^3", "body.cjk"], word.Items("fields").Select(f => f.GetString()));
    }

    [Fact]
    public async Task AnAnyTermQueryLetsAnyPartMatchAndSumsTheirScores()
    {
        var body = await SendAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = "hydraulic pneumatic -electric", AnyTerm = true });
        var query = body.At("query", "bool");
        Assert.False(query.TryGetProperty("must", out _));
        Assert.Equal(1, query.At("minimum_should_match").GetInt32());
        var parts = query.Items("should").Select(p => p.At("multi_match")).ToList();
        Assert.Equal(["hydraulic", "pneumatic"], parts.Select(p => p.Str("query")));
        Assert.All(parts, p => Assert.Equal("none", p.Str("zero_terms_query")));
        Assert.Equal("electric", Assert.Single(query.Items("must_not")).Str("multi_match", "query"));
        Assert.Single(query.Items("filter"));
    }

    [Fact]
    public async Task AnExcludedWordIsAMustNotClause()
    {
        var excluded = Assert.Single((await SendAsync(FullQuery)).Items("query", "bool", "must_not")).At("multi_match");
        Assert.Equal("casting", excluded.Str("query"));
        Assert.Equal("phrase", excluded.Str("type"));
        // An excluded stop word must exclude nothing, not everything.
        Assert.Equal("none", excluded.Str("zero_terms_query"));
    }

    [Fact]
    public async Task FiltersAreKindPlusOneTermsPerAnyOfFilterAndOneTermPerValueForMatchAll()
    {
        var filters = (await SendAsync(FullQuery)).Items("query", "bool", "filter");
        Assert.Equal("Supplier", filters[0].Str("term", "kind", "value"));
        Assert.Equal(["JP", "DE"], filters[2].At("terms", "keywords.country").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("ISO 9001", filters[3].Str("term", "keywords.certification", "value"));
        Assert.Equal("AS9100", filters[4].Str("term", "keywords.certification", "value"));
        Assert.Equal(500, filters[5].At("range", "numbers.monthlyCapacity", "gte").GetDouble());
        Assert.Equal(20000, filters[5].At("range", "numbers.monthlyCapacity", "lte").GetDouble());
        Assert.Equal(30, filters[6].At("range", "numbers.leadTimeDays", "lte").GetDouble());
        Assert.False(filters[6].At("range", "numbers.leadTimeDays").TryGetProperty("gte", out _));
        Assert.Equal(7, filters.Count);
    }

    [Fact]
    public async Task AQueryOfOnlyStopWordsMatchesNothingBecauseOnePartMustHaveRealWords()
    {
        var filters = (await SendAsync(FullQuery)).Items("query", "bool", "filter");
        var anyPart = filters[1].At("bool");
        Assert.Equal(1, anyPart.At("minimum_should_match").GetInt32());
        var parts = anyPart.Items("should").Select(p => p.At("multi_match")).ToList();
        Assert.Equal(["cnc", "5-axis milling"], parts.Select(p => p.Str("query")));
        Assert.All(parts, p => Assert.Equal("none", p.Str("zero_terms_query")));
    }

    [Fact]
    public async Task FacetsAreTermsAggregationsOnKeywordFields()
    {
        var aggs = (await SendAsync(FullQuery)).At("aggregations");
        Assert.Equal("keywords.country", aggs.Str("country", "terms", "field"));
        Assert.Equal(50, aggs.At("country", "terms", "size").GetInt32());
        Assert.Equal("keywords.certification", aggs.Str("certification", "terms", "field"));
    }

    [Fact]
    public async Task ANumericSortIsBrokenByEntityIdAndPagingIsFromAndSize()
    {
        var body = await SendAsync(FullQuery);
        var sort = body.Items("sort");
        Assert.Equal("asc", sort[0].Str("numbers.leadTimeDays", "order"));
        Assert.Equal("_last", sort[0].Str("numbers.leadTimeDays", "missing"));
        Assert.Equal("double", sort[0].Str("numbers.leadTimeDays", "unmapped_type"));
        Assert.Equal("asc", sort[1].Str("entityId", "order"));
        Assert.Equal(40, body.At("from").GetInt32());
        Assert.Equal(20, body.At("size").GetInt32());
        Assert.True(body.At("track_total_hits").GetBoolean());
    }

    [Fact]
    public async Task HighlightsMarkTheBodyAndEncodeTheRestAsHtml()
    {
        var highlight = (await SendAsync(FullQuery)).At("highlight");
        Assert.Equal("html", highlight.Str("encoder"));
        Assert.Equal("<mark>", highlight.Str("pre_tags", 0));
        Assert.Equal("</mark>", highlight.Str("post_tags", 0));
        // An array of one-field objects keeps the order: body first, its cjk analysis second.
        Assert.Equal(["body", "body.cjk"], highlight.Items("fields").Select(f => f.EnumerateObject().Single().Name));
    }

    [Fact]
    public async Task NoTextMatchesAllAndRanksByScoreThenEntityId()
    {
        var body = await SendAsync(new SearchQuery { Kind = DocumentKind.Requirement });
        Assert.Equal(JsonValueKind.Object, Assert.Single(body.Items("query", "bool", "must")).At("match_all").ValueKind);
        Assert.Equal("Requirement", Assert.Single(body.Items("query", "bool", "filter")).Str("term", "kind", "value"));
        Assert.False(body.At("query", "bool").TryGetProperty("must_not", out _));
        Assert.Equal("desc", body.Str("sort", 0, "_score", "order"));
        Assert.Equal("asc", body.Str("sort", 1, "entityId", "order"));
        Assert.False(body.TryGetProperty("highlight", out _));
        Assert.False(body.TryGetProperty("aggregations", out _));
    }

    [Fact]
    public async Task AnUnknownFacetIsRefusedBeforeAnythingIsSent()
    {
        var es = new CannedElasticsearch().WithExistingIndex();
        var index = new ElasticsearchSearchIndex(es.Client, CannedElasticsearch.Options);
        var ex = await Assert.ThrowsAsync<SearchQueryException>(() => index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Facets = ["colour"] }));
        Assert.Equal("facets", ex.Field);
        Assert.Empty(es.Sent);
    }
}
