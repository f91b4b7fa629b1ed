using System.Text.Json;
using System.Text.Json.Serialization;

namespace GvcMatch.Web.Features.Operations;

/// <summary>
/// <c>manifest.json</c>, written last into a backup folder: its presence marks a complete backup,
/// and its sizes, hashes and row counts let <c>restore</c> prove the copy is the one that was made.
/// </summary>
public sealed record BackupManifest(
    int Format, string AppVersion, DateTimeOffset CreatedAt, BackedUpDatabase Database, IReadOnlyList<BackedUpFile> Files, string Index)
{
    public const int CurrentFormat = 1;
    public const string FileName = "manifest.json";

    /// <summary>What the manifest says about the search index: it is not copied, restore rebuilds it.</summary>
    public const string IndexRebuiltOnRestore = "rebuilt-on-restore";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads and checks a manifest; the error says what is wrong in words an operator can act on.</summary>
    public static (BackupManifest? Manifest, string? Error) Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return (null, $"{path} does not exist: this is not a GvcMatch backup folder, or the backup did not finish.");
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            return (null, $"{path} is corrupt: {ex.Message}");
        }
        if (manifest is null) return (null, $"{path} is corrupt: it holds no manifest.");
        if (manifest.Format != CurrentFormat) return (null, $"{path} has format {manifest.Format}; this version reads format {CurrentFormat}.");
        if (manifest.Files.FirstOrDefault(f => !BackupFiles.IsSafeRelativePath(f.Path)) is { } unsafeFile)
            return (null, $"{path} is corrupt: the file path '{unsafeFile.Path}' leaves the backup folder.");
        if (!BackupFiles.IsSafeRelativePath(manifest.Database.File))
            return (null, $"{path} is corrupt: the database path '{manifest.Database.File}' leaves the backup folder.");
        return (manifest, null);
    }
}

/// <param name="Counts">Rows per table, read from the copy itself.</param>
/// <param name="LastMigration">The newest migration applied to the copy; a restore by an older app version refuses it.</param>
public sealed record BackedUpDatabase(string File, long Bytes, string Sha256, string? LastMigration, IReadOnlyDictionary<string, long> Counts);

/// <param name="Path">Relative to the data folder, with '/' separators.</param>
public sealed record BackedUpFile(string Path, long Bytes, string Sha256);
