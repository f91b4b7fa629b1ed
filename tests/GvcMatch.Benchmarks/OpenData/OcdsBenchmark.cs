using System.Diagnostics;
using System.Globalization;
using System.Text;
using GvcMatch.Benchmarks.Infrastructure;
using GvcMatch.Web;
using GvcMatch.Web.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Benchmarks.OpenData;

/// <summary>
/// The OCDS bulk export through the real app: generates the awards once into the data folder, starts
/// the app's own pipeline over it in this process on a loopback port (so the GC heap can be read
/// beside the working set), and streams <c>GET /api/ocds/bulk</c>, counting releases and bytes as they
/// arrive without keeping them. Every 200 ms it samples the working set and the GC heap; it prints
/// the series at each tenth of the releases, the peaks, the CPU seconds and the heap left after a
/// full collection. Flat memory: neither peak grows with the number of awards.
/// </summary>
public static class OcdsBenchmark
{
    private static readonly byte[] Marker = Encoding.UTF8.GetBytes("\"initiationType\":\"tender\"");
    private static int _releases;

    public static async Task<int> RunAsync(Args args)
    {
        var folder = args.Required("data");
        var awards = args.Int("awards", 100_000);
        Directory.CreateDirectory(folder);
        Console.WriteLine($"Preparing {awards:N0} awards in {folder}…");
        var have = await OcdsData.PrepareAsync(folder, awards);

        // The export reads no vectors: without the model the app starts sooner on a loaded machine.
        await using var app = AppHost.Build(Path.GetFullPath(folder), new Dictionary<string, string?>
        {
            ["Matching:Semantic:Enabled"] = "false", ["Urls"] = "http://127.0.0.1:0",
        });
        await app.PrepareDatabaseAsync();
        app.UseGvcMatch();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address + "/"), Timeout = TimeSpan.FromMinutes(10) };
        // Warm up the endpoint's code path on a small page first: the figure is the stream, not JIT.
        (await client.GetAsync("api/ocds/releases?page=1")).EnsureSuccessStatusCode();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Sample.Now(TimeSpan.Zero);
        var samples = new List<Sample>();
        using var sampling = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                samples.Add(Sample.Now(clock.Elapsed));
                try { await Task.Delay(200, sampling.Token); } catch (OperationCanceledException) { }
            }
        });

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        using var response = await client.GetAsync("api/ocds/bulk", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var firstByte = clock.Elapsed;
        var bytes = await CountAsync(await response.Content.ReadAsStreamAsync());
        clock.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var after = Sample.Now(clock.Elapsed);
        await app.StopAsync();

        Console.WriteLine();
        Console.WriteLine($"OCDS bulk export — {Machine.Describe()}");
        Console.WriteLine("| s | releases streamed | working set (MiB) | GC heap (MiB) | GC committed (MiB) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        var shown = -1;
        foreach (var x in samples.Where(x => x.Releases * 10 / Math.Max(1, _releases) > shown || x == samples[^1]))
        {
            shown = x.Releases * 10 / Math.Max(1, _releases);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {x.At.TotalSeconds:0.0} | {x.Releases:N0} | {x.WorkingSet:0} | {x.Heap:0} | {x.Committed:0} |"));
        }
        Console.WriteLine();
        Console.WriteLine("| awards | releases | MiB streamed | first byte (s) | total (s) | CPU (s, app and reader) | working set before / peak (MiB) | GC heap before / peak / after full GC (MiB) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {have:N0} | {_releases:N0} | {bytes / 1048576.0:0.0} | {firstByte.TotalSeconds:0.00} | {clock.Elapsed.TotalSeconds:0.0} | {cpuSeconds:0.0} | {before.WorkingSet:0} / {samples.Max(x => x.WorkingSet):0} | {before.Heap:0} / {samples.Max(x => x.Heap):0} / {after.Heap:0} |"));
        Console.WriteLine(clock.Elapsed.TotalSeconds <= 60 ? "Within the 60 s target." : "Over the 60 s target.");
        return 0;
    }

    private sealed record Sample(TimeSpan At, int Releases, double WorkingSet, double Heap, double Committed)
    {
        public static Sample Now(TimeSpan at)
        {
            var info = GC.GetGCMemoryInfo();
            return new(at, Volatile.Read(ref _releases), Environment.WorkingSet / 1048576.0, GC.GetTotalMemory(false) / 1048576.0, info.TotalCommittedBytes / 1048576.0);
        }
    }

    /// <summary>Reads the stream to the end, counting bytes and releases (each carries one initiationType), without keeping it.</summary>
    private static async Task<long> CountAsync(Stream body)
    {
        var buffer = new byte[81920 + Marker.Length];
        long bytes = 0;
        _releases = 0;
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
                Interlocked.Increment(ref _releases);
                from += at + Marker.Length;
            }
            // Keep the tail that could start a marker split across two reads.
            carry = Math.Min(Marker.Length - 1, span.Length - from);
            span[^carry..].CopyTo(buffer);
        }
        return bytes;
    }
}
