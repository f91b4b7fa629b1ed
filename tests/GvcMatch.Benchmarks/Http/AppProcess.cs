using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GvcMatch.Benchmarks.Infrastructure;

namespace GvcMatch.Benchmarks.Http;

/// <summary>
/// The real app (its Release build) in its own process on 127.0.0.1, so the load driver and the
/// server do not share a garbage collector or thread pool.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }
    public int Id => _process.Id;

    /// <param name="environment">Extra settings as environment variables (<c>Section__Key</c>).</param>
    /// <param name="startTimeout">How long to wait for /health (120 s unless given: a loaded machine starts the app slowly).</param>
    public static async Task<AppProcess> StartAsync(string dataFolder, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? startTimeout = null)
    {
        var dll = Path.Combine(Repo.WebProject, "bin", "Release", "net10.0", "GvcMatch.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build the app first: dotnet build src/GvcMatch.Web -c Release", dll);
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", ["exec", dll])
        {
            WorkingDirectory = Repo.WebProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Data__Folder"] = dataFolder;
        info.Environment["Seeds__Folder"] = Repo.SeedsFolder;
        info.Environment["Database__SeedDemoData"] = "false";
        info.Environment["DataProtection__AllowUnencryptedKeys"] = "true";
        info.Environment["Email__LinkBaseUrl"] = $"http://127.0.0.1:{port}";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the app.");
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.WriteLine($"  app: {e.Data}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.WriteLine($"  app: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(5) };
        var wait = startTimeout ?? TimeSpan.FromSeconds(120);
        var deadline = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited with code {process.ExitCode}.");
            try
            {
                if ((await client.GetAsync("health")).IsSuccessStatusCode) return app;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        await app.DisposeAsync();
        throw new TimeoutException($"The app did not answer /health within {wait.TotalSeconds:0} s.");
    }

    public double PeakMemoryMiB() => Machine.PeakMemoryMiB(_process.Id);

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
