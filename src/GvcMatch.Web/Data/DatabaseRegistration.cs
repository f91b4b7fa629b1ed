using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Data;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> backed by the configured provider. The provider is
    /// configuration, not a code fork: both derived contexts share one model.
    /// </summary>
    public static IHostApplicationBuilder AddAppDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Validate(o => o.Provider == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is Postgres.")
            .ValidateOnStart();
        builder.Services.AddOptions<DataFolderOptions>()
            .BindConfiguration(DataFolderOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddSingleton<SqliteWriteGate>();
        // The context stamps outbox rows with the clock and wakes this instance's indexer.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<Features.Search.OutboxSignal>();
        if (options.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContext<AppDbContext, PostgresAppDbContext>(o =>
                o.UseNpgsql(options.ConnectionString));
        }
        else
        {
            builder.Services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) =>
                o.UseSqlite(SqliteConnectionString(options, sp)).AddInterceptors(SqliteTuningInterceptor));
        }
        return builder;
    }

    private static readonly SqliteTuning SqliteTuningInterceptor = new();

    private static string SqliteConnectionString(DatabaseOptions options, IServiceProvider services)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString)) return options.ConnectionString;
        var env = services.GetRequiredService<IHostEnvironment>();
        var folder = services.GetRequiredService<IOptions<DataFolderOptions>>().Value.Resolve(env.ContentRootPath);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "gvcmatch.db")}";
    }
}
