using Elastic.Clients.Elasticsearch;

namespace GvcMatch.Search.Elasticsearch;

/// <summary>
/// The checkpoint document ("checkpoint" in the meta index). Elasticsearch has no transaction
/// spanning a bulk request and another document, so the checkpoint is written after the bulk and
/// only ever moves forward: a slow writer finishing late cannot move it back.
/// </summary>
internal sealed class CheckpointStore(ElasticsearchClient client, IndexAdmin admin)
{
    public const string DocumentId = "checkpoint";

    // Runs inside Elasticsearch, so the compare and the write are one atomic step per document.
    private const string AdvanceScript =
        "if (params.force || ctx._source.checkpoint == null || ctx._source.checkpoint < params.checkpoint) " +
        "{ ctx._source.checkpoint = params.checkpoint } else { ctx.op = 'noop' }";

    private volatile bool _storeExists;

    public async Task EnsureStoreAsync(CancellationToken ct)
    {
        if (_storeExists) return;
        await admin.EnsureMetaIndexAsync(ct);
        _storeExists = true;
    }

    /// <summary>The meta index was deleted: create it again before the next write.</summary>
    public void Forget() => _storeExists = false;

    /// <summary>Records <paramref name="checkpoint"/> unless a later one is already stored.</summary>
    public Task AdvanceAsync(long checkpoint, CancellationToken ct) => WriteAsync(checkpoint, force: false, ct);

    /// <summary>
    /// Records <paramref name="checkpoint"/> even if it is lower: after a rebuild the new index holds
    /// exactly the data up to the rebuild's checkpoint, and later changes must be replayed into it.
    /// </summary>
    public Task ResetAsync(long checkpoint, CancellationToken ct) => WriteAsync(checkpoint, force: true, ct);

    public async Task<long> ReadAsync(CancellationToken ct)
    {
        var response = await client.GetAsync<CheckpointDocument>(admin.MetaIndex, DocumentId, ct);
        if (response.ApiCallDetails.HttpStatusCode == 404) return 0;
        if (!response.IsValidResponse) throw IndexAdmin.Failure("reading the checkpoint", response);
        return response.Found ? response.Source?.Checkpoint ?? 0 : 0;
    }

    private async Task WriteAsync(long checkpoint, bool force, CancellationToken ct)
    {
        var request = new UpdateRequest<CheckpointDocument, CheckpointDocument>(admin.MetaIndex, DocumentId)
        {
            Script = new Script
            {
                Source = AdvanceScript,
                Params = new Dictionary<string, object> { ["checkpoint"] = checkpoint, ["force"] = force },
            },
            Upsert = new CheckpointDocument(checkpoint),
            RetryOnConflict = 5,
        };
        var response = await client.UpdateAsync(request, ct);
        if (!response.IsValidResponse) throw IndexAdmin.Failure("storing the checkpoint", response);
    }
}
