namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>A class fixture: the app on SQLite in a fresh temp data folder.</summary>
public sealed class SqliteApp() : GvcMatchApp(TestDatabase.Sqlite()), IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override Task OnDisposedAsync()
    {
        DeleteFolder(Database.DataFolder);
        return Task.CompletedTask;
    }
}

/// <summary>
/// A class fixture: the app on a database of its own in the shared PostgreSQL server. When no
/// server can be had the tests are skipped (see <see cref="DatabaseFactAttribute"/>) and this
/// fixture stays idle; when services are required, the missing server fails every test.
/// </summary>
public sealed class PostgresApp() : GvcMatchApp(TestDatabase.Postgres(connectionString: "")), IAsyncLifetime
{
    async Task IAsyncLifetime.InitializeAsync()
    {
        if (!RequiredServices.Required && PostgresServer.UnavailableReason is not null) return;
        var server = await PostgresServer.GetAsync();
        Database = Database with { ConnectionString = await server.CreateDatabaseAsync() };
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override async Task OnDisposedAsync()
    {
        DeleteFolder(Database.DataFolder);
        if (!string.IsNullOrEmpty(Database.ConnectionString))
            await (await PostgresServer.GetAsync()).DropDatabaseAsync(Database.ConnectionString);
    }
}
