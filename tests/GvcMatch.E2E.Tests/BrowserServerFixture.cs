using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.AI;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// The whole app on real Kestrel (a browser cannot talk to the in-memory test server), with
/// SQLite in a temp folder, and the system Chromium. Subclasses choose the data.
/// </summary>
public abstract class BrowserServerFixture : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "gvcmatch-e2e-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public IServiceProvider Services => _factory!.Services;

    /// <summary>The app's clock: real time plus an offset a test may move forward (past a deadline, say).</summary>
    public TestClock Clock { get; } = new();

    protected abstract bool SeedDemoData { get; }

    /// <summary>Runs once the server is up, before the browser starts.</summary>
    protected virtual Task PrepareAsync(IServiceProvider services) => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataFolder);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Data:Folder", _dataFolder);
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("Database:SeedDemoData", SeedDemoData ? "true" : "false");
            b.UseSetting("RateLimits:AuthPermitsPerMinute", "100000");
            b.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Warning");
            b.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                // The demo's 76 accounts are hashed at seeding and every browser sign-in verifies one:
                // one PBKDF2 iteration keeps the same code and hash format without the deliberate cost.
                services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
                // Each server embeds the same demo texts: the model is asked once per test process for each.
                services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(EmbeddingMemo.Shared);
            });
        });
        // An explicit loopback listener on port 0: the kernel picks a free port, so the fixture never
        // depends on (or collides over) the default port 5000 that another server may hold.
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        await PrepareAsync(_factory.Services);

        // xunit builds class fixtures even when every test is skipped; do not fail on the missing browser then.
        if (BrowserFactAttribute.SkipReason is not null) return;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataFolder, recursive: true); }
        catch (IOException) { /* a file still held open is removed with the temp folder later; the test result stands */ }
    }
}

/// <summary>The demo data set (README's demo accounts) on a fresh database.</summary>
public sealed class DemoServerFixture : BrowserServerFixture
{
    public const string DemoPassword = "Demo!2345";
    public const string BuyerEmail = "katrin@rheinfeld-automobil.example";
    public const string SupplierEmail = "aiko@kawaguchi-precision.example";

    protected override bool SeedDemoData => true;
}
