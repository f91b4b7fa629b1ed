using GvcMatch.Web.Data;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Migrations;

/// <summary>Each provider keeps its own migration set; both must match the model and apply to an empty database.</summary>
public abstract class MigrationTests
{
    /// <summary>A context on a new, empty database, and how to remove that database afterwards.</summary>
    protected abstract Task<(AppDbContext Db, Func<Task> Cleanup)> CreateEmptyDatabaseAsync();

    [DatabaseFact]
    public async Task TheModelHasNoChangesMissingFromTheMigrations()
    {
        var (db, cleanup) = await CreateEmptyDatabaseAsync();
        try
        {
            Assert.False(db.Database.HasPendingModelChanges(),
                $"{db.GetType().Name} has model changes without a migration: run `dotnet ef migrations add` for this provider.");
        }
        finally
        {
            await db.DisposeAsync();
            await cleanup();
        }
    }

    [DatabaseFact]
    public async Task MigrationsApplyToAnEmptyDatabase()
    {
        var (db, cleanup) = await CreateEmptyDatabaseAsync();
        try
        {
            var all = db.Database.GetMigrations().ToList();
            Assert.NotEmpty(all);
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
            // The schema is usable: a query on every main table runs.
            Assert.Equal(0, await db.Organizations.CountAsync());
            Assert.Equal(0, await db.Requirements.CountAsync());
            Assert.Equal(0, await db.IpListings.CountAsync());
            Assert.Equal(0, await db.Profiles.CountAsync());
            Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
        }
        finally
        {
            await db.DisposeAsync();
            await cleanup();
        }
    }
}

public sealed class MigrationTestsOnSqlite : MigrationTests
{
    protected override Task<(AppDbContext Db, Func<Task> Cleanup)> CreateEmptyDatabaseAsync()
    {
        var folder = Directory.CreateTempSubdirectory("gvcmatch-migrate-").FullName;
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder, "empty.db")};Pooling=False").Options;
        return Task.FromResult<(AppDbContext, Func<Task>)>((new SqliteAppDbContext(options), () =>
        {
            GvcMatchApp.DeleteFolder(folder);
            return Task.CompletedTask;
        }));
    }
}

public sealed class MigrationTestsOnPostgres : MigrationTests, IUsesPostgres
{
    protected override async Task<(AppDbContext Db, Func<Task> Cleanup)> CreateEmptyDatabaseAsync()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options;
        return (new PostgresAppDbContext(options), () => server.DropDatabaseAsync(connectionString));
    }
}
