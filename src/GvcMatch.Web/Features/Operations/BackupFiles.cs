using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace GvcMatch.Web.Features.Operations;

/// <summary>The file work that backup and restore share: what to copy, copying with a hash, and counting rows.</summary>
public static class BackupFiles
{
    /// <summary>
    /// The data folder's files other than the database and the search index: attachments, bid
    /// documents, group certificates, the mail log. The index is derived from the database and
    /// rebuilt on restore; the models folder holds only what the app derives from the model it ships
    /// (the int8 rewrite, about 59 MB) and makes again on start; the database is copied through
    /// SQLite's backup API, never as a file.
    /// </summary>
    public static List<string> DataFiles(string dataFolder, string databaseFile, string? exclude)
    {
        if (!Directory.Exists(dataFolder)) return [];
        var index = Path.Combine(dataFolder, "index") + Path.DirectorySeparatorChar;
        var models = Path.Combine(dataFolder, "models") + Path.DirectorySeparatorChar;
        var skip = exclude is null ? null : Path.GetFullPath(exclude).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(dataFolder, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(index, StringComparison.Ordinal) && !f.StartsWith(models, StringComparison.Ordinal))
            .Where(f => skip is null || !f.StartsWith(skip, StringComparison.Ordinal))
            .Where(f => !IsDatabaseFile(f, databaseFile))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsDatabaseFile(string file, string databaseFile) =>
        file == databaseFile || (file.StartsWith(databaseFile, StringComparison.Ordinal) && file[databaseFile.Length..] is "-wal" or "-shm" or "-journal");

    /// <summary>Copies a file and returns its size and SHA-256, read from the bytes that were written.</summary>
    public static async Task<(long Bytes, string Sha256)> CopyAsync(string from, string to, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        await using var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        await using var target = new FileStream(to, FileMode.CreateNew, FileAccess.Write);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long bytes = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
            bytes += read;
        }
        return (bytes, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public static async Task<(long Bytes, string Sha256)> HashAsync(string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(file);
        return (stream.Length, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct)));
    }

    /// <summary>Rows per table and the newest applied migration of a SQLite file, read over a connection of its own.</summary>
    public static (Dictionary<string, long> Counts, string? LastMigration) Inspect(string databaseFile)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"")}\"";
            counts[table] = (long)count.ExecuteScalar()!;
        }
        string? last = null;
        if (tables.Contains("__EFMigrationsHistory"))
        {
            using var migration = connection.CreateCommand();
            migration.CommandText = "SELECT MigrationId FROM \"__EFMigrationsHistory\" ORDER BY MigrationId DESC LIMIT 1";
            last = migration.ExecuteScalar() as string;
        }
        return (counts, last);
    }

    /// <summary>A manifest path must stay inside the folder it is read from: no rooted paths, no '..'.</summary>
    public static bool IsSafeRelativePath(string path) =>
        !string.IsNullOrWhiteSpace(path) && !Path.IsPathRooted(path) && !path.Contains('\\')
        && path.Split('/').All(part => part.Length > 0 && part != "." && part != "..");

    public static string Relative(string folder, string file) => Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');

    public static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / 1048576.0:0.0} MB" : $"{bytes / 1024.0:0.0} KB";
}
