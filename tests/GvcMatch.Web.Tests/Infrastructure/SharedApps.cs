namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>
/// Test collections whose classes share one app (a collection fixture) instead of starting one
/// each: a test host costs about two seconds of CPU to start and warm up, more than most classes
/// spend on their tests. A class joins with <c>[Collection(SharedApps.SqliteA)]</c> in place of
/// <c>IClassFixture&lt;SqliteApp&gt;</c>; its constructor still takes the <see cref="SqliteApp"/>.
/// <para>
/// Only classes that isolate themselves belong here: they sign up organisations of their own, search
/// for unique words, and assert nothing about the database as a whole (counts, full lists, admin
/// lists), never move the clock (nor call helpers that do, such as <c>AwardKit.PassDeadline</c>),
/// change no settings and exhaust no rate limit. Classes of one
/// collection run one after another, so a class sees what earlier classes left, never their work
/// in progress. Two collections per provider let both cores work while the rest of the suite keeps
/// one app per class.
/// </para>
/// <para>
/// A class must also not read lists that rank or page over the whole database (recommended
/// requirements, matches, public lists): what other classes publish there can crowd its own rows out.
/// The C collections hold the classes moved last, so the A and B classes see the same neighbours as
/// before.
/// </para>
/// </summary>
public static class SharedApps
{
    public const string SqliteA = "Shared SQLite app A";
    public const string SqliteB = "Shared SQLite app B";
    public const string PostgresA = "Shared PostgreSQL app A";
    public const string PostgresB = "Shared PostgreSQL app B";
    public const string SqliteC = "Shared SQLite app C";
    public const string PostgresC = "Shared PostgreSQL app C";
}

[CollectionDefinition(SharedApps.SqliteA)]
public sealed class SharedSqliteA : ICollectionFixture<SqliteApp>;

[CollectionDefinition(SharedApps.SqliteB)]
public sealed class SharedSqliteB : ICollectionFixture<SqliteApp>;

[CollectionDefinition(SharedApps.PostgresA)]
public sealed class SharedPostgresA : ICollectionFixture<PostgresApp>;

[CollectionDefinition(SharedApps.PostgresB)]
public sealed class SharedPostgresB : ICollectionFixture<PostgresApp>;

[CollectionDefinition(SharedApps.SqliteC)]
public sealed class SharedSqliteC : ICollectionFixture<SqliteApp>;

[CollectionDefinition(SharedApps.PostgresC)]
public sealed class SharedPostgresC : ICollectionFixture<PostgresApp>;
