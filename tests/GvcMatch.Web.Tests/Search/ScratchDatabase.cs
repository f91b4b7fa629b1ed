using GvcMatch.Web.Data;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Search;

/// <summary>
/// A database and data folder of a test's own, on the provider of its class fixture or the one
/// given, for tests that start and stop apps themselves or need their own settings (two apps
/// must never open one Lucene index at once).
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private ScratchDatabase(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public static Task<ScratchDatabase> LikeAsync(GvcMatchApp fixture) => CreateAsync(fixture.Database.Provider);

    public static async Task<ScratchDatabase> CreateAsync(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ? new(TestDatabase.Postgres(await (await PostgresServer.GetAsync()).CreateMigratedDatabaseAsync()))
        : new(TestDatabase.Sqlite());

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        GvcMatchApp.DeleteFolder(Database.DataFolder);
        if (Database.ConnectionString is { } connection)
            await (await PostgresServer.GetAsync()).DropDatabaseAsync(connection);
    }
}
