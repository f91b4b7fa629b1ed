using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GvcMatch.Benchmarks.Infrastructure;

namespace GvcMatch.Benchmarks.Realtime;

/// <summary>
/// This benchmark program again, as <c>echo-server</c>, in a child process: the load driver's
/// sockets, timers and garbage collections do not run in the server's process.
/// </summary>
public sealed class EchoServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EchoServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public double PeakMemoryMiB() => Machine.PeakMemoryMiB(_process.Id);

    public static async Task<EchoServerProcess> StartAsync()
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet",
            ["exec", typeof(EchoServer).Assembly.Location, "echo-server", "--port", port.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Server GC, as the Web SDK gives the real app (this console program runs workstation GC).
        info.Environment["DOTNET_gcServer"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the echo server.");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { Length: > 0 } line) return;
            if (line.StartsWith(EchoServer.ReadyLine, StringComparison.Ordinal)) ready.TrySetResult();
            else Console.WriteLine($"  server: {line}");
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.WriteLine($"  server: {e.Data}"); };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("The echo server exited before it was ready."));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new EchoServerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
