namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>A class fixture: the app on SQLite in a fresh temp data folder.</summary>
public class SqliteApp : GvcMatchApp, IAsyncLifetime
{
    public SqliteApp() : this(null) { }

    /// <summary>For fixtures that run the app with settings of their own.</summary>
    protected SqliteApp(IReadOnlyDictionary<string, string>? settings) : base(TestDatabase.Sqlite(), settings) { }

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
public class PostgresApp : GvcMatchApp, IAsyncLifetime
{
    public PostgresApp() : this(null) { }

    /// <summary>For fixtures that run the app with settings of their own.</summary>
    protected PostgresApp(IReadOnlyDictionary<string, string>? settings) : base(TestDatabase.Postgres(connectionString: ""), settings) { }

    async Task IAsyncLifetime.InitializeAsync()
    {
        if (!RequiredServices.Required && PostgresServer.UnavailableReason is not null) return;
        var server = await PostgresServer.GetAsync();
        Database = Database with { ConnectionString = await server.CreateMigratedDatabaseAsync() };
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override async Task OnDisposedAsync()
    {
        DeleteFolder(Database.DataFolder);
        if (!string.IsNullOrEmpty(Database.ConnectionString))
            await (await PostgresServer.GetAsync()).DropDatabaseAsync(Database.ConnectionString);
    }
}

/// <summary>A class fixture: <see cref="SqliteApp"/> on a clock that stands still until a test moves it (<see cref="GvcMatchApp.FakeClock"/>).</summary>
public sealed class SqliteAppOnFakeClock : SqliteApp
{
    public SqliteAppOnFakeClock() => FakeClock = NewFakeClock();
}

/// <summary>A class fixture: <see cref="PostgresApp"/> on a clock that stands still until a test moves it.</summary>
public sealed class PostgresAppOnFakeClock : PostgresApp
{
    public PostgresAppOnFakeClock() => FakeClock = NewFakeClock();
}

/// <summary>
/// A second app instance on the same database as another, as when several instances run behind a
/// load balancer. It has a data folder of its own (the search index there cannot be shared) and
/// reaches the first one's database, SQLite file included, through its connection string.
/// </summary>
public sealed class SecondInstance(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null) : GvcMatchApp(database, settings)
{
    public static SecondInstance Of(GvcMatchApp first, IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("gvcmatch-test-").FullName;
        var connection = first.Database.ConnectionString;
        if (first.Database.Provider == Data.DatabaseProvider.Sqlite)
        {
            var file = Directory.GetFiles(first.Database.DataFolder, "*.db").Single();
            connection = $"Data Source={file}";
        }
        return new SecondInstance(first.Database with { DataFolder = folder, ConnectionString = connection }, settings);
    }

    protected override Task OnDisposedAsync()
    {
        DeleteFolder(Database.DataFolder);
        return Task.CompletedTask;
    }
}
