using GvcMatch.Web.Data;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.Logging;

namespace GvcMatch.Web.Tests.Migrations;

/// <summary>A SQLite database from before exact decimals keeps its amounts: the REAL values become exact ten-thousandths.</summary>
public sealed class ExactDecimalMigrationTests
{
    private const string Migration = "SqliteExactDecimals";

    [Fact]
    public async Task Amounts_stored_as_real_read_back_exactly_after_the_migration()
    {
        var folder = Directory.CreateTempSubdirectory("gvcmatch-migrate-").FullName;
        try
        {
            var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
                .UseSqlite($"Data Source={Path.Combine(folder, "old.db")};Pooling=False").Options;
            await using var db = new SqliteAppDbContext(options);
            var all = db.Database.GetMigrations().ToList();
            var before = all[all.FindIndex(m => m.EndsWith("_" + Migration, StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);

            // As the old model wrote them: doubles in REAL columns.
            var lot = 0;
            foreach (var value in new[] { "0.1 + 0.2", "1234.5678", "123456789012.3456", "NULL" })
            {
                lot++;
                var insert = $"""
                    INSERT INTO "OutcomeRecords" ("RequirementId", "BuyerOrganizationId", "LotNumber", "Cancelled", "WinnerIsSme",
                        "SmeMemberCount", "Value", "Currency", "BidCount", "PublishedAt", "DecidedAt", "DaysToDecision")
                    VALUES (1, 1, {lot}, 0, 0, 0, {value}, 'EUR', 1, 0, 0, 1.5)
                    """;
                await db.Database.ExecuteSqlRawAsync(insert);
            }
            await db.Database.MigrateAsync();

            var values = await db.OutcomeRecords.OrderBy(o => o.Id).Select(o => o.Value).ToListAsync();
            Assert.Equal(new decimal?[] { 0.3m, 1234.5678m, 123_456_789_012.3456m, null }, values);
            Assert.Equal(123_456_789_012.3456m + 1234.5678m + 0.3m, await db.OutcomeRecords.SumAsync(o => o.Value));
        }
        finally
        {
            GvcMatchApp.DeleteFolder(folder);
        }
    }

    /// <summary>Keeps the quieted EF warning honest: the only statements that leave the transaction are EF's own rebuild PRAGMAs.</summary>
    [Fact]
    public void No_sqlite_migration_takes_a_statement_out_of_its_transaction_itself()
    {
        using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);
        var migrations = db.GetService<IMigrationsAssembly>().Migrations.Values
            .Select(type => (Migration)Activator.CreateInstance(type.AsType())!).ToList();
        Assert.NotEmpty(migrations);
        Assert.All(migrations, m => Assert.DoesNotContain(m.UpOperations.Concat(m.DownOperations), o => o is SqlOperation { SuppressTransaction: true }));
    }

    [Fact]
    public async Task The_migration_runs_without_warnings()
    {
        var folder = Directory.CreateTempSubdirectory("gvcmatch-migrate-").FullName;
        var sink = new LogSink();
        try
        {
            using var logging = LoggerFactory.Create(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Information));
            var options = new DbContextOptionsBuilder<SqliteAppDbContext>()
                .UseSqlite($"Data Source={Path.Combine(folder, "warnings.db")};Pooling=False").UseLoggerFactory(logging).Options;
            await using var db = new SqliteAppDbContext(options);
            var migrator = db.GetService<IMigrator>();
            var all = db.Database.GetMigrations().ToList();
            var index = all.FindIndex(m => m.EndsWith("_" + Migration, StringComparison.Ordinal));
            await migrator.MigrateAsync(all[index - 1]);
            sink.Entries.Clear();

            await migrator.MigrateAsync(all[index]);

            Assert.Contains(sink.Entries, e => e.Message.Contains(Migration, StringComparison.Ordinal));
            Assert.Empty(sink.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => $"{e.Category} {e.Level}: {e.Message}"));
        }
        finally
        {
            GvcMatchApp.DeleteFolder(folder);
        }
    }
}
