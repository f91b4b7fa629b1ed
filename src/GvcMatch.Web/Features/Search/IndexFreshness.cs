using GvcMatch.Matching.Understanding;
using GvcMatch.Search;

namespace GvcMatch.Web.Features.Search;

/// <summary>
/// Keeps the index built with today's understanding. Supplier documents carry what the profile
/// was read as (concepts, backed and stuffed tags, analysed words), so an index built with another
/// vocabulary or other reading rules finds suppliers by yesterday's labels. At start the index's
/// fingerprint is compared with the running one: an empty index is simply stamped, a filled one is
/// rebuilt in the background while the old one keeps serving (progress on /api/admin/search/status).
/// </summary>
/// <remarks>Registered before the indexer, so stamping an empty index cannot race with its first batch.</remarks>
public sealed class IndexFreshness(ISearchIndex index, SearchRebuild rebuild, CapabilityVocabulary vocabulary, ILogger<IndexFreshness> logger) : IHostedService
{
    /// <summary>What the documents are built with: the vocabulary's content, the reading and analysis rules, and the document fields.</summary>
    public string Expected { get; } = Of(vocabulary);

    public static string Of(CapabilityVocabulary vocabulary) =>
        $"understanding {ProfileReading.Understanding(vocabulary)}; documents v{SupplierDocuments.SchemaVersion}";

    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            await CheckAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An unreachable search server must not keep the app from starting; the indexer retries on its own.
            logger.LogError(ex, "Could not compare the search index's understanding with this app's; no rebuild was started.");
        }
    }

    private async Task CheckAsync(CancellationToken ct)
    {
        var stored = await index.GetFingerprintAsync(ct);
        if (stored == Expected) return;
        var counts = await index.CountAsync(ct);
        if (await index.GetCheckpointAsync(ct) == 0 && counts.Values.Sum() == 0)
        {
            // Nothing was built with anything else: record today's understanding on the empty index.
            await using var empty = await index.BeginRebuildAsync(Expected, ct);
            await empty.CompleteAsync(0, ct);
            return;
        }
        var reason = stored is null ? "the index records no understanding" : $"the index was built with {stored}";
        logger.LogWarning("Rebuilding the search index: {Reason}, this app reads with {Expected}. Search keeps serving the old index meanwhile.", reason, Expected);
        rebuild.TryStart($"{reason}; now {Expected}");
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
