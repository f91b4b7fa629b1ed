using System.Diagnostics;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster in a temp folder, made with initdb and run with pg_ctl. initdb refuses
/// to run as root, so as root both run as the <c>postgres</c> user on a folder it owns.
/// Durability is switched off: the data is thrown away anyway and tests run faster.
/// </summary>
internal sealed class ThrowawayCluster
{
    private const string OwnerFile = "owner.pid";
    private const string BinFile = "bin.txt";
    private static readonly bool IsRoot = Environment.UserName == "root";

    private readonly string _bin;
    private readonly string _folder;
    private int _stopped;

    private ThrowawayCluster(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=30;Command Timeout=60";
    }

    public string ConnectionString { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    public static async Task<ThrowawayCluster> StartAsync(string bin, string prefix, int port)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        var socket = Path.Combine(folder, "socket");
        Directory.CreateDirectory(socket);
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString());
        await File.WriteAllTextAsync(Path.Combine(folder, BinFile), bin);
        if (IsRoot) await RunAsync("chown", ["-R", "postgres:postgres", folder]);

        var cluster = new ThrowawayCluster(bin, folder, port);
        try
        {
            await RunPostgresToolAsync(bin, "initdb", ["-D", cluster.DataFolder, "--auth=trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
            var options = $"-p {port} -k {socket} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
            await RunPostgresToolAsync(bin, "pg_ctl", ["-D", cluster.DataFolder, "-o", options, "-l", Path.Combine(folder, "server.log"), "-w", "start"]);
        }
        catch
        {
            cluster.Stop();
            throw;
        }
        cluster.StartWatchdog();
        return cluster;
    }

    /// <summary>
    /// The test host may be killed at the end of a run before exit handlers finish, so a detached
    /// shell waits for this process to end and then stops the cluster and removes its folder.
    /// </summary>
    private void StartWatchdog()
    {
        if (!File.Exists("/usr/bin/setsid") && !File.Exists("/bin/setsid")) return;
        var pgCtl = $"'{Path.Combine(_bin, "pg_ctl")}' -D '{DataFolder}' -m immediate -w stop";
        if (IsRoot) pgCtl = "runuser -u postgres -- " + pgCtl;
        var script = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId}; do sleep 1; done; " +
                     $"if [ -f '{DataFolder}/postmaster.pid' ]; then {pgCtl}; fi; rm -rf '{_folder}'";
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var a in new[] { "-f", "bash", "-c", script }) start.ArgumentList.Add(a);
        using var watchdog = Process.Start(start);
    }

    /// <summary>
    /// Restarts the server as an operator would (fast mode: sessions are ended, committed work is
    /// kept) on the same port, and returns once it accepts connections again.
    /// </summary>
    public Task RestartAsync() =>
        RunPostgresToolAsync(_bin, "pg_ctl", ["-D", DataFolder, "-m", "fast", "-l", Path.Combine(_folder, "server.log"), "-w", "restart"]);

    /// <summary>Stops the server at once (no checkpoint needed) and deletes its folder.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        StopFolder(_bin, _folder);
    }

    /// <summary>Removes clusters left behind by test processes that were killed before they could clean up.</summary>
    public static void RemoveAbandoned(string prefix)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), prefix + "*"))
        {
            var ownerFile = Path.Combine(folder, OwnerFile);
            if (!File.Exists(ownerFile) || !int.TryParse(File.ReadAllText(ownerFile), out var owner) || IsAlive(owner)) continue;
            var bin = Path.Combine(folder, BinFile);
            StopFolder(File.Exists(bin) ? File.ReadAllText(bin) : null, folder);
        }
    }

    private static void StopFolder(string? bin, string folder)
    {
        var data = Path.Combine(folder, "data");
        if (bin is not null && File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            try
            {
                RunPostgresToolAsync(bin, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).GetAwaiter().GetResult();
            }
            catch (InvalidOperationException)
            {
                // Already stopped; the folder is removed below either way.
            }
        }
        // Server processes may still be exiting for a moment after pg_ctl returns.
        for (var attempt = 1; attempt <= 10 && Directory.Exists(folder); attempt++)
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (attempt == 10) Console.Error.WriteLine($"Could not remove {folder}: {e.Message}");
                Thread.Sleep(200);
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try { return !Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    private static Task RunPostgresToolAsync(string bin, string tool, string[] args)
    {
        var path = Path.Combine(bin, tool);
        return IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args]) : RunAsync(path, args);
    }

    private static async Task RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await error}{await output}");
    }
}
