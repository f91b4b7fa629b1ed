using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Operations;

/// <summary>
/// <c>restore --from FOLDER [--force]</c>: checks the backup against its manifest, copies it into
/// the configured data folder, checks the restored database's row counts, brings its schema up to
/// this version and rebuilds the search index. Run it with the app stopped: it replaces the files
/// a running app holds open.
/// </summary>
public static class RestoreCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string? from, bool force, TextWriter output, TextWriter errors, bool interactive, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(from))
        {
            errors.WriteLine("Usage: restore --from FOLDER [--force]");
            return 2;
        }
        if (EmbeddedStore.Resolve(services) is not { } store)
        {
            errors.WriteLine(EmbeddedStore.NotEmbedded);
            return 2;
        }
        var source = Path.GetFullPath(from);
        var (manifest, error) = BackupManifest.Read(source);
        if (manifest is null)
        {
            errors.WriteLine($"Restore refused: {error}");
            return 2;
        }
        if (await VerifyAsync(source, manifest, services, ct) is { Count: > 0 } problems)
        {
            errors.WriteLine($"Restore refused: the backup in {source} does not match its manifest:");
            foreach (var problem in problems) errors.WriteLine($"  {problem}");
            return 2;
        }

        var occupied = Directory.Exists(store.DataFolder) && Directory.EnumerateFileSystemEntries(store.DataFolder).Any();
        if ((occupied || File.Exists(store.DatabaseFile)) && !force)
        {
            errors.WriteLine($"Restore refused: {store.DataFolder} is not empty. Restore into an empty data folder, or add --force to replace what is there.");
            return 2;
        }
        if (force && !SafeToClear(store.DataFolder, services))
        {
            errors.WriteLine($"Restore refused: {store.DataFolder} is the app's own folder; --force would delete the app. Set Data:Folder to a folder of its own.");
            return 2;
        }
        if (force) Clear(store);

        output.WriteLine($"Restoring the backup of {manifest.CreatedAt:u} (app {manifest.AppVersion}) into {store.DataFolder} ...");
        Directory.CreateDirectory(Path.GetDirectoryName(store.DatabaseFile)!);
        await BackupFiles.CopyAsync(Path.Combine(source, manifest.Database.File), store.DatabaseFile, ct);
        var bar = new ConsoleProgress(output, interactive);
        var copied = 0;
        foreach (var file in manifest.Files)
        {
            await BackupFiles.CopyAsync(Path.Combine(source, "files", file.Path), Path.Combine(store.DataFolder, file.Path), ct);
            bar.Report(++copied, manifest.Files.Count);
        }

        var (counts, _) = BackupFiles.Inspect(store.DatabaseFile);
        var differing = manifest.Database.Counts.Where(c => counts.GetValueOrDefault(c.Key, -1) != c.Value).Select(c => c.Key).ToList();
        if (differing.Count > 0)
        {
            errors.WriteLine($"Restore failed: the restored database's row counts differ from the manifest in {string.Join(", ", differing)}.");
            return 1;
        }
        output.WriteLine($"Database: {counts.Values.Sum()} rows in {counts.Count} tables, as in the manifest; {manifest.Files.Count} file(s) restored.");

        await DatabaseStartup.MigrateAsync(services, ct);
        output.WriteLine("Search index: rebuilding from the restored database.");
        var code = await ReindexCommand.RunAsync(services, ct);
        if (code == 0) output.WriteLine("Restore complete; start the app as usual.");
        return code;
    }

    /// <summary>Every file the manifest names is there with its size and hash; the database's schema is one this version knows.</summary>
    private static async Task<List<string>> VerifyAsync(string source, BackupManifest manifest, IServiceProvider services, CancellationToken ct)
    {
        var problems = new List<string>();
        var expected = manifest.Files.Select(f => (Name: Path.Combine("files", f.Path), f.Bytes, f.Sha256))
            .Prepend((Name: manifest.Database.File, manifest.Database.Bytes, manifest.Database.Sha256));
        foreach (var (name, bytes, sha256) in expected)
        {
            var path = Path.Combine(source, name);
            if (!File.Exists(path))
            {
                problems.Add($"{name} is missing.");
                continue;
            }
            var actual = await BackupFiles.HashAsync(path, ct);
            if (actual.Bytes != bytes || !string.Equals(actual.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
                problems.Add($"{name} has changed since the backup ({actual.Bytes} bytes, expected {bytes}).");
        }
        if (manifest.Database.LastMigration is { } last)
        {
            using var scope = services.CreateScope();
            if (!scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetMigrations().Contains(last))
                problems.Add($"The database has migration {last}, which this version of the app does not know: restore it with the version that made it ({manifest.AppVersion}) or newer.");
        }
        return problems;
    }

    private static bool SafeToClear(string folder, IServiceProvider services)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var own = new[] { services.GetRequiredService<IHostEnvironment>().ContentRootPath, AppContext.BaseDirectory, Environment.CurrentDirectory }
            .Select(p => Path.TrimEndingDirectorySeparator(Path.GetFullPath(p)));
        return !own.Any(p => p == full || p.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    /// <summary>--force: the data folder's content and the database files go, so the result is exactly the backup.</summary>
    private static void Clear(EmbeddedStore store)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            File.Delete(store.DatabaseFile + suffix);
        if (!Directory.Exists(store.DataFolder)) return;
        foreach (var directory in Directory.EnumerateDirectories(store.DataFolder)) Directory.Delete(directory, recursive: true);
        foreach (var file in Directory.EnumerateFiles(store.DataFolder)) File.Delete(file);
    }
}
