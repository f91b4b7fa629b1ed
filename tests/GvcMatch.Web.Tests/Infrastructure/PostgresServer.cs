using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server for the whole test run: the one named by <c>GVCMATCH_TEST_POSTGRES</c>,
/// or else a throwaway cluster started from the machine's PostgreSQL binaries and removed when
/// the test process exits. Each test class asks it for a database of its own.
/// </summary>
public sealed class PostgresServer
{
    public const string ConnectionVariable = "GVCMATCH_TEST_POSTGRES";
    private const string FolderPrefix = "gvcmatch-pg-";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _adminConnectionString;

    // Made on first use: a run with no PostgreSQL test asks for no template.
    private readonly Lazy<Task<string>> _template;

    private PostgresServer(string adminConnectionString)
    {
        _adminConnectionString = adminConnectionString;
        _template = new(() => MigratedTemplates.CreatePostgresTemplateAsync(adminConnectionString, "gvc_template_" + Guid.NewGuid().ToString("N")),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Why no server can be had on this machine, or null when one can.</summary>
    public static string? UnavailableReason { get; } = FindUnavailableReason();

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "gvc_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>
    /// Creates a database with every migration applied, copied from a template migrated once per
    /// run (much cheaper than migrating each one), and returns a connection string for it.
    /// </summary>
    public async Task<string> CreateMigratedDatabaseAsync()
    {
        var name = "gvc_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await MigratedTemplates.CreatePostgresCopyAsync(connection, name, _template.Value);
        }
        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>; open connections are closed first.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(pooled);
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string? FindUnavailableReason()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ConnectionVariable))) return null;
        if (FindBinaries() is null)
            return $"No PostgreSQL: set {ConnectionVariable} or install the postgresql package (/usr/lib/postgresql/*/bin).";
        if (Environment.UserName == "root" && !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser"))
            return "No PostgreSQL: initdb cannot run as root and runuser is missing.";
        if (Environment.UserName == "root" && !File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)))
            return "No PostgreSQL: initdb cannot run as root and there is no postgres user to run it.";
        return null;
    }

    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.GetDirectories(root)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: double.TryParse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0))
            .Where(x => File.Exists(Path.Combine(x.Dir, "initdb")) && File.Exists(Path.Combine(x.Dir, "pg_ctl")))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Dir)
            .FirstOrDefault();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(given)) return new PostgresServer(given);
        if (UnavailableReason is { } reason) throw new InvalidOperationException(reason);

        ThrowawayCluster.RemoveAbandoned(FolderPrefix);
        var cluster = await ThrowawayCluster.StartAsync(FindBinaries()!, FolderPrefix, FreePort());
        // Stop the cluster when the test process ends, however the run finishes.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return new PostgresServer(cluster.ConnectionString);
    }

    /// <summary>
    /// A cluster of its own for a test that restarts it, so the shared one stays up for the tests
    /// running beside it. The caller stops it.
    /// </summary>
    internal static async Task<ThrowawayCluster> StartOwnClusterAsync()
    {
        if (UnavailableReason is { } reason) throw new InvalidOperationException(reason);
        var bin = FindBinaries() ?? throw new InvalidOperationException("No PostgreSQL binaries.");
        var cluster = await ThrowawayCluster.StartAsync(bin, FolderPrefix, FreePort());
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
