using System.Diagnostics;
using System.Globalization;
using System.Text;
using GvcMatch.Benchmarks.Infrastructure;

namespace GvcMatch.Benchmarks.Realtime;

/// <summary>
/// <c>echo [--connections 1000] [--payload-bytes 256] [--rate 1] [--seconds 30] [--warmup 5] [--skip-negotiation]</c>:
/// a raw WebSocket echo and a SignalR hub echo in one server process, each driven over its own
/// connections at the same per-connection rate, both series in the same open-loop schedule
/// (their messages alternate), so load from elsewhere on the machine falls on both alike.
/// </summary>
public static class EchoCommand
{
    private const double TargetRatio = 2.0;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(Args args)
    {
        var connections = args.Int("connections", 1000);
        var payloadBytes = args.Int("payload-bytes", 256);
        var rate = double.Parse(args.Text("rate", "1"), CultureInfo.InvariantCulture);
        var duration = TimeSpan.FromSeconds(args.Int("seconds", 30));
        var warmup = TimeSpan.FromSeconds(args.Int("warmup", 5));
        var skipNegotiation = args.Flag("skip-negotiation");
        if (connections is < 1 or > 10_000 || payloadBytes is < 1 or > 16_384 || rate is <= 0 or > 100
            || duration <= TimeSpan.Zero || duration > TimeSpan.FromMinutes(5) || warmup < TimeSpan.Zero)
        {
            throw new ArgumentException("Keep --connections within 1..10000, --payload-bytes within 1..16384, --rate within (0, 100], --seconds within 1..300.");
        }
        // Both series' sockets, at both ends: the server is a child process and inherits this limit.
        FileLimits.Require(2L * connections + 256);

        Console.WriteLine($"echo: {connections:N0} connections per series, {payloadBytes} B payload, {rate}/s per connection, " +
                          $"{duration.TotalSeconds:0} s after {warmup.TotalSeconds:0} s warm-up, SignalR negotiation {(skipNegotiation ? "skipped" : "on")}, " +
                          $"open-file limit {FileLimits.OpenFiles()?.ToString("N0", CultureInfo.InvariantCulture) ?? "n/a"}");
        Console.WriteLine($"Load average at start: {Machine.Load()}");
        await using var server = await EchoServerProcess.StartAsync();
        var text = new string('x', payloadBytes);
        var bytes = Encoding.UTF8.GetBytes(text);
        var wsUri = new UriBuilder(server.Address) { Scheme = "ws", Path = "ws" }.Uri;
        var hubUri = new Uri(server.Address, "hubs/echo");

        RawEchoClient[] raws = [];
        HubEchoClient[] hubs = [];
        try
        {
            raws = await ConnectionRamp.OpenAsync("raw WebSocket", connections, (_, ct) => RawEchoClient.ConnectAsync(wsUri, ct));
            hubs = await ConnectionRamp.OpenAsync("SignalR hub", connections, (_, ct) => HubEchoClient.ConnectAsync(hubUri, skipNegotiation, ct));

            // Even lanes are raw connections, odd lanes hub connections: the two series alternate message by message.
            Task Send(int lane, long _) => lane % 2 == 0 ? raws[lane / 2].EchoAsync(bytes) : hubs[lane / 2].EchoAsync(text);
            var raw = new SeriesLatencies("raw WebSocket echo (/ws)");
            var hub = new SeriesLatencies("SignalR hub Echo (/hubs/echo)");

            if (warmup > TimeSpan.Zero)
            {
                var discarded = new SeriesLatencies("warm-up");
                await OpenLoopScheduler.RunAsync("warm-up", 2 * connections, rate, warmup, Send, _ => discarded, Timeout);
            }

            var loadBefore = Machine.Load();
            var serverCpu = server.CpuTime;
            var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (elapsed, lateness) = await OpenLoopScheduler.RunAsync("measured", 2 * connections, rate, duration, Send, lane => lane % 2 == 0 ? raw : hub, Timeout);
            serverCpu = server.CpuTime - serverCpu;
            clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpu;

            Console.WriteLine();
            Console.WriteLine($"Load average: before {loadBefore}, after {Machine.Load()}; {Machine.Describe()}");
            Console.WriteLine($"Measured {elapsed.TotalSeconds:0.0} s; CPU server {serverCpu.TotalSeconds:0.0} s, client {clientCpu.TotalSeconds:0.0} s; " +
                              $"server peak memory (VmHWM) {server.PeakMemoryMiB():0} MiB");
            RealtimeTable.Print([(raw.FromDue, connections), (hub.FromDue, connections),
                (raw.FromSend, connections), (hub.FromSend, connections), (lateness, 2 * connections)]);
            var errors = raw.FromDue.Errors + hub.FromDue.Errors;
            var ratio = hub.FromDue.Percentile(99) / raw.FromDue.Percentile(99);
            var met = ratio <= TargetRatio && errors == 0;
            Console.WriteLine($"SignalR p99 / raw p99 = {ratio:0.00}x — target <= {TargetRatio:0}x {(met ? "met" : "not met")}" +
                              (errors > 0 ? $" ({errors} errors)" : "") +
                              $"; from send alone {hub.FromSend.Percentile(99) / raw.FromSend.Percentile(99):0.00}x");
            return 0;
        }
        finally
        {
            await ConnectionRamp.CloseAsync([.. raws, .. hubs]);
        }
    }
}
