using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>
/// A database with every migration applied, made once per test process and copied for each app
/// under test: applying all migrations costs a second or more of CPU per app (SQLite rebuilds
/// tables for several of them), a copy a few milliseconds. The copy is what the app's own start
/// would have produced, so the app still runs its migrator and finds nothing pending. The
/// migration tests keep starting from empty databases, so the migrations themselves stay tested.
/// </summary>
internal static class MigratedTemplates
{
    public const string SqliteFileName = "gvcmatch.db";

    private static readonly Lazy<string> SqliteTemplate = new(CreateSqliteTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Puts a migrated SQLite database where the app looks for it in <paramref name="dataFolder"/>, unless one is there.</summary>
    public static void CopySqliteInto(string dataFolder)
    {
        var target = Path.Combine(dataFolder, SqliteFileName);
        if (File.Exists(target)) return;
        Directory.CreateDirectory(dataFolder);
        File.Copy(SqliteTemplate.Value, target);
    }

    /// <summary>Creates <paramref name="name"/> as a copy of the migrated template, once that is ready.</summary>
    public static async Task CreatePostgresCopyAsync(NpgsqlConnection admin, string name, Task<string> template)
    {
        var source = await template;
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{source}\"", admin);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Migrates a new database named <paramref name="name"/> once; no connection to it stays open (a template must have none).</summary>
    public static async Task<string> CreatePostgresTemplateAsync(string adminConnectionString, string name)
    {
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        // A server named by GVCMATCH_TEST_POSTGRES outlives the run: the template goes when the process does.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropQuietly(adminConnectionString, name);
        var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options;
        await using (var db = new PostgresAppDbContext(options)) await db.Database.MigrateAsync();
        return name;
    }

    private static void DropQuietly(string adminConnectionString, string name)
    {
        try
        {
            using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false, Timeout = 5 }.ConnectionString);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The throwaway cluster may already be stopped (its folder goes with it).
        }
    }

    private static string CreateSqliteTemplate()
    {
        var folder = Directory.CreateTempSubdirectory("gvcmatch-template-").FullName;
        var file = Path.Combine(folder, SqliteFileName);
        // No pooling: the file is closed when the context is, so copies never see a half-written page.
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options;
        using (var db = new SqliteAppDbContext(options)) db.Database.Migrate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => GvcMatchApp.DeleteFolder(folder);
        return file;
    }
}
