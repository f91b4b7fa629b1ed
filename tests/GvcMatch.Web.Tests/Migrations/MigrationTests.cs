using GvcMatch.Web.Data;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace GvcMatch.Web.Tests.Migrations;

/// <summary>Each provider keeps its own migration set; both must match the model and apply to an empty database.</summary>
public abstract class MigrationTests
{
    /// <summary>A context on a new, empty database, and how to remove that database afterwards.</summary>
    protected abstract Task<(AppDbContext Db, Func<Task> Cleanup)> CreateEmptyDatabaseAsync();

    /// <summary>SQL literals of this provider: a true boolean, a timestamp, an empty list column.</summary>
    protected abstract (string True, string False, string Now, string EmptyList) Sql { get; }

    [DatabaseFact]
    public async Task CertificatesRecordedBeforeEvidenceLevelsKeepWhatTheirVerifiedFlagSaid()
    {
        var (db, cleanup) = await CreateEmptyDatabaseAsync();
        try
        {
            var all = db.Database.GetMigrations().ToList();
            var target = all.FindIndex(m => m.EndsWith("_CertificateScopesEvidenceAndNameMappings", StringComparison.Ordinal));
            var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            await migrator.MigrateAsync(all[target - 1]);
            var (yes, no, now, empty) = Sql;
            // Test literals only (no input), written per provider; built apart from the call as the analyser asks.
            var statements = new List<string>();
            statements.Add(
                $"INSERT INTO \"Organizations\" (\"Key\", \"Kind\", \"Name\", \"Country\", \"SizeBand\", \"Verified\", \"CreatedAt\", \"UpdatedAt\") " +
                $"VALUES ('sme-old', 'Sme', 'Old SME', 'DE', 'Small', {no}, {now}, {now})");
            statements.Add(
                "INSERT INTO \"Profiles\" (\"OrganizationId\", \"Summary\", \"Status\", \"UpdatedAt\", \"Capabilities\", \"Materials\", \"Equipment\", " +
                "\"IsicCodes\", \"HsCodes\", \"ExportMarkets\", \"Languages\") " +
                $"SELECT \"Id\", 'Old', 'Published', {now}, {empty}, {empty}, {empty}, {empty}, {empty}, {empty}, {empty} FROM \"Organizations\" WHERE \"Key\" = 'sme-old'");
            statements.Add(
                "INSERT INTO \"Certifications\" (\"ProfileId\", \"Standard\", \"Verified\") " +
                $"SELECT \"Id\", 'ISO 9001', {yes} FROM \"Profiles\" UNION ALL SELECT \"Id\", 'ISO 14001', {no} FROM \"Profiles\"");

            foreach (var sql in statements) await db.Database.ExecuteSqlRawAsync(sql);

            await db.Database.MigrateAsync();

            var certificates = await db.Certifications.AsNoTracking().OrderBy(c => c.Standard).ToListAsync();
            Assert.Equal(["ISO 14001", "ISO 9001"], certificates.Select(c => c.Standard));
            Assert.Equal(GvcMatch.Matching.Certifications.EvidenceLevel.SelfDeclared, certificates[0].Evidence);
            Assert.Equal(GvcMatch.Matching.Certifications.EvidenceLevel.VerifiedByIntermediary, certificates[1].Evidence);
            Assert.All(certificates, c => Assert.Null(c.Scope));
        }
        finally
        {
            await db.DisposeAsync();
            await cleanup();
        }
    }

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
    protected override (string True, string False, string Now, string EmptyList) Sql => ("1", "0", "0", "'[]'");

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
    protected override (string True, string False, string Now, string EmptyList) Sql => ("true", "false", "now()", "ARRAY[]::text[]");

    protected override async Task<(AppDbContext Db, Func<Task> Cleanup)> CreateEmptyDatabaseAsync()
    {
        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options;
        return (new PostgresAppDbContext(options), () => server.DropDatabaseAsync(connectionString));
    }
}
