using GvcMatch.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace GvcMatch.Benchmarks.Infrastructure;

/// <summary>
/// The application's own service container over a data folder, built but not started: the
/// benchmarks use its DbContext, migrations, registration and rebuild exactly as the app does,
/// without hosted services (indexer, notifier) running alongside.
/// </summary>
public static class AppHost
{
    public static WebApplication Build(string dataFolder, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Repo.WebProject,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Folder"] = Path.GetFullPath(dataFolder),
            ["Seeds:Folder"] = Repo.SeedsFolder,
            ["Database:SeedDemoData"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // Production requires the site's address for links in emails; the benchmarks send none.
            ["Email:LinkBaseUrl"] = "http://127.0.0.1",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddGvcMatch();
        return builder.Build();
    }
}
