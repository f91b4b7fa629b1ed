using System.Diagnostics.Metrics;
using GvcMatch.Web.Features.Search;

namespace GvcMatch.Web.Infrastructure.Telemetry;

/// <summary>
/// The app's own instruments on the Meter "GvcMatch". Created through <see cref="IMeterFactory"/>,
/// so each host owns (and disposes) its meter. Queue gauges report the last value
/// <see cref="QueueGauges"/> read, and nothing before the first read rather than a false zero.
/// </summary>
public sealed class AppMetrics
{
    // Seconds, sized for a request that should answer well under a second.
    private static readonly double[] LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    // Seconds from commit to searchable: a healthy indexer is sub-second, a stuck one minutes behind.
    private static readonly double[] LagBuckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900];

    private readonly Histogram<double> _matchLatency;
    private readonly Histogram<double> _indexerLag;
    private readonly UpDownCounter<long> _hubConnections;
    // -1 until the first read.
    private long _outboxDepth = -1;
    private long _emailQueue = -1;

    public AppMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(GvcMatchTelemetry.Name);
        _matchLatency = meter.CreateHistogram("gvcmatch.match.duration", "s", "Time to rank the suppliers for one requirement",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _indexerLag = meter.CreateHistogram("gvcmatch.indexer.lag", "s", "Time from an outbox row's write to its indexing",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBuckets });
        _hubConnections = meter.CreateUpDownCounter<long>("gvcmatch.hub.connections", "{connection}", "Open SignalR connections on this instance");
        meter.CreateObservableGauge("gvcmatch.outbox.depth", () => Observe(Volatile.Read(ref _outboxDepth)), "{row}", "Search outbox rows not indexed yet");
        meter.CreateObservableGauge("gvcmatch.email.queue.length", () => Observe(Volatile.Read(ref _emailQueue)), "{email}", "Emails waiting to be sent or retried");
    }

    public void MatchRanked(TimeSpan took) => _matchLatency.Record(took.TotalSeconds);

    /// <summary>Records each row's lag; a clock behind the writer's counts as no lag.</summary>
    public void RowsIndexed(IEnumerable<IndexOutboxEntry> rows, DateTimeOffset now)
    {
        foreach (var row in rows) _indexerLag.Record(Math.Max(0, (now - row.CreatedAt).TotalSeconds));
    }

    public void HubConnected() => _hubConnections.Add(1);

    public void HubDisconnected() => _hubConnections.Add(-1);

    public void QueuesRead(long outboxDepth, long emailQueue)
    {
        Interlocked.Exchange(ref _outboxDepth, outboxDepth);
        Interlocked.Exchange(ref _emailQueue, emailQueue);
    }

    private static IEnumerable<Measurement<long>> Observe(long value) =>
        value >= 0 ? [new Measurement<long>(value)] : [];
}
