using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GvcMatch.Web.Features.Awards;

/// <summary>
/// Recognises the save failures that mean "someone else got there first": a unique index
/// violation (SQLite constraint 2067, PostgreSQL 23505) or an optimistic concurrency miss. Those
/// become a 409; any other database error is a real fault and propagates.
/// </summary>
public static class DbConflicts
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool IsLostRace(DbUpdateException ex) => ex is DbUpdateConcurrencyException || IsUniqueViolation(ex);

    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
