using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Infrastructure.Telemetry;

/// <summary>
/// Reads the two queue depths for <see cref="AppMetrics"/> on a timer. Gauge callbacks run
/// synchronously inside a scrape; a database query there would block it, so the counts are taken
/// here and the gauges report the latest.
/// </summary>
public sealed class QueueGauges(IServiceScopeFactory scopes, ISearchIndex index, AppMetrics metrics, IOptions<TelemetryOptions> options, ILogger<QueueGauges> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time, not the app's TimeProvider: this is a sampling cadence, not a business date.
        using var timer = new PeriodicTimer(options.Value.QueueGaugeInterval);
        try
        {
            do
            {
                try
                {
                    await ReadAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogDebug(ex, "Reading the queue gauges failed; trying again at the next interval");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task ReadAsync(CancellationToken ct)
    {
        var checkpoint = await index.GetCheckpointAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outbox = await db.IndexOutbox.LongCountAsync(e => e.Id > checkpoint, ct);
        var email = await db.Set<EmailOutboxEntry>().LongCountAsync(e => e.SentAt == null && e.NextAttemptAt != null, ct);
        metrics.QueuesRead(outbox, email);
    }
}
