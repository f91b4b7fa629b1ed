using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using GvcMatch.Search.Elasticsearch;

namespace GvcMatch.Search.Tests.Elasticsearch;

/// <summary>
/// An Elasticsearch node that lives in memory: each request gets the canned reply of the first
/// route matching "METHOD /path", answered through the client's own in-memory invoker, and every
/// request body the client sends is recorded as sent on the wire.
/// </summary>
internal sealed class CannedElasticsearch : IRequestInvoker
{
    private static readonly Dictionary<string, IEnumerable<string>> ProductHeader = new() { ["x-elastic-product"] = ["Elasticsearch"] };
    private readonly List<(Regex Route, int Status, byte[] Body)> _routes = [];
    private readonly InMemoryRequestInvoker _fallback = new();

    public CannedElasticsearch()
    {
        var settings = new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://es.test:9200")), this)
            .DisableDirectStreaming()
            .OnRequestCompleted(details => Sent.Add(new SentRequest(
                details.HttpMethod.ToString(),
                details.Uri!.PathAndQuery,
                details.RequestBodyInBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : "")));
        Client = new ElasticsearchClient(settings);
    }

    public ElasticsearchClient Client { get; }
    public List<SentRequest> Sent { get; } = [];
    public ResponseFactory ResponseFactory => _fallback.ResponseFactory;

    public static ElasticsearchOptions Options => new() { NodeUrl = new Uri("http://es.test:9200"), IndexPrefix = "gvcmatch", RetiredIndexGrace = TimeSpan.Zero };

    /// <summary>Adds a route; <paramref name="route"/> is a regex over "METHOD /path" (path unescaped, query string excluded).</summary>
    public CannedElasticsearch On(string route, string json, int status = 200)
    {
        _routes.Add((new Regex("^" + route + "$"), status, Encoding.UTF8.GetBytes(json)));
        return this;
    }

    /// <summary>The replies of an index that already exists: alias and meta index in place.</summary>
    public CannedElasticsearch WithExistingIndex() => this
        .On("HEAD /_alias/gvcmatch", "")
        .On("PUT /gvcmatch/_mapping", """{"acknowledged":true}""")
        .On("PUT /gvcmatch-meta", """{"error":{"type":"resource_already_exists_exception","reason":"index [gvcmatch-meta] already exists"},"status":400}""", 400);

    public CannedElasticsearch WithCheckpointWrites() =>
        On("POST /gvcmatch-meta/_update/checkpoint", """{"_index":"gvcmatch-meta","_id":"checkpoint","_version":2,"result":"updated","_shards":{"total":1,"successful":1,"failed":0},"_seq_no":5,"_primary_term":1}""");

    public SentRequest Single(string method, string pathPrefix) =>
        Assert.Single(Sent, r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    public Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken)
        where TResponse : TransportResponse, new() =>
        Reply(endpoint).RequestAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken);

    public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
        where TResponse : TransportResponse, new() =>
        Reply(endpoint).Request<TResponse>(endpoint, boundConfiguration, postData);

    public void Dispose() { }

    private InMemoryRequestInvoker Reply(Endpoint endpoint)
    {
        var key = $"{endpoint.Method} {Uri.UnescapeDataString(endpoint.Uri.AbsolutePath)}";
        foreach (var (route, status, body) in _routes)
            if (route.IsMatch(key))
                return new InMemoryRequestInvoker(body, status, null, "application/json", ProductHeader);
        var missing = Encoding.UTF8.GetBytes($$"""{"error":{"type":"no_canned_reply","reason":"no canned reply for {{key}}"},"status":501}""");
        return new InMemoryRequestInvoker(missing, 501, null, "application/json", ProductHeader);
    }
}

internal sealed record SentRequest(string Method, string Path, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The NDJSON lines of a bulk request, each parsed.</summary>
    public IReadOnlyList<JsonElement> Lines =>
        Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
}

internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal static class JsonPaths
{
    /// <summary>Walks property names (strings) and array positions (ints), e.g. At("query", "bool", "must", 0).</summary>
    public static JsonElement At(this JsonElement element, params object[] path)
    {
        foreach (var step in path)
            element = step is int i ? element[i] : element.GetProperty((string)step);
        return element;
    }

    /// <summary>
    /// The clauses of a list the client may write either way: Elasticsearch accepts a single
    /// object where it accepts an array, and the client uses that form for one-item lists.
    /// </summary>
    public static List<JsonElement> Items(this JsonElement element, params object[] path)
    {
        var list = element.At(path);
        return list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [list];
    }

    public static string Str(this JsonElement element, params object[] path) => element.At(path).GetString()!;
}
