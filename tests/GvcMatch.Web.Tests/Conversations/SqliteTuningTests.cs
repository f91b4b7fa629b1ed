using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Conversations;

/// <summary>Hub sends, the indexer and page requests write at once: SQLite must run with the write-ahead log.</summary>
[Collection(SharedApps.SqliteA)]
public sealed class SqliteTuningTests(SqliteApp app)
{
    [Fact]
    public async Task The_sqlite_database_runs_in_wal_mode_with_normal_sync_on_every_connection()
    {
        _ = app.Server;
        var (mode, synchronous) = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA journal_mode;";
                var journal = (string?)await command.ExecuteScalarAsync();
                command.CommandText = "PRAGMA synchronous;";
                return (journal, Convert.ToInt64(await command.ExecuteScalarAsync()));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
        Assert.Equal("wal", mode);
        // 1 = NORMAL (the default, FULL, is 2).
        Assert.Equal(1L, synchronous);
    }
}
