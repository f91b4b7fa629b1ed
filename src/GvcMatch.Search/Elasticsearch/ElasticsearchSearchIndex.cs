using System.ComponentModel.DataAnnotations;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Bulk;

namespace GvcMatch.Search.Elasticsearch;

/// <summary>
/// <see cref="ISearchIndex"/> on Elasticsearch. Searches and updates go through an alias
/// ("gvcmatch") in front of one concrete index ("gvcmatch-20261128-041500-123"), so a rebuild can
/// fill a fresh index and swap it in atomically. The checkpoint lives in "gvcmatch-meta".
/// </summary>
public sealed class ElasticsearchSearchIndex : ISearchIndex
{
    private readonly ElasticsearchClient _client;
    private readonly IndexAdmin _admin;
    private readonly CheckpointStore _checkpoints;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _setup = new(1, 1);
    private volatile bool _ready;

    public ElasticsearchSearchIndex(ElasticsearchClient client, ElasticsearchOptions options, TimeProvider? time = null)
    {
        // Index names come from the prefix, so a bad one must fail here, not on the first request.
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        _client = client;
        _admin = new IndexAdmin(client, options);
        _checkpoints = new CheckpointStore(client, _admin);
        _time = time ?? TimeProvider.System;
    }

    public ElasticsearchSearchIndex(ElasticsearchOptions options)
        : this(new ElasticsearchClient(options.CreateClientSettings()), options) { }

    /// <summary>The settings and mappings every concrete index is created with (index-mappings.json).</summary>
    public static string IndexMappingsJson() => IndexAdmin.LoadMappings();

    public async Task ApplyAsync(IReadOnlyList<IndexChange> changes, long checkpoint, CancellationToken ct = default)
    {
        // Checked before anything is sent: Elasticsearch cannot undo the valid part of a bulk.
        foreach (var change in changes.Where(c => c.Document is { } d && (d.Kind != c.Kind || d.EntityId != c.EntityId)))
            throw new ArgumentException($"Change {change.Id} carries document {change.Document!.Id}.", nameof(changes));
        await EnsureReadyAsync(ct);
        if (changes.Count > 0)
            await BulkAsync(_admin.Alias, changes.Select(ToOperation), waitForRefresh: true, ct);
        // Bulk first, checkpoint second: after a crash in between the changes are replayed, which
        // is harmless because indexing by id is idempotent.
        await _checkpoints.AdvanceAsync(checkpoint, ct);
    }

    public async Task<long> GetCheckpointAsync(CancellationToken ct = default)
    {
        await EnsureReadyAsync(ct);
        return await _checkpoints.ReadAsync(ct);
    }

    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken ct = default)
    {
        var request = ElasticsearchQuery.Build(query, _admin.Alias);
        await EnsureReadyAsync(ct);
        var response = await _client.SearchAsync<IndexedDocument>(request, ct);
        if (!response.IsValidResponse) throw IndexAdmin.Failure("searching", response);
        return ElasticsearchQuery.Map(response, query);
    }

    public async Task<IReadOnlyList<SearchHit>> FetchAsync(DocumentKind kind, IReadOnlyList<int> entityIds, CancellationToken ct = default)
    {
        if (entityIds.Count > SearchQuery.MaxTake)
            throw new SearchQueryException("entityIds", $"At most {SearchQuery.MaxTake} documents are read at once.");
        if (entityIds.Count == 0) return [];
        await EnsureReadyAsync(ct);
        var response = await _client.SearchAsync<IndexedDocument>(ElasticsearchQuery.BuildFetch(kind, entityIds, _admin.Alias), ct);
        if (!response.IsValidResponse) throw IndexAdmin.Failure("reading documents", response);
        // The ids query returns the documents in index order; the caller's order is the ranking.
        var found = new Dictionary<int, SearchHit>();
        foreach (var hit in ElasticsearchQuery.Map(response, new SearchQuery { Kind = kind }).Hits.Where(h => h.Kind == kind))
            found.TryAdd(hit.EntityId, new SearchHit(kind, hit.EntityId, 0, hit.Title, hit.Payload, []));
        return entityIds.Distinct().Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    public async Task<IReadOnlyDictionary<DocumentKind, long>> CountAsync(CancellationToken ct = default)
    {
        await EnsureReadyAsync(ct);
        var request = new SearchRequest(_admin.Alias)
        {
            Size = 0,
            Aggregations = new Dictionary<string, Aggregation>
            {
                [SourceFields.Kind] = new TermsAggregation { Field = SourceFields.Kind, Size = Enum.GetValues<DocumentKind>().Length },
            },
        };
        var response = await _client.SearchAsync<IndexedDocument>(request, ct);
        if (!response.IsValidResponse) throw IndexAdmin.Failure("counting", response);
        var counts = Enum.GetValues<DocumentKind>().ToDictionary(k => k, _ => 0L);
        if (response.Aggregations?.TryGetAggregate<StringTermsAggregate>(SourceFields.Kind, out var kinds) == true)
            foreach (var bucket in kinds.Buckets)
                if (Enum.TryParse<DocumentKind>(bucket.Key.ToString(), out var kind)) counts[kind] = bucket.DocCount;
        return counts;
    }

    public Task<IIndexRebuild> BeginRebuildAsync(CancellationToken ct = default) => BeginRebuildAsync(null, ct);

    public async Task<IIndexRebuild> BeginRebuildAsync(string? fingerprint, CancellationToken ct = default)
    {
        await _checkpoints.EnsureStoreAsync(ct);
        var name = _admin.NewIndexName(_time.GetUtcNow());
        await _admin.CreateIndexAsync(name, fingerprint, ct);
        return new ElasticsearchRebuild(this, _admin, _checkpoints, name);
    }

    /// <summary>Read from the live index's mapping (<c>_meta.fingerprint</c>), which the rebuild that created it wrote.</summary>
    public Task<string?> GetFingerprintAsync(CancellationToken ct = default) => _admin.FingerprintAsync(ct);

    /// <summary>Deletes every index this prefix owns (live, meta, abandoned rebuilds). For tests and teardown.</summary>
    public async Task DeleteAllAsync(CancellationToken ct = default)
    {
        await _admin.DeleteIndicesAsync(await _admin.OwnedIndicesAsync(ct), ct);
        _ready = false;
        _checkpoints.Forget();
    }

    internal void MarkReady() => _ready = true;

    internal async Task BulkAsync(string index, IEnumerable<IBulkOperation> operations, bool waitForRefresh, CancellationToken ct)
    {
        var request = new BulkRequest(index)
        {
            Operations = [.. operations],
            // Writes through the alias must never auto-create a concrete index named like the alias.
            RequireAlias = index == _admin.Alias ? true : null,
            Refresh = waitForRefresh ? Refresh.WaitFor : null,
        };
        var response = await _client.BulkAsync(request, ct);
        if (response.Errors)
        {
            var first = response.ItemsWithErrors.First();
            throw new ElasticsearchIndexException(
                $"Elasticsearch refused {response.ItemsWithErrors.Count()} of {request.Operations.Count} changes; first: {first.Id}: {first.Error?.Reason}");
        }
        if (!response.IsValidResponse) throw IndexAdmin.Failure("applying changes", response);
    }

    internal static IBulkOperation ToIndexOperation(SearchDocument document) =>
        new BulkIndexOperation<IndexedDocument>(IndexedDocument.From(document)) { Id = document.Id };

    private static IBulkOperation ToOperation(IndexChange change) => change.Document is { } document
        ? ToIndexOperation(document)
        : new BulkDeleteOperation(change.Id);

    /// <summary>Creates the live index behind the alias, and the meta index, the first time they are needed.</summary>
    private async Task EnsureReadyAsync(CancellationToken ct)
    {
        if (_ready) return;
        await _setup.WaitAsync(ct);
        try
        {
            if (_ready) return;
            await _checkpoints.EnsureStoreAsync(ct);
            if (!await _admin.AliasExistsAsync(ct))
                await _admin.CreateInitialIndexAsync(ct);
            else
                await _admin.AddNewFieldsAsync(ct);
            _ready = true;
        }
        finally
        {
            _setup.Release();
        }
    }
}
