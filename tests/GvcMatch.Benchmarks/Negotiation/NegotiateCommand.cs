using System.Collections.Concurrent;
using System.Globalization;
using GvcMatch.Benchmarks.Http;
using GvcMatch.Benchmarks.Infrastructure;
using GvcMatch.Benchmarks.Realtime;

namespace GvcMatch.Benchmarks.Negotiation;

/// <summary>
/// <c>negotiate --data DIR [--postgres CONNECTION] [--connections 1000] [--rate 1] [--seconds 30] [--warmup 5]</c>:
/// the Release app in its own process, one hub connection per user, half of them buyers and half
/// suppliers in pairs; every connection sends <c>--rate</c> messages a second to its pair's
/// conversation (stored, then broadcast), open-loop. A message's latency runs from the moment it
/// was due until the other party's connection has received it.
/// </summary>
public static class NegotiateCommand
{
    private const double TargetP99Ms = 100;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(Args args)
    {
        var folder = Path.GetFullPath(args.Required("data"));
        var postgres = args.Text("postgres", "");
        var connections = args.Int("connections", 1000);
        var rate = double.Parse(args.Text("rate", "1"), CultureInfo.InvariantCulture);
        var duration = TimeSpan.FromSeconds(args.Int("seconds", 30));
        var warmup = TimeSpan.FromSeconds(args.Int("warmup", 5));
        if (connections is < 2 or > 10_000 || connections % 2 != 0 || rate is <= 0 or > 20 || duration <= TimeSpan.Zero || duration > TimeSpan.FromMinutes(5))
            throw new ArgumentException("Keep --connections even within 2..10000, --rate within (0, 20], --seconds within 1..300.");
        FileLimits.Require(2L * connections + 256);

        var provider = postgres.Length > 0 ? "PostgreSQL" : "SQLite";
        var settings = new Dictionary<string, string?>();
        if (postgres.Length > 0)
        {
            settings["Database:Provider"] = "Postgres";
            settings["Database:ConnectionString"] = postgres;
        }
        Directory.CreateDirectory(folder);
        var pairs = await NegotiationData.PrepareAsync(folder, settings, connections / 2);
        Console.WriteLine($"negotiate: {provider}, {connections:N0} connections ({pairs.Count:N0} conversations), {rate}/s per connection, " +
                          $"{duration.TotalSeconds:0} s after {warmup.TotalSeconds:0} s warm-up");

        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value!);
        environment["RateLimits__AuthPermitsPerMinute"] = "100000";
        await using var app = await AppProcess.StartAsync(folder, environment);
        var users = pairs.SelectMany(p => new[] { p.Buyer, p.Supplier }).ToList();
        var tokens = await BenchTokens.GetAsync(app.Address, Path.Combine(folder, $"bench-tokens-{provider.ToLowerInvariant()}.json"),
            [.. users.Select(u => u.Email)], NegotiationData.Password);

        var awaited = new ConcurrentDictionary<string, TaskCompletionSource>();
        var hub = new Uri(app.Address, "hubs/negotiation");
        NegotiationClient[] clients = [];
        try
        {
            clients = await ConnectionRamp.OpenAsync("hub connections", users.Count,
                (i, ct) => NegotiationClient.ConnectAsync(hub, tokens[users[i].Email], users[i].Id, awaited, ct));
            var run = Guid.NewGuid().ToString("N")[..8];
            var body = "Could you confirm the delivery schedule for the second batch? We need 4,000 pieces by week 12.";
            // Lane i is user i: buyer and supplier of pair i / 2 alternate.
            string? firstError = null;
            async Task Send(int lane, long n)
            {
                try
                {
                    await clients[lane].SendAsync(pairs[lane / 2].ConversationId, $"{run}-{lane}-{n}", body).WaitAsync(Timeout);
                }
                catch (Exception ex)
                {
                    // The first failure is printed: a run full of errors should say why.
                    if (Interlocked.CompareExchange(ref firstError, ex.Message, null) is null) Console.WriteLine($"  first error: {ex.GetType().Name}: {ex.Message}");
                    throw;
                }
            }

            if (warmup > TimeSpan.Zero)
            {
                var discarded = new SeriesLatencies("warm-up");
                await OpenLoopScheduler.RunAsync("warm-up", connections, rate, warmup, (lane, n) => Send(lane, -1 - n), _ => discarded, Timeout);
            }

            var series = new SeriesLatencies($"delivery to the other party ({provider})");
            var loadBefore = Machine.Load();
            var (elapsed, lateness) = await OpenLoopScheduler.RunAsync("measured", connections, rate, duration, Send, _ => series, Timeout);

            Console.WriteLine();
            Console.WriteLine($"Load average: before {loadBefore}, after {Machine.Load()}; {Machine.Describe()}");
            Console.WriteLine($"Measured {elapsed.TotalSeconds:0.0} s; app peak memory (VmHWM) {app.PeakMemoryMiB():0} MiB");
            RealtimeTable.Print([(series.FromDue, connections), (series.FromSend, connections), (lateness, connections)]);
            var p99 = series.FromDue.Percentile(99);
            var met = p99 < TargetP99Ms && series.FromDue.Errors == 0;
            Console.WriteLine($"p99 delivery {p99:0.0} ms — target < {TargetP99Ms:0} ms {(met ? "met" : "not met")}" +
                              (series.FromDue.Errors > 0 ? $" ({series.FromDue.Errors} errors)" : ""));
            return 0;
        }
        finally
        {
            await ConnectionRamp.CloseAsync(clients);
        }
    }
}
