using System.Diagnostics;
using GvcMatch.Benchmarks.Infrastructure;

namespace GvcMatch.Benchmarks.Realtime;

/// <summary>
/// Sends over many lanes (a lane is one connection of one series) at fixed wall-clock times,
/// whether or not earlier messages have been answered, and measures each message from the moment
/// it was due. A slow answer can therefore not delay the next send and hide the queueing it causes
/// (coordinated omission), and lateness of the driver itself counts against the figures too.
/// </summary>
/// <remarks>
/// Every lane sends <c>ratePerLane</c> messages a second; lane <c>i</c> is offset by
/// <c>i / lanes</c> of a period, so the combined stream is evenly spaced and consecutive messages
/// go to consecutive lanes. One dedicated thread dispatches everything: a thousand timers would be
/// no more precise, and <c>Task.Delay</c> (timer queue, then a pool thread) wakes about a
/// millisecond later than <c>Thread.Sleep</c> does.
/// </remarks>
public static class OpenLoopScheduler
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    /// <param name="send">Starts message <c>(lane, n)</c>; its task completes when the round trip (or delivery) has.</param>
    /// <param name="seriesOf">Where the latencies of a lane's messages go.</param>
    /// <returns>
    /// Wall-clock time from the first due message until the last one finished, and how late each
    /// send started: the driver's own share of the latencies, which tells whether it kept up.
    /// </returns>
    public static async Task<(TimeSpan Elapsed, Latencies Lateness)> RunAsync(string label, int lanes, double ratePerLane, TimeSpan duration,
        Func<int, long, Task> send, Func<int, SeriesLatencies> seriesOf, TimeSpan timeout)
    {
        var total = (long)Math.Round(lanes * ratePerLane * duration.TotalSeconds);
        var ticksPerMessage = TimeSpan.TicksPerSecond / (lanes * ratePerLane);
        var lateness = new Latencies("driver lateness (send start - due), both series");
        long finished = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        var inFlight = await Task.Factory.StartNew(Dispatch, TaskCreationOptions.LongRunning);
        await Task.WhenAll(inFlight);
        return (clock.Elapsed, lateness);

        List<Task> Dispatch()
        {
            var started = new List<Task>((int)Math.Min(total, int.MaxValue));
            var nextProgress = ProgressEvery;
            for (long g = 0; g < total; g++)
            {
                var due = TimeSpan.FromTicks((long)(g * ticksPerMessage));
                var wait = due - clock.Elapsed;
                // At least a millisecond: shorter sleeps return at once and would spin a core; the
                // lateness this causes is measured, not hidden.
                if (wait > TimeSpan.Zero) Thread.Sleep(Math.Max(1, (int)Math.Ceiling(wait.TotalMilliseconds)));
                started.Add(MeasureAsync((int)(g % lanes), g / lanes, due));
                if (clock.Elapsed >= nextProgress)
                {
                    Console.WriteLine($"  {label}: {nextProgress.TotalSeconds:0} s, {g + 1:N0} sent, {Interlocked.Read(ref finished):N0} answered, {Interlocked.Read(ref failed):N0} errors");
                    nextProgress += ProgressEvery;
                }
            }
            return started;
        }

        async Task MeasureAsync(int lane, long n, TimeSpan due)
        {
            var series = seriesOf(lane);
            var sent = clock.Elapsed;
            lateness.Add((sent - due).TotalMilliseconds);
            try
            {
                await send(lane, n).WaitAsync(timeout);
                var done = clock.Elapsed;
                series.FromDue.Add((done - due).TotalMilliseconds);
                series.FromSend.Add((done - sent).TotalMilliseconds);
                Interlocked.Increment(ref finished);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Timeouts and broken connections alike: counted, and kept out of the percentiles.
                series.FromDue.AddError();
                series.FromSend.AddError();
                Interlocked.Increment(ref failed);
            }
        }
    }
}
