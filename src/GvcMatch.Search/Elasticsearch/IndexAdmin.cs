using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Transport;
using Elastic.Transport.Products.Elasticsearch;

namespace GvcMatch.Search.Elasticsearch;

/// <summary>
/// Index lifecycle: concrete indices created from index-mappings.json, the alias in front of
/// them, and the small meta index holding the checkpoint.
/// </summary>
internal sealed partial class IndexAdmin(ElasticsearchClient client, ElasticsearchOptions options)
{
    public const string MappingsResource = "GvcMatch.Search.Elasticsearch.index-mappings.json";
    private const string MetaMappings = """{"mappings":{"dynamic":"strict","properties":{"checkpoint":{"type":"long"}}}}""";

    public string Alias => options.AliasName;
    public string MetaIndex => options.MetaIndexName;

    public static string LoadMappings()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(MappingsResource)
            ?? throw new InvalidOperationException($"Embedded resource {MappingsResource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private readonly Lock _nameLock = new();
    private DateTime _lastName;

    /// <summary>
    /// A new concrete index name; the timestamp tells operators when a rebuild started. Names from
    /// this instance always increase, even when two are asked for within the same millisecond.
    /// </summary>
    public string NewIndexName(DateTimeOffset now)
    {
        lock (_nameLock)
        {
            var at = now.UtcDateTime;
            at = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMillisecond));
            _lastName = at > _lastName ? at : _lastName.AddMilliseconds(1);
            return $"{options.IndexPrefix}-{_lastName.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}";
        }
    }

    public bool IsOwnedIndex(string name) =>
        name == MetaIndex || (name.StartsWith(options.IndexPrefix + "-", StringComparison.Ordinal)
            && ConcreteSuffix().IsMatch(name[(options.IndexPrefix.Length + 1)..]));

    [GeneratedRegex(@"^\d{8}-\d{6}-\d{3}$")]
    private static partial Regex ConcreteSuffix();

    public async Task<bool> AliasExistsAsync(CancellationToken ct)
    {
        var response = await client.Indices.ExistsAliasAsync(Alias, ct);
        if (response.ApiCallDetails.HttpStatusCode is 200 or 404) return response.Exists;
        throw Failure("checking the alias", response);
    }

    /// <summary>
    /// The first live index has a fixed name, so two instances starting together create the same
    /// index (the second is told it exists) instead of two indices behind one alias.
    /// </summary>
    public string InitialIndexName => $"{options.IndexPrefix}-00000000-000000-000";

    /// <summary>Creates the first live index, already behind the alias, unless another instance just did.</summary>
    public async Task CreateInitialIndexAsync(CancellationToken ct)
    {
        var response = await PutIndexAsync(InitialIndexName, withAlias: true, ct);
        if (!response.ApiCallDetails.HasSuccessfulStatusCode && !AlreadyExists(response))
            throw Failure($"creating index {InitialIndexName}", response);
    }

    /// <summary>
    /// Fields added to the mappings file after an index was created (the vector field) are added
    /// to the live index too: its mapping is strict, so documents carrying them would be refused
    /// until the next rebuild. Adding a field that is already mapped the same way changes nothing.
    /// </summary>
    public async Task AddNewFieldsAsync(CancellationToken ct)
    {
        var properties = JsonNode.Parse(LoadMappings())!["mappings"]!["properties"]!;
        var body = new JsonObject { ["properties"] = new JsonObject { [SourceFields.Vector] = properties[SourceFields.Vector]!.DeepClone() } };
        var response = await client.Transport.RequestAsync<StringResponse>(
            Elastic.Transport.HttpMethod.PUT, $"/{Alias}/_mapping", PostData.String(body.ToJsonString()), ct);
        if (!response.ApiCallDetails.HasSuccessfulStatusCode) throw Failure("adding the vector field to the live index", response);
    }

    /// <summary>Creates a concrete index for a rebuild, outside the alias, its mapping's <c>_meta</c> naming the fingerprint.</summary>
    public async Task CreateIndexAsync(string name, string? fingerprint, CancellationToken ct)
    {
        var response = await PutIndexAsync(name, withAlias: false, ct, fingerprint);
        if (!response.ApiCallDetails.HasSuccessfulStatusCode) throw Failure($"creating index {name}", response);
    }

    /// <summary>The request that creates a concrete index; public for the request-shape tests.</summary>
    public static string IndexBody(string? alias, string? fingerprint)
    {
        var body = JsonNode.Parse(LoadMappings())!.AsObject();
        if (alias is not null) body["aliases"] = new JsonObject { [alias] = new JsonObject() };
        if (fingerprint is not null) body["mappings"]!["_meta"] = new JsonObject { [FingerprintField] = fingerprint };
        return body.ToJsonString();
    }

    public const string FingerprintField = "fingerprint";

    /// <summary>The live index's fingerprint, or null when there is no live index or it has none.</summary>
    public async Task<string?> FingerprintAsync(CancellationToken ct)
    {
        var response = await client.Transport.RequestAsync<StringResponse>(Elastic.Transport.HttpMethod.GET, $"/{Alias}/_mapping", null, ct);
        if (response.ApiCallDetails.HttpStatusCode == 404) return null;
        if (!response.ApiCallDetails.HasSuccessfulStatusCode) throw Failure("reading the index mapping", response);
        return FingerprintOf(response.Body);
    }

    /// <summary>The fingerprint in a <c>GET alias/_mapping</c> answer (one concrete index behind the alias).</summary>
    public static string? FingerprintOf(string mappingResponse) =>
        JsonNode.Parse(mappingResponse)?.AsObject().Select(i => i.Value?["mappings"]?["_meta"]?[FingerprintField]?.GetValue<string>())
            .FirstOrDefault(f => f is not null);

    private async Task<StringResponse> PutIndexAsync(string name, bool withAlias, CancellationToken ct, string? fingerprint = null)
    {
        // Sent through the transport as-is: the mappings file stays the single source of truth,
        // rather than being re-expressed (and possibly altered) by the typed mapping model.
        return await client.Transport.RequestAsync<StringResponse>(
            Elastic.Transport.HttpMethod.PUT, "/" + name, PostData.String(IndexBody(withAlias ? Alias : null, fingerprint)), ct);
    }

    private static bool AlreadyExists(StringResponse response) =>
        response.ApiCallDetails.HttpStatusCode == 400 && response.Body.Contains("resource_already_exists_exception", StringComparison.Ordinal);

    public async Task EnsureMetaIndexAsync(CancellationToken ct)
    {
        var response = await client.Transport.RequestAsync<StringResponse>(
            Elastic.Transport.HttpMethod.PUT, "/" + MetaIndex, PostData.String(MetaMappings), ct);
        if (!response.ApiCallDetails.HasSuccessfulStatusCode && !AlreadyExists(response)) throw Failure("creating the meta index", response);
    }

    /// <summary>The concrete indices the alias points at now (none before the first use).</summary>
    public async Task<IReadOnlyList<string>> IndicesBehindAliasAsync(CancellationToken ct)
    {
        var response = await client.Indices.GetAliasAsync(new GetAliasRequest((Names)Alias), ct);
        if (response.ApiCallDetails.HttpStatusCode == 404) return [];
        if (!response.IsValidResponse) throw Failure("reading the alias", response);
        return response.Aliases?.Keys.ToList() ?? [];
    }

    /// <summary>One atomic request: searches see either the old index or the new one, never neither.</summary>
    public async Task SwapAliasAsync(string newIndex, IReadOnlyList<string> oldIndices, CancellationToken ct)
    {
        var actions = new List<IndexUpdateAliasesAction>();
        actions.AddRange(oldIndices.Where(i => i != newIndex).Select(i => (IndexUpdateAliasesAction)new RemoveAction { Index = i, Alias = Alias }));
        actions.Add(new AddAction { Index = newIndex, Alias = Alias });
        var response = await client.Indices.UpdateAliasesAsync(new UpdateAliasesRequest { Actions = actions }, ct);
        if (!response.IsValidResponse) throw Failure("swapping the alias", response);
    }

    public async Task RefreshAsync(string index, CancellationToken ct)
    {
        var response = await client.Indices.RefreshAsync(index, ct);
        if (!response.IsValidResponse) throw Failure($"refreshing {index}", response);
    }

    /// <summary>Deletes indices the alias no longer points at, once searches still on them had time to end.</summary>
    public async Task RetireIndicesAsync(IReadOnlyList<string> names, CancellationToken ct)
    {
        if (names.Count == 0) return;
        if (options.RetiredIndexGrace > TimeSpan.Zero) await Task.Delay(options.RetiredIndexGrace, ct);
        await DeleteIndicesAsync(names, ct);
    }

    public async Task DeleteIndicesAsync(IReadOnlyList<string> names, CancellationToken ct)
    {
        if (names.Count == 0) return;
        // Explicit names only: clusters usually refuse wildcard deletes, and they would be risky.
        var response = await client.Indices.DeleteAsync((Indices)names.ToArray(), ct);
        if (!response.IsValidResponse && response.ApiCallDetails.HttpStatusCode != 404) throw Failure("deleting indices", response);
    }

    /// <summary>Every index this prefix owns: live, meta and any left by an interrupted rebuild.</summary>
    public async Task<IReadOnlyList<string>> OwnedIndicesAsync(CancellationToken ct)
    {
        // GET {prefix}-*/_alias lists every matching index, with or without aliases. (The resolve
        // index API would do too, but this client sends it as a POST that older 9.x nodes refuse.)
        var response = await client.Indices.GetAliasAsync(Indices.Parse($"{options.IndexPrefix}-*"), ct);
        if (response.ApiCallDetails.HttpStatusCode == 404) return [];
        if (!response.IsValidResponse) throw Failure("listing indices", response);
        return (response.Aliases?.Keys ?? Enumerable.Empty<string>()).Where(IsOwnedIndex).Order(StringComparer.Ordinal).ToList();
    }

    public static ElasticsearchIndexException Failure(string what, TransportResponse response)
    {
        var details = response.ApiCallDetails;
        var reason = (response as ElasticsearchResponse)?.ElasticsearchServerError?.Error?.Reason
            ?? details.OriginalException?.Message
            ?? $"HTTP {details.HttpStatusCode}";
        return new ElasticsearchIndexException($"Elasticsearch failed {what}: {reason}", details.OriginalException);
    }
}

/// <summary>The search cluster refused or failed a request (not the user's fault: maps to a 503).</summary>
public sealed class ElasticsearchIndexException(string message, Exception? inner = null) : Exception(message, inner);
