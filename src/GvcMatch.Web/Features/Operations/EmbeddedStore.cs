using GvcMatch.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Operations;

/// <summary>Where the embedded mode keeps its state: the data folder and the SQLite file (normally inside it).</summary>
public sealed record EmbeddedStore(string DataFolder, string DatabaseFile)
{
    public const string NotEmbedded =
        "backup and restore are for the embedded mode (Database:Provider=Sqlite). With PostgreSQL use pg_dump / pg_restore and run `reindex` afterwards.";

    /// <summary>The paths as the app resolves them, without opening the database; null when the app runs on PostgreSQL.</summary>
    public static EmbeddedStore? Resolve(IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider != DatabaseProvider.Sqlite) return null;
        var env = services.GetRequiredService<IHostEnvironment>();
        var folder = services.GetRequiredService<IOptions<DataFolderOptions>>().Value.Resolve(env.ContentRootPath);
        using var scope = services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString();
        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(connection).DataSource);
        return new EmbeddedStore(folder, file);
    }
}
