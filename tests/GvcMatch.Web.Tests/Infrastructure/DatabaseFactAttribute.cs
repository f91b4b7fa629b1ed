using Xunit.Sdk;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>
/// A fact that runs on the database its test class supplies. On a class that implements
/// <see cref="IUsesPostgres"/> (or <see cref="IUsesRedis"/>) it is skipped, with the reason shown, when
/// no such server can be had, unless <c>GVCMATCH_REQUIRE_SERVICES=1</c>: then the missing server fails
/// the tests instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("GvcMatch.Web.Tests.Infrastructure.DatabaseFactDiscoverer", "GvcMatch.Web.Tests")]
public sealed class DatabaseFactAttribute : FactAttribute;

/// <summary>The theory counterpart of <see cref="DatabaseFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("GvcMatch.Web.Tests.Infrastructure.DatabaseTheoryDiscoverer", "GvcMatch.Web.Tests")]
public sealed class DatabaseTheoryAttribute : TheoryAttribute;

/// <summary>Marks a test class whose fixture runs the app on PostgreSQL.</summary>
public interface IUsesPostgres;

/// <summary>Marks a test class that needs a Redis server (<see cref="RedisServer"/>).</summary>
public interface IUsesRedis;

public static class RequiredServices
{
    public const string Variable = "GVCMATCH_REQUIRE_SERVICES";

    /// <summary>True in CI: a service that cannot be had is a failure, never a skip.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>The reason to skip the tests of a class, or null when they run.</summary>
    public static string? SkipReason(Type testClass)
    {
        if (Required) return null;
        var postgres = typeof(IUsesPostgres).IsAssignableFrom(testClass) ? PostgresServer.UnavailableReason : null;
        return postgres ?? (typeof(IUsesRedis).IsAssignableFrom(testClass) ? RedisServer.UnavailableReason : null);
    }
}
