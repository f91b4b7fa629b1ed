using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GvcMatch.Web.Data;

/// <summary>
/// SQLite set up for several writers at once (hub sends, the indexer, page requests): the
/// write-ahead log lets readers run while one writes, and synchronous=NORMAL syncs at checkpoints
/// instead of on every commit (safe against corruption in WAL mode; a power cut can lose the
/// last commits, not the file). journal_mode is stored in the file, so it is set once at start;
/// synchronous is per connection, so an interceptor sets it on every open.
/// </summary>
public sealed class SqliteTuning : DbConnectionInterceptor
{
    public const string PerConnection = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        if (connection is not SqliteConnection) return;
        await using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection) return;
        using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        command.ExecuteNonQuery();
    }

    /// <summary>Switches the database file to WAL (a no-op when it already is); returns the mode in effect.</summary>
    public static async Task<string?> EnableWalAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return null;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            return (string?)await command.ExecuteScalarAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
