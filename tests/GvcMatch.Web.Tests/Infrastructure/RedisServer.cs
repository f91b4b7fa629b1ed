using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>
/// One Redis server for the whole test run: the one named by <c>GVCMATCH_TEST_REDIS</c> (host:port),
/// or else a throwaway <c>redis-server</c> on a free port with persistence off, stopped when the
/// test process exits. Tests that need it implement <see cref="IUsesRedis"/>: they are skipped when
/// no server can be had, unless <c>GVCMATCH_REQUIRE_SERVICES=1</c>. A test that stops Redis starts
/// one of its own (<see cref="StartOwnAsync"/>).
/// </summary>
public sealed class RedisServer
{
    public const string ConnectionVariable = "GVCMATCH_TEST_REDIS";
    private const string Binary = "/usr/bin/redis-server";

    private static readonly Lazy<Task<RedisServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly int _port;
    private Process? _process;
    private readonly StringBuilder _output = new();

    private RedisServer(string connectionString) => ConnectionString = connectionString;

    private RedisServer(int port) : this($"127.0.0.1:{port}") => _port = port;

    /// <summary>A StackExchange.Redis connection string, as <c>Messaging:Redis</c> takes it.</summary>
    public string ConnectionString { get; }

    /// <summary>Why no server can be had on this machine, or null when one can.</summary>
    public static string? UnavailableReason { get; } =
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ConnectionVariable)) || File.Exists(Binary)
            ? null
            : $"No Redis: set {ConnectionVariable} or install the redis-server package ({Binary}).";

    public static Task<RedisServer> GetAsync() => Shared.Value;

    private static async Task<RedisServer> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(given)) return new RedisServer(given);
        return await StartOwnAsync();
    }

    /// <summary>
    /// A throwaway server for one test that stops and starts it (<see cref="StopAsync"/>,
    /// <see cref="StartAgainAsync"/>) on the same port, so clients find it again.
    /// </summary>
    public static async Task<RedisServer> StartOwnAsync()
    {
        if (!File.Exists(Binary)) throw new InvalidOperationException($"No Redis: install the redis-server package ({Binary}).");
        var server = new RedisServer(FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its port and waits until it answers.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in new[] { "--port", _port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Stop the server when the test process ends, however the run finishes.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill(process);
        StartWatchdog(process.Id);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await PingsAsync(_port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                string log;
                lock (_output) log = _output.ToString();
                throw new InvalidOperationException($"redis-server on port {_port} did not answer: {log}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Kills the server, as a crash or a lost node would, and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process) return;
        Kill(process);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(timeout.Token);
        _process = null;
    }

    private static void Kill(Process process)
    {
        try { if (!process.HasExited) process.Kill(); }
        catch (InvalidOperationException) { }
    }

    /// <summary>
    /// The test host may be killed at the end of a run before exit handlers run, so a detached shell
    /// waits for this process to end and then stops the server (as the PostgreSQL cluster does).
    /// </summary>
    private static void StartWatchdog(int serverPid)
    {
        if (!File.Exists("/usr/bin/setsid") && !File.Exists("/bin/setsid")) return;
        var script = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId}; do sleep 1; done; kill {serverPid}";
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var a in new[] { "-f", "bash", "-c", script }) start.ArgumentList.Add(a);
        using var watchdog = Process.Start(start);
    }

    /// <summary>Sends one command in the inline protocol and returns the raw reply (enough for a test to inspect).</summary>
    public async Task<string> CommandAsync(string command)
    {
        var endpoint = ConnectionString.Split(',')[0];
        var colon = endpoint.LastIndexOf(':');
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint[..colon], int.Parse(endpoint[(colon + 1)..]));
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
        var buffer = new byte[64 * 1024];
        var read = await stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    private static async Task<bool> PingsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
