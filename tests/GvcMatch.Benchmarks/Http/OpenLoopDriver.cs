using System.Diagnostics;
using GvcMatch.Benchmarks.Infrastructure;

namespace GvcMatch.Benchmarks.Http;

/// <summary>
/// Sends requests at a fixed rate by the wall clock, whether or not earlier ones have answered,
/// and measures each from the moment it was due. A slow response therefore cannot hold back the
/// next request and hide the queueing it causes (coordinated omission).
/// </summary>
public static class OpenLoopDriver
{
    public static async Task<Latencies> RunAsync(string name, HttpClient client, Func<int, HttpRequestMessage> request, int rate, TimeSpan duration)
    {
        var latencies = new Latencies(name);
        var total = (int)(rate * duration.TotalSeconds);
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var k = 0; k < total; k++)
        {
            var due = TimeSpan.FromSeconds((double)k / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            inFlight.Add(SendAsync(k, due));
        }
        await Task.WhenAll(inFlight);
        latencies.Busy = clock.Elapsed;
        return latencies;

        async Task SendAsync(int k, TimeSpan due)
        {
            try
            {
                using var message = request(k);
                using var response = await client.SendAsync(message);
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode) latencies.AddError();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                latencies.AddError();
            }
            latencies.Add((clock.Elapsed - due).TotalMilliseconds);
        }
    }
}
