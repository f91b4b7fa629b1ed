using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GvcMatch.Benchmarks.Infrastructure;

namespace GvcMatch.Benchmarks.Http;

/// <summary>
/// <c>http --data DIR [--rate 50] [--seconds 30]</c>: the Release app in its own process on
/// 127.0.0.1, a buyer's bearer token, then <c>/health</c> (the baseline: routing, auth-free, one
/// cheap database check) and <c>/api/requirements/{id}/matches</c> each driven open-loop at the
/// same fixed rate.
/// </summary>
public static class HttpBenchmark
{
    public static async Task<int> RunAsync(Args args)
    {
        var folder = Path.GetFullPath(args.Required("data"));
        var rate = args.Int("rate", 50);
        var duration = TimeSpan.FromSeconds(args.Int("seconds", 30));
        if (rate is < 1 or > 1000 || duration > TimeSpan.FromMinutes(5)) throw new ArgumentException("Keep --rate within 1..1000 and --seconds within 300.");

        var requirementIds = await BenchmarkData.PrepareAsync(folder);
        Console.WriteLine($"http: {folder}, requirements {string.Join(", ", requirementIds)}; {rate}/s for {duration.TotalSeconds:0} s per endpoint");
        await using var app = await AppProcess.StartAsync(folder);
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = app.Address,
            Timeout = TimeSpan.FromSeconds(10),
        };
        var token = await LoginAsync(client);

        HttpRequestMessage Health(int _) => new(HttpMethod.Get, "health");
        HttpRequestMessage Matches(int k)
        {
            var message = new HttpRequestMessage(HttpMethod.Get, $"api/requirements/{requirementIds[k % requirementIds.Count]}/matches?top=20");
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return message;
        }

        // Warm up both paths (JIT, connection pool, index caches) before anything is recorded.
        var check = await client.SendAsync(Matches(0));
        check.EnsureSuccessStatusCode();
        for (var i = 0; i < 100; i++)
        {
            (await client.SendAsync(Health(i))).Dispose();
            (await client.SendAsync(Matches(i))).Dispose();
        }

        var loadBefore = Machine.Load();
        var health = await OpenLoopDriver.RunAsync("GET /health (baseline)", client, Health, rate, duration);
        var loadBetween = Machine.Load();
        var matches = await OpenLoopDriver.RunAsync("GET /api/requirements/{id}/matches", client, Matches, rate, duration);
        Console.WriteLine($"Load average: before {loadBefore}, between {loadBetween}, after {Machine.Load()}; {Machine.Describe()}");
        Console.WriteLine($"App peak memory (VmHWM) {app.PeakMemoryMiB():0} MiB");
        Latencies.PrintTable([health, matches]);
        Console.WriteLine($"matches p95 {matches.Percentile(95):0.0} ms (target <= 50), p99 {matches.Percentile(99):0.0} ms (target <= 200); " +
                          $"p95 ratio to /health {matches.Percentile(95) / health.Percentile(95):0.0}x");
        return 0;
    }

    private static async Task<string> LoginAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("api/auth/login", new { email = BenchmarkData.BuyerEmail, password = BenchmarkData.BuyerPassword });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }
}
