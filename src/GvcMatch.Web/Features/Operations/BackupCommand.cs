using System.Diagnostics;
using System.Reflection;
using GvcMatch.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace GvcMatch.Web.Features.Operations;

/// <summary>
/// <c>backup --out FOLDER</c>: a consistent copy of the embedded mode's state, safe while the app
/// keeps writing. The database goes through SQLite's online backup API in one step, which reads
/// one snapshot (with the write-ahead log, writers carry on meanwhile); then the data folder's
/// files; then the manifest. The search index is not copied: it is derived from the database, a
/// copy taken while the indexer commits may be torn, and a copy ahead of the database snapshot
/// would record an outbox checkpoint the restored database has not reached, so later changes
/// would be skipped. Restore rebuilds it instead.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string? outFolder, TextWriter output, TextWriter errors, bool interactive, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(outFolder))
        {
            errors.WriteLine("Usage: backup --out FOLDER");
            return 2;
        }
        if (EmbeddedStore.Resolve(services) is not { } store)
        {
            errors.WriteLine(EmbeddedStore.NotEmbedded);
            return 2;
        }
        var target = Path.GetFullPath(outFolder);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            errors.WriteLine($"{target} is not empty; back up into a new or empty folder.");
            return 2;
        }
        if (!File.Exists(store.DatabaseFile))
        {
            errors.WriteLine($"There is no database at {store.DatabaseFile} to back up.");
            return 2;
        }
        Directory.CreateDirectory(target);
        var clock = Stopwatch.StartNew();
        var createdAt = DateTimeOffset.UtcNow;

        output.WriteLine($"Database: copying {store.DatabaseFile} ...");
        var databaseCopy = Path.Combine(target, Path.GetFileName(store.DatabaseFile));
        await Task.Run(() => CopyDatabase(store.DatabaseFile, databaseCopy), ct);
        var (counts, lastMigration) = BackupFiles.Inspect(databaseCopy);
        var (dbBytes, dbHash) = await BackupFiles.HashAsync(databaseCopy, ct);
        output.WriteLine($"Database: {BackupFiles.Size(dbBytes)}, {counts.Values.Sum()} rows in {counts.Count} tables ({clock.Elapsed.TotalSeconds:0.0} s).");

        var sources = BackupFiles.DataFiles(store.DataFolder, store.DatabaseFile, exclude: target);
        output.WriteLine($"Files: copying {sources.Count} file(s) from {store.DataFolder} ...");
        var bar = new ConsoleProgress(output, interactive);
        var files = new List<BackedUpFile>();
        foreach (var source in sources)
        {
            var relative = BackupFiles.Relative(store.DataFolder, source);
            try
            {
                var (bytes, hash) = await BackupFiles.CopyAsync(source, Path.Combine(target, "files", relative), ct);
                files.Add(new BackedUpFile(relative, bytes, hash));
            }
            catch (FileNotFoundException)
            {
                // Deleted by the app since it was listed; the database snapshot predates the delete.
            }
            bar.Report(files.Count, sources.Count);
        }

        var manifest = new BackupManifest(BackupManifest.CurrentFormat, AppVersion(), createdAt,
            new BackedUpDatabase(Path.GetFileName(databaseCopy), dbBytes, dbHash, lastMigration, counts),
            files, BackupManifest.IndexRebuiltOnRestore);
        await File.WriteAllTextAsync(Path.Combine(target, BackupManifest.FileName), manifest.ToJson(), ct);
        output.WriteLine($"Backup written to {target} in {clock.Elapsed.TotalSeconds:0.0} s: database, {files.Count} file(s), {BackupManifest.FileName}.");
        output.WriteLine("The search index is rebuilt from the database by `restore`.");
        return 0;
    }

    /// <summary>
    /// All pages in one backup step: a stepwise copy restarts whenever another connection writes,
    /// and so might never finish under steady writes. The copy is then checked.
    /// </summary>
    private static void CopyDatabase(string from, string to)
    {
        // Read-write, though only read: a read-only connection cannot open a WAL file whose -shm is missing (app stopped).
        using (var source = Open(from, SqliteOpenMode.ReadWrite))
        using (var destination = Open(to, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(destination);
            using var check = destination.CreateCommand();
            check.CommandText = "PRAGMA quick_check";
            if (check.ExecuteScalar() as string is not "ok") throw new InvalidOperationException($"The copy at {to} failed SQLite's quick_check.");
            // One self-contained file: no -wal beside it.
            check.CommandText = "PRAGMA journal_mode=DELETE";
            check.ExecuteNonQuery();
        }
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static string AppVersion() =>
        typeof(BackupCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
