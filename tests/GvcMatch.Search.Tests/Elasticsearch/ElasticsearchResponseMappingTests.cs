using GvcMatch.Search.Elasticsearch;

namespace GvcMatch.Search.Tests.Elasticsearch;

/// <summary>Canned Elasticsearch replies turned into the provider-neutral results.</summary>
public sealed class ElasticsearchResponseMappingTests
{
    // Aggregation names carry their type ("sterms#") because the client asks for typed_keys.
    private const string SearchResponse = """
        {
          "took": 4, "timed_out": false,
          "_shards": { "total": 1, "successful": 1, "skipped": 0, "failed": 0 },
          "hits": {
            "total": { "value": 123, "relation": "eq" },
            "max_score": 7.5,
            "hits": [
              {
                "_index": "gvcmatch-20261128-041500-000", "_id": "Supplier:7", "_score": 7.5,
                "_source": { "kind": "Supplier", "entityId": 7, "title": "Kobe Precision", "payload": "{\"score\":{\"capacity\":0.8}}" },
                "highlight": { "body": ["5-axis <mark>CNC</mark> milling &amp; anodising", "<mark>CNC</mark> turning"] },
                "sort": [7.5, 7]
              },
              {
                "_index": "gvcmatch-20261128-041500-000", "_id": "Supplier:12", "_score": 3.25,
                "_source": { "kind": "Supplier", "entityId": 12, "title": "大阪精密工業" },
                "highlight": { "body.cjk": ["<mark>精密</mark>切削加工"] },
                "sort": [3.25, 12]
              }
            ]
          },
          "aggregations": {
            "sterms#country": {
              "doc_count_error_upper_bound": 0, "sum_other_doc_count": 0,
              "buckets": [ { "key": "JP", "doc_count": 80 }, { "key": "DE", "doc_count": 43 } ]
            },
            "sterms#certification": { "doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": [] }
          }
        }
        """;

    private static async Task<SearchResult> SearchAsync(string reply)
    {
        var es = new CannedElasticsearch().WithExistingIndex().On("POST /gvcmatch/_search", reply);
        var index = new ElasticsearchSearchIndex(es.Client, CannedElasticsearch.Options);
        return await index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = "cnc", Facets = ["country", "certification"], Highlight = true });
    }

    [Fact]
    public async Task HitsCarryKindIdScoreTitleAndTheUntouchedPayload()
    {
        var result = await SearchAsync(SearchResponse);

        Assert.Equal(123, result.Total);
        Assert.Equal(2, result.Hits.Count);
        var first = result.Hits[0];
        Assert.Equal((DocumentKind.Supplier, 7, 7.5, "Kobe Precision"), (first.Kind, first.EntityId, first.Score, first.Title));
        Assert.Equal("""{"score":{"capacity":0.8}}""", first.Payload);
        Assert.Null(result.Hits[1].Payload);
        Assert.Equal("大阪精密工業", result.Hits[1].Title);
    }

    [Fact]
    public async Task HighlightsComeFromTheBodyOrElseItsCjkAnalysis()
    {
        var result = await SearchAsync(SearchResponse);

        Assert.Equal(["5-axis <mark>CNC</mark> milling &amp; anodising", "<mark>CNC</mark> turning"], result.Hits[0].Highlights);
        Assert.Equal(["<mark>精密</mark>切削加工"], result.Hits[1].Highlights);
    }

    [Fact]
    public async Task SnippetsJoinCharacterMarksAndKeepAccentedLettersReadable()
    {
        var result = await SearchAsync(SearchResponse
            .Replace("5-axis <mark>CNC</mark> milling &amp; anodising", "<mark>Fundici&#243;n</mark> agr&#xED;cola &lt;b&gt; &#60;")
            .Replace("<mark>精密</mark>切削加工", "<mark>精</mark><mark>密</mark>切削加工"));

        Assert.Equal("<mark>Fundición</mark> agrícola &lt;b&gt; &#60;", result.Hits[0].Highlights[0]);
        Assert.Equal(["<mark>精密</mark>切削加工"], result.Hits[1].Highlights);
    }

    [Fact]
    public async Task FacetsListValuesWithCountsAndEveryRequestedFacetIsPresent()
    {
        var result = await SearchAsync(SearchResponse);

        Assert.Equal([new FacetValue("JP", 80), new FacetValue("DE", 43)], result.Facets["country"]);
        Assert.Empty(result.Facets["certification"]);
    }

    [Fact]
    public async Task AnEmptyResultHasNoHitsAndEmptyFacets()
    {
        var result = await SearchAsync("""{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}""");

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Hits);
        Assert.Empty(result.Facets["country"]);
    }

    [Fact]
    public async Task AServerErrorBecomesAnIndexExceptionWithTheReason()
    {
        var es = new CannedElasticsearch().WithExistingIndex().On("POST /gvcmatch/_search",
            """{"error":{"root_cause":[],"type":"search_phase_execution_exception","reason":"all shards failed"},"status":503}""", 503);
        var index = new ElasticsearchSearchIndex(es.Client, CannedElasticsearch.Options);

        var ex = await Assert.ThrowsAsync<ElasticsearchIndexException>(() => index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier }));

        Assert.Contains("all shards failed", ex.Message);
    }

    [Fact]
    public async Task TheCheckpointIsReadFromTheMetaDocument()
    {
        var es = new CannedElasticsearch().WithExistingIndex()
            .On("GET /gvcmatch-meta/_doc/checkpoint", """{"_index":"gvcmatch-meta","_id":"checkpoint","_version":3,"_seq_no":2,"_primary_term":1,"found":true,"_source":{"checkpoint":42}}""");

        Assert.Equal(42, await new ElasticsearchSearchIndex(es.Client, CannedElasticsearch.Options).GetCheckpointAsync());
    }

    [Fact]
    public async Task CountsComeFromATermsAggregationOnKindWithZeroForKindsNotIndexed()
    {
        var es = new CannedElasticsearch().WithExistingIndex().On("POST /gvcmatch/_search", """
            {"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
             "hits":{"total":{"value":58,"relation":"eq"},"max_score":null,"hits":[]},
             "aggregations":{"sterms#kind":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,
               "buckets":[{"key":"Supplier","doc_count":56},{"key":"Requirement","doc_count":2}]}}}
            """);

        var counts = await new ElasticsearchSearchIndex(es.Client, CannedElasticsearch.Options).CountAsync();

        Assert.Equal(56, counts[DocumentKind.Supplier]);
        Assert.Equal(2, counts[DocumentKind.Requirement]);
        Assert.Equal(0, counts[DocumentKind.IpListing]);
        var request = es.Single("POST", "/gvcmatch/_search").Json;
        Assert.Equal(0, request.At("size").GetInt32());
        Assert.Equal("kind", request.Str("aggregations", "kind", "terms", "field"));
    }
}
