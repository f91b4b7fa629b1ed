using GvcMatch.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>Where an app under test keeps its data: a SQLite file in a data folder, or a PostgreSQL database.</summary>
public sealed record TestDatabase(DatabaseProvider Provider, string DataFolder, string? ConnectionString)
{
    public static TestDatabase Sqlite() => new(DatabaseProvider.Sqlite, Directory.CreateTempSubdirectory("gvcmatch-test-").FullName, null);

    public static TestDatabase Postgres(string connectionString) =>
        new(DatabaseProvider.Postgres, Directory.CreateTempSubdirectory("gvcmatch-test-").FullName, connectionString);
}

/// <summary>
/// The real app on a real database. Settings go in through <c>UseSetting</c>, which the app sees
/// before appsettings.json is read and which wins over it.
/// </summary>
public class GvcMatchApp(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private int _disposed;

    public TestDatabase Database { get; protected set; } = database;

    /// <summary>The app's TimeProvider; tests move it forward to reach validity dates and expiry.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>
    /// A clock that stands still until the test moves it (set before the app starts). When set, the
    /// app uses it instead of <see cref="Clock"/>: for tests that need exact instants and timestamps
    /// (rate limits refilling, the second a change falls in) rather than real time plus an offset.
    /// </summary>
    public FakeTimeProvider? FakeClock { get; init; }

    /// <summary>The TimeProvider the app runs on: <see cref="FakeClock"/> when set, else <see cref="Clock"/>.</summary>
    public TimeProvider Time => FakeClock ?? (TimeProvider)Clock;

    /// <summary>A fake clock that starts at the current second (tokens, keys and cookies stay valid), standing still.</summary>
    public static FakeTimeProvider NewFakeClock()
    {
        var now = DateTimeOffset.UtcNow;
        return new FakeTimeProvider(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (StartsOnMigratedCopy()) MigratedTemplates.CopySqliteInto(Database.DataFolder);
        builder.UseSetting("Data:Folder", Database.DataFolder);
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        if (Database.ConnectionString is not null) builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Database:SeedDemoData", "false");
        builder.UseSetting("RateLimits:AuthPermitsPerMinute", "100000");
        // Tests send as fast as the machine allows; the per-person send budget has its own tests.
        builder.UseSetting("Messaging:SendsPerMinutePerUser", "1000000");
        builder.UseSetting("Messaging:SendBurstPerUser", "1000000");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        // Tests that run as Production need no key-encryption certificate; the key-encryption tests set one.
        builder.UseSetting("DataProtection:AllowUnencryptedKeys", "true");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            // A fake clock reaches the app through a wrapper that fires its timers off the test's thread.
            services.AddSingleton<TimeProvider>(FakeClock is null ? Clock : new QueuedTimerClock(FakeClock));
            // The model of the precision the settings name (the app's default, int8, when they name none).
            services.AddSingleton<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>(EmbeddingMemo.For(TestModel.PrecisionOf(settings)));
            services.AddScoped<IPasswordHasher<AppUser>, PasswordHashCount>();
            TestSignIn.Register(services);
        });
    }

    /// <summary>
    /// A SQLite app on a data folder of its own starts from a copy of the migrated template (see
    /// <see cref="MigratedTemplates"/>); one whose settings name its own database is left alone.
    /// </summary>
    private bool StartsOnMigratedCopy() =>
        Database is { Provider: DatabaseProvider.Sqlite, ConnectionString: null }
        && settings?.Keys.Any(k => k.StartsWith("Database:", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Data:", StringComparison.OrdinalIgnoreCase)) != true;

    /// <summary>Runs <paramref name="work"/> with a DbContext of its own scope, as a handler would get it.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task WithDbAsync(Func<AppDbContext, Task> work) => WithDbAsync(async db => { await work(db); return 0; });

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await base.DisposeAsync();
        // SQLite keeps pooled connections (and so the file) open until the pool is cleared.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await OnDisposedAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes what this app owns once it has stopped; an app sharing another's database owns nothing.</summary>
    protected virtual Task OnDisposedAsync() => Task.CompletedTask;

    internal static void DeleteFolder(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
