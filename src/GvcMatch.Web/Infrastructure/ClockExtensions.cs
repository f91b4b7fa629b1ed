namespace GvcMatch.Web.Infrastructure;

public static class ClockExtensions
{
    /// <summary>Today's date in UTC: deadlines, expiry and staleness are all judged on UTC days.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
