using GvcMatch.Search.Elasticsearch;

namespace GvcMatch.Search.Tests.Elasticsearch;

/// <summary>What an ids-only search leaves out, and how the winners' payloads are read afterwards.</summary>
public sealed class ElasticsearchFetchRequestTests
{
    private const string EmptySearchResponse = ElasticsearchSearchRequestTests.EmptySearchResponse;

    [Fact]
    public async Task AnIdsOnlySearchLeavesThePayloadInTheIndex()
    {
        var text = await ElasticsearchSearchRequestTests.SendAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = "cnc", AnyTerm = true, IdsOnly = true });
        Assert.Equal(["kind", "entityId", "title"], text.Items("_source", "includes").Select(f => f.GetString()));
        var vector = await ElasticsearchSearchRequestTests.SendAsync(new SearchQuery { Kind = DocumentKind.Supplier, Vector = [0.6f, 0.8f], IdsOnly = true });
        Assert.Equal(["kind", "entityId", "title"], vector.Items("_source", "includes").Select(f => f.GetString()));
    }

    [Fact]
    public async Task AWholeSearchStillBringsThePayload()
    {
        var body = await ElasticsearchSearchRequestTests.SendAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = "cnc" });
        Assert.Equal(["kind", "entityId", "title", "payload"], body.Items("_source", "includes").Select(f => f.GetString()));
    }

    [Fact]
    public async Task FetchingAsksForTheDocumentIdsWithTheirPayloads()
    {
        var es = new CannedElasticsearch().WithExistingIndex().On("POST /gvcmatch/_search", EmptySearchResponse);
        await new ElasticsearchSearchIndex(es.Client, CannedElasticsearch.Options).FetchAsync(DocumentKind.Supplier, [12, 7, 12, 3]);
        var body = es.Single("POST", "/gvcmatch/_search").Json;
        Assert.Equal(["Supplier:12", "Supplier:7", "Supplier:3"], body.Items("query", "ids", "values").Select(v => v.GetString()));
        Assert.Equal(3, body.At("size").GetInt32());
        Assert.Equal(["kind", "entityId", "title", "payload"], body.Items("_source", "includes").Select(f => f.GetString()));
    }

    [Fact]
    public async Task FetchedHitsComeInTheAskedOrderWhateverOrderElasticsearchAnswersIn()
    {
        var es = new CannedElasticsearch().WithExistingIndex().On("POST /gvcmatch/_search", """
            {"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
             "hits":{"total":{"value":2,"relation":"eq"},"max_score":1,"hits":[
               {"_index":"gvcmatch-x","_id":"Supplier:3","_score":1,"_source":{"kind":"Supplier","entityId":3,"title":"Three","payload":"{\"id\":3}"}},
               {"_index":"gvcmatch-x","_id":"Supplier:12","_score":1,"_source":{"kind":"Supplier","entityId":12,"title":"Twelve","payload":"{\"id\":12}"}}]}}
            """);
        var hits = await new ElasticsearchSearchIndex(es.Client, CannedElasticsearch.Options).FetchAsync(DocumentKind.Supplier, [12, 7, 3]);
        Assert.Equal([12, 3], hits.Select(h => h.EntityId));
        Assert.Equal(["""{"id":12}""", """{"id":3}"""], hits.Select(h => h.Payload));
        Assert.All(hits, h => Assert.Equal(0, h.Score));
    }

    [Fact]
    public async Task FetchingNothingSendsNothing()
    {
        var es = new CannedElasticsearch().WithExistingIndex();
        Assert.Empty(await new ElasticsearchSearchIndex(es.Client, CannedElasticsearch.Options).FetchAsync(DocumentKind.Supplier, []));
        Assert.DoesNotContain(es.Sent, r => r.Path.Contains("_search", StringComparison.Ordinal));
    }
}
