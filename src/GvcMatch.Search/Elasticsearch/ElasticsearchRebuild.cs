namespace GvcMatch.Search.Elasticsearch;

/// <summary>
/// A rebuild into a fresh concrete index. Searches keep using the alias (the old index) until
/// <see cref="CompleteAsync"/>; an abandoned rebuild deletes its half-filled index on dispose.
/// </summary>
internal sealed class ElasticsearchRebuild(ElasticsearchSearchIndex index, IndexAdmin admin, CheckpointStore checkpoints, string indexName) : IIndexRebuild
{
    private bool _completed;

    public string IndexName => indexName;

    public async Task AddAsync(IReadOnlyList<SearchDocument> documents, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (documents.Count == 0) return;
        // No refresh per batch: nothing searches this index until the swap, which refreshes once.
        await index.BulkAsync(indexName, documents.Select(ElasticsearchSearchIndex.ToIndexOperation), waitForRefresh: false, ct);
    }

    public async Task CompleteAsync(long checkpoint, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        await admin.RefreshAsync(indexName, ct);
        var old = await admin.IndicesBehindAliasAsync(ct);
        await admin.SwapAliasAsync(indexName, old, ct);
        _completed = true;
        index.MarkReady();
        await checkpoints.ResetAsync(checkpoint, ct);
        await admin.RetireIndicesAsync(old.Where(i => i != indexName).ToList(), ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_completed) return;
        _completed = true;
        try
        {
            await admin.DeleteIndicesAsync([indexName], CancellationToken.None);
        }
        catch (ElasticsearchIndexException)
        {
            // Best effort: a leftover index is harmless and DeleteAllAsync finds it by its name.
        }
    }
}
