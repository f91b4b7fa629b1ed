using System.Text.Json;
using System.Text.Json.Nodes;
using GvcMatch.Search.Elasticsearch;

namespace GvcMatch.Search.Tests.Elasticsearch;

/// <summary>What the provider sends to apply changes, create its indices and swap in a rebuild.</summary>
public sealed class ElasticsearchWriteRequestTests
{
    private const string Acknowledged = """{"acknowledged":true,"shards_acknowledged":true,"index":"gvcmatch-x"}""";
    private const string EmptyBulk = """{"errors":false,"took":1,"items":[]}""";
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 4, 15, 0, TimeSpan.Zero);

    private static readonly SearchDocument Kobe = new()
    {
        Kind = DocumentKind.Supplier,
        EntityId = 7,
        Title = "Kobe Precision",
        Body = "5-axis CNC milling of aluminium housings",
        Keywords = new Dictionary<string, IReadOnlyList<string>> { ["country"] = ["JP"], ["certification"] = ["ISO 9001", "AS9100"] },
        Numbers = new Dictionary<string, double> { ["monthlyCapacity"] = 5000, ["leadTimeDays"] = 21 },
        Payload = """{"score":{"capacity":0.8}}""",
        UpdatedAt = Now,
    };

    private static string AliasOf(string index) => new JsonObject { [index] = new JsonObject { ["aliases"] = new JsonObject { ["gvcmatch"] = new JsonObject() } } }.ToJsonString();

    private static ElasticsearchSearchIndex IndexOn(CannedElasticsearch es) => new(es.Client, CannedElasticsearch.Options, new FixedTime(Now));

    [Fact]
    public async Task ApplyingSendsOneBulkOfUpsertsAndDeletesThatWaitsForRefresh()
    {
        var es = new CannedElasticsearch().WithExistingIndex().WithCheckpointWrites()
            .On("POST /gvcmatch/_bulk", """{"errors":false,"took":3,"items":[{"index":{"_id":"Supplier:7","status":201}},{"delete":{"_id":"IpListing:3","result":"not_found","status":404}}]}""");

        await IndexOn(es).ApplyAsync([new IndexChange(DocumentKind.Supplier, 7, Kobe), new IndexChange(DocumentKind.IpListing, 3, null)], 42);

        var bulk = es.Single("POST", "/gvcmatch/_bulk");
        Assert.Contains("refresh=wait_for", bulk.Path);
        Assert.Contains("require_alias=true", bulk.Path);
        var lines = bulk.Lines;
        Assert.Equal(3, lines.Count);
        Assert.Equal("Supplier:7", lines[0].Str("index", "_id"));
        Assert.Equal("Supplier", lines[1].Str("kind"));
        Assert.Equal(7, lines[1].At("entityId").GetInt32());
        Assert.Equal(["ISO 9001", "AS9100"], lines[1].At("keywords", "certification").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(5000, lines[1].At("numbers", "monthlyCapacity").GetDouble());
        Assert.Equal(Kobe.Payload, lines[1].Str("payload"));
        Assert.Equal(Now, lines[1].At("updatedAt").GetDateTimeOffset());
        Assert.Equal("IpListing:3", lines[2].Str("delete", "_id"));
    }

    [Fact]
    public async Task TheCheckpointIsWrittenAfterTheBulkAndOnlyMovesForward()
    {
        var es = new CannedElasticsearch().WithExistingIndex().WithCheckpointWrites().On("POST /gvcmatch/_bulk", EmptyBulk);

        await IndexOn(es).ApplyAsync([new IndexChange(DocumentKind.Supplier, 7, Kobe)], 42);

        var paths = es.Sent.Select(s => s.Method + " " + s.Path.Split('?')[0]).ToList();
        Assert.True(paths.IndexOf("POST /gvcmatch/_bulk") < paths.IndexOf("POST /gvcmatch-meta/_update/checkpoint"));
        var update = es.Single("POST", "/gvcmatch-meta/_update/checkpoint").Json;
        Assert.Equal(42, update.At("script", "params", "checkpoint").GetInt64());
        Assert.False(update.At("script", "params", "force").GetBoolean());
        Assert.Contains("ctx._source.checkpoint < params.checkpoint", update.Str("script", "source"));
        Assert.Equal(42, update.At("upsert", "checkpoint").GetInt64());
    }

    [Fact]
    public async Task AFailedBulkItemFailsTheApplyAndLeavesTheCheckpointAlone()
    {
        var es = new CannedElasticsearch().WithExistingIndex().WithCheckpointWrites()
            .On("POST /gvcmatch/_bulk", """{"errors":true,"took":1,"items":[{"index":{"_id":"Supplier:7","status":400,"error":{"type":"document_parsing_exception","reason":"failed to parse field [numbers.leadTimeDays]"}}}]}""");

        var ex = await Assert.ThrowsAsync<ElasticsearchIndexException>(() => IndexOn(es).ApplyAsync([new IndexChange(DocumentKind.Supplier, 7, Kobe)], 42));

        Assert.Contains("Supplier:7", ex.Message);
        Assert.Contains("numbers.leadTimeDays", ex.Message);
        Assert.DoesNotContain(es.Sent, s => s.Path.Contains("_update"));
    }

    [Fact]
    public async Task AChangeCarryingAnotherDocumentIsRefusedBeforeAnythingIsSent()
    {
        var es = new CannedElasticsearch().WithExistingIndex().WithCheckpointWrites().On("POST /gvcmatch/_bulk", EmptyBulk);
        var mismatched = new IndexChange(DocumentKind.Supplier, 3, Kobe);

        await Assert.ThrowsAsync<ArgumentException>(() => IndexOn(es).ApplyAsync([new IndexChange(DocumentKind.Supplier, 7, Kobe), mismatched], 42));

        Assert.Empty(es.Sent);
    }

    [Fact]
    public async Task FirstUseCreatesTheMetaIndexAndALiveIndexCarryingTheMappingsFileBehindTheAlias()
    {
        var es = new CannedElasticsearch()
            .On("HEAD /_alias/gvcmatch", "", 404)
            .On("PUT /gvcmatch-meta", Acknowledged)
            .On("PUT /gvcmatch-00000000-000000-000", Acknowledged)
            .On("GET /gvcmatch-meta/_doc/checkpoint", """{"_index":"gvcmatch-meta","_id":"checkpoint","found":false}""", 404);

        Assert.Equal(0, await IndexOn(es).GetCheckpointAsync());

        Assert.Equal("long", es.Single("PUT", "/gvcmatch-meta").Json.Str("mappings", "properties", "checkpoint", "type"));
        var sent = JsonNode.Parse(es.Single("PUT", "/gvcmatch-00000000-000000-000").Body)!.AsObject();
        Assert.NotNull(sent["aliases"]!["gvcmatch"]);
        sent.Remove("aliases");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ElasticsearchSearchIndex.IndexMappingsJson()), sent), "the index is created from index-mappings.json as it is");
    }

    [Fact]
    public async Task TwoInstancesStartingTogetherShareTheFirstIndex()
    {
        var es = new CannedElasticsearch()
            .On("HEAD /_alias/gvcmatch", "", 404)
            .On("PUT /gvcmatch-meta", Acknowledged)
            .On("PUT /gvcmatch-00000000-000000-000", """{"error":{"type":"resource_already_exists_exception","reason":"index [gvcmatch-00000000-000000-000/abc] already exists"},"status":400}""", 400)
            .On("GET /gvcmatch-meta/_doc/checkpoint", """{"_index":"gvcmatch-meta","_id":"checkpoint","found":true,"_source":{"checkpoint":3}}""");

        Assert.Equal(3, await IndexOn(es).GetCheckpointAsync());
    }

    [Fact]
    public void TheMappingsFileAnalysesTextLikeTheLuceneProviderAndKeepsThePayloadUnindexed()
    {
        var file = JsonDocument.Parse(ElasticsearchSearchIndex.IndexMappingsJson()).RootElement;
        var analyzer = file.At("settings", "analysis", "analyzer", "text");
        Assert.Equal("standard", analyzer.Str("tokenizer"));
        // The same chain as the Lucene provider: folded accents, one spelling (ElasticsearchAnalysisTests checks those rules), English stop words, Porter stems.
        Assert.Equal(["lowercase", "asciifolding", "english_stop", "english_stemmer"],
            analyzer.At("filter").EnumerateArray().Select(f => f.GetString()).Where(f => !f!.StartsWith("spelling_", StringComparison.Ordinal)));
        Assert.Equal("_english_", file.Str("settings", "analysis", "filter", "english_stop", "stopwords"));
        Assert.Equal("english", file.Str("settings", "analysis", "filter", "english_stemmer", "language"));
        Assert.Contains("cjk_bigram", file.At("settings", "analysis", "analyzer", "cjk_text", "filter").EnumerateArray().Select(f => f.GetString()));
        var properties = file.At("mappings", "properties");
        Assert.Equal("cjk_text", properties.Str("body", "fields", "cjk", "analyzer"));
        Assert.Equal("cjk_text", properties.Str("title", "fields", "cjk", "analyzer"));
        Assert.Equal("keyword", properties.Str("kind", "type"));
        Assert.Equal("integer", properties.Str("entityId", "type"));
        Assert.Equal("date", properties.Str("updatedAt", "type"));
        Assert.False(properties.At("payload", "enabled").GetBoolean());
        var templates = file.At("mappings", "dynamic_templates").EnumerateArray().ToList();
        Assert.Equal("keyword", templates[0].Str("keywords", "mapping", "type"));
        Assert.Equal("double", templates[1].Str("numbers", "mapping", "type"));
    }

    [Fact]
    public async Task ARebuildFillsANewIndexThenSwapsTheAliasAtomicallyAndDropsTheOldIndex()
    {
        const string oldIndex = "gvcmatch-20250101-000000-000";
        const string newIndex = "gvcmatch-20261128-041500-000";
        var es = new CannedElasticsearch().WithExistingIndex().WithCheckpointWrites()
            .On($"PUT /{newIndex}", Acknowledged)
            .On($"POST /{newIndex}/_bulk", EmptyBulk)
            .On($"POST /{newIndex}/_refresh", """{"_shards":{"total":1,"successful":1,"failed":0}}""")
            .On("GET /_alias/gvcmatch", AliasOf(oldIndex))
            .On("POST /_aliases", """{"acknowledged":true}""")
            .On($"DELETE /{oldIndex}", """{"acknowledged":true}""");

        await using (var rebuild = await IndexOn(es).BeginRebuildAsync())
        {
            await rebuild.AddAsync([Kobe]);
            await rebuild.CompleteAsync(50);
        }

        Assert.False(es.Single("PUT", $"/{newIndex}").Json.TryGetProperty("aliases", out _), "the new index stays out of searches until the swap");
        var bulk = es.Single("POST", $"/{newIndex}/_bulk");
        Assert.DoesNotContain("refresh", bulk.Path);
        Assert.Equal("Supplier:7", bulk.Lines[0].Str("index", "_id"));
        var actions = es.Single("POST", "/_aliases").Json.Items("actions");
        Assert.Equal(2, actions.Count);
        Assert.Equal(oldIndex, actions[0].Str("remove", "index"));
        Assert.Equal("gvcmatch", actions[0].Str("remove", "alias"));
        Assert.Equal(newIndex, actions[1].Str("add", "index"));
        Assert.Equal("gvcmatch", actions[1].Str("add", "alias"));
        var checkpoint = es.Single("POST", "/gvcmatch-meta/_update/checkpoint").Json;
        Assert.Equal(50, checkpoint.At("script", "params", "checkpoint").GetInt64());
        Assert.True(checkpoint.At("script", "params", "force").GetBoolean());
        var order = es.Sent.Select(s => s.Method + " " + s.Path.Split('?')[0]).ToList();
        Assert.Equal(
            [$"POST /{newIndex}/_refresh", "GET /_alias/gvcmatch", "POST /_aliases", "POST /gvcmatch-meta/_update/checkpoint", $"DELETE /{oldIndex}"],
            order.SkipWhile(p => !p.EndsWith("_refresh")));
    }

    [Fact]
    public async Task ARebuildWritesItsFingerprintIntoTheNewIndexsMappingMeta()
    {
        const string newIndex = "gvcmatch-20261128-041500-000";
        var es = new CannedElasticsearch().WithExistingIndex()
            .On($"PUT /{newIndex}", Acknowledged)
            .On($"DELETE /{newIndex}", """{"acknowledged":true}""");

        await (await IndexOn(es).BeginRebuildAsync("understanding 1a2b.r2")).DisposeAsync();

        var mappings = es.Single("PUT", $"/{newIndex}").Json.GetProperty("mappings");
        Assert.Equal("understanding 1a2b.r2", mappings.At("_meta", "fingerprint").GetString());
        Assert.Equal("strict", mappings.GetProperty("dynamic").GetString());
    }

    [Fact]
    public async Task TheFingerprintIsReadFromTheLiveIndexsMapping()
    {
        var es = new CannedElasticsearch().WithExistingIndex()
            .On("GET /gvcmatch/_mapping", """{"gvcmatch-20261128-041500-000":{"mappings":{"_meta":{"fingerprint":"understanding 1a2b.r2"},"dynamic":"strict","properties":{}}}}""");
        Assert.Equal("understanding 1a2b.r2", await IndexOn(es).GetFingerprintAsync());

        var none = new CannedElasticsearch().WithExistingIndex()
            .On("GET /gvcmatch/_mapping", """{"gvcmatch-00000000-000000-000":{"mappings":{"dynamic":"strict","properties":{}}}}""");
        Assert.Null(await IndexOn(none).GetFingerprintAsync());

        var missing = new CannedElasticsearch().On("GET /gvcmatch/_mapping", """{"error":{"type":"index_not_found_exception"},"status":404}""", 404);
        Assert.Null(await IndexOn(missing).GetFingerprintAsync());
    }

    [Fact]
    public async Task AnAbandonedRebuildDeletesItsIndexAndLeavesTheAliasAlone()
    {
        const string newIndex = "gvcmatch-20261128-041500-000";
        var es = new CannedElasticsearch().WithExistingIndex()
            .On($"PUT /{newIndex}", Acknowledged)
            .On($"DELETE /{newIndex}", """{"acknowledged":true}""");

        await (await IndexOn(es).BeginRebuildAsync()).DisposeAsync();

        es.Single("DELETE", $"/{newIndex}");
        Assert.DoesNotContain(es.Sent, s => s.Path.StartsWith("/_aliases"));
    }

    [Fact]
    public async Task DeletingEverythingTouchesOnlyTheIndicesOfItsOwnPrefix()
    {
        var es = new CannedElasticsearch()
            .On("GET /gvcmatch-\\*/_alias", """
                {
                  "gvcmatch-meta": { "aliases": {} },
                  "gvcmatch-20261128-041500-000": { "aliases": { "gvcmatch": {} } },
                  "gvcmatch-20261128-050000-000": { "aliases": {} },
                  "gvcmatch-test-1a2b3c-meta": { "aliases": {} },
                  "gvcmatch-archive": { "aliases": {} }
                }
                """)
            .On("DELETE /.*", """{"acknowledged":true}""");

        await IndexOn(es).DeleteAllAsync();

        var delete = es.Single("DELETE", "/");
        Assert.Equal("/gvcmatch-20261128-041500-000,gvcmatch-20261128-050000-000,gvcmatch-meta", Uri.UnescapeDataString(delete.Path.Split('?')[0]));
    }

    [Theory]
    [InlineData("GvcMatch")]
    [InlineData("gvc match")]
    [InlineData("")]
    public void AnIndexPrefixElasticsearchWouldRefuseIsRejectedAtOnce(string prefix)
    {
        var options = new ElasticsearchOptions { NodeUrl = new Uri("http://es.test:9200"), IndexPrefix = prefix };
        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => new ElasticsearchSearchIndex(new CannedElasticsearch().Client, options));
    }
}
