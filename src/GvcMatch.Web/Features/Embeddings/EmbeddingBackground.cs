using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Embeddings;

/// <summary>
/// Loads the model when the app starts (so a missing model stops start-up with its reason, unless
/// fallback to lexical is configured), then in the background: fills the phrase cache from the
/// table, runs the backfill, and keeps loading phrases other instances store.
/// </summary>
public sealed class EmbeddingBackground(
    EmbeddingModel model, EmbeddingBackfill backfill, PhraseVectors phrases, IServiceScopeFactory scopes, IOptions<SemanticOptions> options,
    TimeProvider clock, ILogger<EmbeddingBackground> logger) : BackgroundService
{
    /// <summary>Rows committed a little out of order by other instances are still read by the next refresh.</summary>
    private static readonly TimeSpan RefreshOverlap = TimeSpan.FromMinutes(1);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _ = model.Generator;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!model.IsEnabled) return;
        try
        {
            await LoadPhrasesAsync(stoppingToken);
            await Task.Delay(options.Value.BackfillDelay, clock, stoppingToken);
            try
            {
                await backfill.RunAsync(null, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Logged by the backfill; its status shows the error. The app keeps serving.
            }
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(options.Value.PhraseRefreshInterval, clock, stoppingToken);
                try
                {
                    await LoadPhrasesAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Loading phrase vectors failed; retrying at the next refresh");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task LoadPhrasesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var modelId = model.ModelId;
        var from = phrases.LoadedUpTo == DateTimeOffset.MinValue ? DateTimeOffset.MinValue : phrases.LoadedUpTo - RefreshOverlap;
        var query = db.Embeddings.AsNoTracking().Where(e => e.Model == modelId && e.Kind == EmbeddingKind.Phrase);
        if (from != DateTimeOffset.MinValue) query = query.Where(e => e.CreatedAt >= from);
        var newest = from;
        await foreach (var row in query.Select(e => new { e.TextHash, e.Vector, e.CreatedAt }).AsAsyncEnumerable().WithCancellation(ct))
        {
            phrases.Add(row.TextHash, VectorBytes.ToVector(row.Vector));
            if (row.CreatedAt > newest) newest = row.CreatedAt;
        }
        phrases.Loaded(newest);
    }
}
