using System.ComponentModel.DataAnnotations;
using GvcMatch.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Dashboards;

/// <summary>Settings under <c>Dashboards</c>.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboards";

    /// <summary>How often the recorded match appearances and profile views are written to the database.</summary>
    [Range(1, 3600)]
    public int FlushSeconds { get; set; } = 5;
}

/// <summary>Writes the <see cref="CounterRecorder"/>'s batch every interval, and once more at shutdown.</summary>
public sealed class CounterFlushWorker(CounterRecorder recorder, IOptions<DashboardOptions> options, ILogger<CounterFlushWorker> logger) : BackgroundService
{
    // Wall time, not the app clock: tests move the app clock by days, and the interval is a latency.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(TimeSpan.FromSeconds(options.Value.FlushSeconds), TimeProvider.System,
            async ct => await recorder.FlushAsync(ct), logger, "Writing dashboard counters", stoppingToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await recorder.FlushAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The last dashboard counters could not be written at shutdown");
        }
    }
}
