using System.Diagnostics;

namespace GvcMatch.Benchmarks.Realtime;

/// <summary>Opens many connections a few at a time, printing progress, and closes them again.</summary>
public static class ConnectionRamp
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Opens <paramref name="count"/> connections, <paramref name="parallel"/> at a time; the first failure stops the ramp.</summary>
    public static async Task<T[]> OpenAsync<T>(string label, int count, Func<int, CancellationToken, Task<T>> open, int parallel = 16)
    {
        var opened = new T[count];
        var done = 0;
        var step = Math.Max(1, count / 10);
        var clock = Stopwatch.StartNew();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (i, ct) =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(ConnectTimeout);
            try
            {
                opened[i] = await open(i, timeout.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                throw new InvalidOperationException($"{label}: connection {i} failed with {Volatile.Read(ref done)} open: {ex.Message}", ex);
            }
            var n = Interlocked.Increment(ref done);
            if (n % step == 0 || n == count) Console.WriteLine($"  {label}: {n:N0}/{count:N0} open after {clock.Elapsed.TotalSeconds:0.0} s");
        });
        return opened;
    }

    /// <summary>Closes every connection, errors ignored: the run is over and the server goes next.</summary>
    public static Task CloseAsync(IEnumerable<IAsyncDisposable?> connections) =>
        Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (c, _) =>
        {
            try
            {
                if (c is not null) await c.DisposeAsync();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
            }
        });
}
