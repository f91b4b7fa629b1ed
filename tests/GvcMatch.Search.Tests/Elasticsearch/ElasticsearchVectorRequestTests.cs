using System.Text.Json;
using GvcMatch.Search.Elasticsearch;

namespace GvcMatch.Search.Tests.Elasticsearch;

/// <summary>What the provider sends for vector and terms-count ranking, and for documents carrying vectors.</summary>
public sealed class ElasticsearchVectorRequestTests
{
    private const string EmptySearchResponse = ElasticsearchSearchRequestTests.EmptySearchResponse;

    private static readonly float[] Vector = [0.6f, 0.8f, 0f];

    private static Task<JsonElement> SendAsync(SearchQuery query) => ElasticsearchSearchRequestTests.SendAsync(query);

    [Fact]
    public async Task AVectorQueryIsAKnnSearchWithTheFiltersInsideIt()
    {
        var body = await SendAsync(new SearchQuery
        {
            Kind = DocumentKind.Supplier,
            Vector = Vector,
            Filters = [new KeywordFilter("country", ["JP", "DE"]), new KeywordFilter("certification", ["ISO 9001", "AS9100"], MatchAll: true)],
            Ranges = [new RangeFilter("leadTimeDays", null, 30)],
            Skip = 20,
            Take = 10,
        });
        var knn = Assert.Single(body.Items("knn"));
        Assert.Equal("vector", knn.Str("field"));
        Assert.Equal([0.6f, 0.8f, 0f], knn.Items("query_vector").Select(v => v.GetSingle()));
        Assert.Equal(30, knn.At("k").GetInt32());
        Assert.Equal(300, knn.At("num_candidates").GetInt32());
        var filters = knn.Items("filter");
        Assert.Equal("Supplier", filters[0].Str("term", "kind", "value"));
        Assert.Equal(["JP", "DE"], filters[1].At("terms", "keywords.country").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("ISO 9001", filters[2].Str("term", "keywords.certification", "value"));
        Assert.Equal("AS9100", filters[3].Str("term", "keywords.certification", "value"));
        Assert.Equal(30, filters[4].At("range", "numbers.leadTimeDays", "lte").GetDouble());
        Assert.Equal(5, filters.Count);
        // No text query beside it: the kNN hits are the whole result, paged by from and size.
        Assert.False(body.TryGetProperty("query", out _));
        Assert.Equal(20, body.At("from").GetInt32());
        Assert.Equal(10, body.At("size").GetInt32());
        Assert.Equal("asc", body.Str("sort", 1, "entityId", "order"));
    }

    [Fact]
    public async Task ASmallVectorQueryStillAsksForAHundredCandidates()
    {
        var knn = Assert.Single((await SendAsync(new SearchQuery { Kind = DocumentKind.Requirement, Vector = Vector, Take = 5 })).Items("knn"));
        Assert.Equal(5, knn.At("k").GetInt32());
        Assert.Equal(100, knn.At("num_candidates").GetInt32());
        Assert.Equal("Requirement", Assert.Single(knn.Items("filter")).Str("term", "kind", "value"));
    }

    [Fact]
    public async Task RankByTermsSumsOneConstantScorePerValueWithinTheFilters()
    {
        var body = await SendAsync(new SearchQuery
        {
            Kind = DocumentKind.Supplier,
            RankByTerms = new KeywordFilter("certification", ["ISO 9001", "AS9100", "ISO 9001"]),
            Filters = [new KeywordFilter("country", ["JP"])],
        });
        var query = body.At("query", "bool");
        Assert.Equal(1, query.At("minimum_should_match").GetInt32());
        var should = query.Items("should").Select(s => s.At("constant_score")).ToList();
        Assert.Equal(["AS9100", "ISO 9001"], should.Select(s => s.Str("filter", "term", "keywords.certification", "value")));
        Assert.All(should, s => Assert.Equal(1, s.At("boost").GetDouble()));
        Assert.Equal(["Supplier", "JP"], query.Items("filter").Select(f => f.TryGetProperty("term", out var t) ? t.Str("kind", "value") : f.At("terms", "keywords.country")[0].GetString()));
        Assert.Equal("desc", body.Str("sort", 0, "_score", "order"));
    }

    [Fact]
    public async Task AVectorHitScoresTheCosineNotElasticsearchsHalfShiftedScore()
    {
        var es = new CannedElasticsearch().WithExistingIndex().On("POST /gvcmatch/_search", """
            {"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
             "hits":{"total":{"value":2,"relation":"eq"},"max_score":0.9,"hits":[
               {"_index":"gvcmatch-x","_id":"Supplier:3","_score":0.9,"_source":{"kind":"Supplier","entityId":3,"title":"Near"}},
               {"_index":"gvcmatch-x","_id":"Supplier:4","_score":0.25,"_source":{"kind":"Supplier","entityId":4,"title":"Opposite-ish"}}]}}
            """);
        var result = await new ElasticsearchSearchIndex(es.Client, CannedElasticsearch.Options)
            .SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Vector = Vector });
        Assert.Equal([0.8, -0.5], result.Hits.Select(h => Math.Round(h.Score, 5)));
    }

    [Fact]
    public async Task ANewIndexMapsVectorsForCosineKnn()
    {
        var es = new CannedElasticsearch()
            .On("HEAD /_alias/gvcmatch", "", 404)
            .On("PUT /gvcmatch-meta", """{"acknowledged":true}""")
            .On("PUT /gvcmatch-00000000-000000-000", """{"acknowledged":true}""")
            .On("POST /gvcmatch/_search", EmptySearchResponse);
        await new ElasticsearchSearchIndex(es.Client, CannedElasticsearch.Options).SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier });
        var vector = es.Single("PUT", "/gvcmatch-00000000").Json.At("mappings", "properties", "vector");
        Assert.Equal("dense_vector", vector.Str("type"));
        Assert.True(vector.At("index").GetBoolean());
        Assert.Equal("cosine", vector.Str("similarity"));
        // No fixed dims: the first vector sets them, so a deployment can swap the model and rebuild.
        Assert.False(vector.TryGetProperty("dims", out _));
    }

    [Fact]
    public async Task ALiveIndexFromBeforeVectorsGetsTheVectorFieldAdded()
    {
        var es = new CannedElasticsearch().WithExistingIndex().On("POST /gvcmatch/_search", EmptySearchResponse);
        await new ElasticsearchSearchIndex(es.Client, CannedElasticsearch.Options).SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier });
        var mapping = es.Single("PUT", "/gvcmatch/_mapping").Json;
        Assert.Equal("dense_vector", mapping.Str("properties", "vector", "type"));
    }

    [Fact]
    public async Task ADocumentSendsItsVectorAndOneWithoutLeavesTheFieldOut()
    {
        var es = new CannedElasticsearch().WithExistingIndex().WithCheckpointWrites().On("POST /gvcmatch/_bulk", """{"errors":false,"took":1,"items":[]}""");
        var with = new SearchDocument { Kind = DocumentKind.Supplier, EntityId = 1, Title = "With", Vector = Vector };
        var without = new SearchDocument { Kind = DocumentKind.Supplier, EntityId = 2, Title = "Without" };
        await new ElasticsearchSearchIndex(es.Client, CannedElasticsearch.Options)
            .ApplyAsync([new IndexChange(DocumentKind.Supplier, 1, with), new IndexChange(DocumentKind.Supplier, 2, without)], 1);
        var lines = es.Single("POST", "/gvcmatch/_bulk").Lines;
        Assert.Equal([0.6f, 0.8f, 0f], lines[1].Items("vector").Select(v => v.GetSingle()));
        Assert.False(lines[3].TryGetProperty("vector", out _));
    }
}
