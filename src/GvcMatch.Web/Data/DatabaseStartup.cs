using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Data;

public static class DatabaseStartup
{
    /// <summary>Applies migrations (unless switched off) and loads the demo data into an empty database.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using (var scope = app.Services.CreateAsyncScope())
            await SqliteTuning.EnableWalAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), CancellationToken.None);
        if (options.MigrateOnStartup)
        {
            await MigrateAsync(app.Services);
        }
        if (options.SeedDemoData)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var seeder = scope.ServiceProvider.GetRequiredService<Features.Import.DemoSeeder>();
            await seeder.SeedIfEmptyAsync(CancellationToken.None);
        }
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("GvcMatch.Database");
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }
        await db.Database.MigrateAsync(ct);
    }
}
