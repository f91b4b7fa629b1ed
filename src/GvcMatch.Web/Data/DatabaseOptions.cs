using System.ComponentModel.DataAnnotations;

namespace GvcMatch.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Bound from the "Database" section; validated at start-up.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Connection string. For SQLite it defaults to a file in the data folder; PostgreSQL needs
    /// one (e.g. <c>Host=db;Database=gvcmatch;Username=gvcmatch;Password=...</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the app starts. Turn off when a release job runs <c>migrate</c>.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Load the demo data on first start (only when the database has no organisations).</summary>
    public bool SeedDemoData { get; set; } = true;
}

/// <summary>Where the embedded mode keeps its state (SQLite file, and later the index and documents).</summary>
public sealed class DataFolderOptions
{
    public const string Section = "Data";

    [Required]
    public string Folder { get; set; } = "App_Data";

    public string Resolve(string contentRoot) => Path.GetFullPath(Folder, contentRoot);
}
