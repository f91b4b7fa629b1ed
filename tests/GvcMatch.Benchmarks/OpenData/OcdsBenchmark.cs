using System.Diagnostics;
using System.Globalization;
using System.Text;
using GvcMatch.Benchmarks.Http;
using GvcMatch.Benchmarks.Infrastructure;

namespace GvcMatch.Benchmarks.OpenData;

/// <summary>
/// The OCDS bulk export through the real app: generates the awards once into the data folder, starts
/// the app's Release build on it, and streams <c>GET /api/ocds/bulk</c>, counting releases and bytes
/// as they arrive, while the app's resident memory is sampled. Reports the seconds and how far the
/// app's memory grew over its size before the request (flat memory: it should not grow with the count).
/// </summary>
public static class OcdsBenchmark
{
    private static readonly byte[] Marker = Encoding.UTF8.GetBytes("\"initiationType\":\"tender\"");

    public static async Task<int> RunAsync(Args args)
    {
        var folder = args.Required("data");
        var awards = args.Int("awards", 100_000);
        Directory.CreateDirectory(folder);
        Console.WriteLine($"Preparing {awards:N0} awards in {folder}…");
        var have = await OcdsData.PrepareAsync(folder, awards);

        // The export reads no vectors: without the model the app starts sooner on a loaded machine.
        await using var app = await AppProcess.StartAsync(Path.GetFullPath(folder),
            new Dictionary<string, string> { ["Matching__Semantic__Enabled"] = "false" }, TimeSpan.FromMinutes(10));
        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(10) };
        // Warm up the endpoint's code path on a small page first: the figure is the stream, not JIT.
        (await client.GetAsync("api/ocds/releases?page=1")).EnsureSuccessStatusCode();
        var before = ResidentMiB(app.Id);
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, ResidentMiB(app.Id));
                try { await Task.Delay(50, sampling.Token); } catch (OperationCanceledException) { }
            }
        });

        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync("api/ocds/bulk", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var firstByte = clock.Elapsed;
        var (bytes, releases) = await CountAsync(await response.Content.ReadAsStreamAsync());
        clock.Stop();
        await sampling.CancelAsync();
        await sampler;

        Console.WriteLine();
        Console.WriteLine($"OCDS bulk export — {Machine.Describe()}");
        Console.WriteLine($"| awards in the database | releases streamed | MiB streamed | first byte (s) | total (s) | app resident before (MiB) | peak during (MiB) | growth (MiB) |");
        Console.WriteLine($"|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {have:N0} | {releases:N0} | {bytes / 1048576.0:0.0} | {firstByte.TotalSeconds:0.00} | {clock.Elapsed.TotalSeconds:0.0} | {before:0} | {peak:0} | {peak - before:0} |"));
        Console.WriteLine(clock.Elapsed.TotalSeconds <= 60 ? "Within the 60 s target." : "Over the 60 s target.");
        return 0;
    }

    /// <summary>Reads the stream to the end, counting bytes and releases (each carries one initiationType), without keeping it.</summary>
    private static async Task<(long Bytes, int Releases)> CountAsync(Stream body)
    {
        var buffer = new byte[81920 + Marker.Length];
        long bytes = 0;
        var releases = 0;
        var carry = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(carry, buffer.Length - carry))) > 0)
        {
            bytes += read;
            var span = buffer.AsSpan(0, carry + read);
            var from = 0;
            int at;
            while ((at = span[from..].IndexOf(Marker)) >= 0)
            {
                releases++;
                from += at + Marker.Length;
            }
            // Keep the tail that could start a marker split across two reads.
            carry = Math.Min(Marker.Length - 1, span.Length - from);
            span[^carry..].CopyTo(buffer);
        }
        return (bytes, releases);
    }

    /// <summary>The app's resident memory now (VmRSS), in MiB.</summary>
    private static double ResidentMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
