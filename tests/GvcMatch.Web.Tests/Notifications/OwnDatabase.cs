using GvcMatch.Web.Data;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Notifications;

/// <summary>A database and data folder of a test's own, for tests that start apps with their own settings.</summary>
public sealed class OwnDatabase : IAsyncDisposable
{
    private OwnDatabase(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public static async Task<OwnDatabase> CreateAsync(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ? new(TestDatabase.Postgres(await (await PostgresServer.GetAsync()).CreateDatabaseAsync()))
        : new(TestDatabase.Sqlite());

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        GvcMatchApp.DeleteFolder(Database.DataFolder);
        if (Database.ConnectionString is { } connection)
            await (await PostgresServer.GetAsync()).DropDatabaseAsync(connection);
    }
}
