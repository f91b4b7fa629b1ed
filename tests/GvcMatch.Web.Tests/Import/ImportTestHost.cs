using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Import;
using GvcMatch.Web.Features.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Tests.Import;

/// <summary>
/// The import's services over a real SQLite file in a temp folder, with migrations applied and
/// the reference lists from the repository's seeds folder.
/// </summary>
public sealed class ImportTestHost : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gvcmatch-import-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    private ImportTestHost()
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<AppDbContext, SqliteAppDbContext>(o =>
            o.UseSqlite($"Data Source={Path.Combine(_folder, "test.db")};Pooling=False"));
        // The same account rules as the app (AuthRegistration), so demo passwords are checked as in production.
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<AppDbContext>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(new SeedsOptions { Folder = RepoPaths.Seeds }));
        services.AddSingleton(ReferenceData.Load(RepoPaths.Seeds));
        services.AddImport();
        // Certificate documents named in a file are stored under the host's own data folder.
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = _folder, EnvironmentName = "Development" });
        services.AddSingleton(Options.Create(new DataFolderOptions { Folder = _folder }));
        services.AddSingleton(Options.Create(new GvcMatch.Web.Features.Certificates.CertificateOptions()));
        services.AddSingleton<GvcMatch.Web.Features.Certificates.CertificateDocumentStore>();
        // The command line records its imports in the audit trail.
        services.AddAudit();
        _services = services.BuildServiceProvider(validateScopes: true);
    }

    public IServiceProvider Services => _services;

    /// <summary>Where the host's data (and so its stored documents) lives.</summary>
    public string Folder => _folder;

    public static async Task<ImportTestHost> StartAsync()
    {
        var host = new ImportTestHost();
        await using var scope = host._services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        return host;
    }

    /// <summary>Imports fixture files (by name) or any paths, in one run, in a fresh scope as the CLI does.</summary>
    public async Task<ImportReport> ImportAsync(params string[] files)
    {
        await using var scope = _services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<SeedImporter>();
        var read = files.Select(f => SeedImporter.ReadFile(Path.IsPathRooted(f) ? f : RepoPaths.Fixture(f))).ToList();
        return await importer.ImportAsync(read, ImportOrigin.Command);
    }

    public async Task SeedIfEmptyAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(CancellationToken.None);
    }

    /// <summary>Runs a query against a fresh context, so what it sees is what the database holds.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a file still open on a slow machine; the temp folder is cleaned eventually */ }
    }
}

public static class RepoPaths
{
    /// <summary>The folder holding GvcMatch.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Fixture(string name) => Path.Combine(Root, "tests", "GvcMatch.Web.Tests", "Import", "Fixtures", name);

    /// <summary>The 1-based line of the first line containing <paramref name="text"/> in a fixture.</summary>
    public static int LineOf(string fixture, string text)
    {
        var lines = File.ReadAllLines(Fixture(fixture));
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        if (index < 0) throw new InvalidOperationException($"'{text}' is not in {fixture}.");
        return index + 1;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GvcMatch.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("GvcMatch.sln was not found above " + AppContext.BaseDirectory);
    }
}
