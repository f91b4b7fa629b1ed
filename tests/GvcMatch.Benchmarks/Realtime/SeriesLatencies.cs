using GvcMatch.Benchmarks.Infrastructure;

namespace GvcMatch.Benchmarks.Realtime;

/// <summary>
/// One series of an open-loop run, measured twice: from the time each message was due (the figure
/// that counts: it includes any queueing, in the driver or the server) and from the moment it was
/// actually sent (the round trip alone, without the driver's own lateness).
/// </summary>
public sealed class SeriesLatencies(string name)
{
    public Latencies FromDue { get; } = new(name);
    public Latencies FromSend { get; } = new($"{name}, from send");
}
