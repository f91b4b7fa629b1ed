namespace GvcMatch.Web.Features.NotificationPreferences;

/// <summary>The last whole day or week (Monday to Sunday) before an instant, in a time zone, as UTC instants.</summary>
public sealed record DigestWindow(DateOnly FirstDay, DateTimeOffset From, DateTimeOffset To)
{
    public static DigestWindow Before(DateTimeOffset now, TimeZoneInfo zone, DigestPeriod period)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var end = period == DigestPeriod.Daily ? today : today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var first = period == DigestPeriod.Daily ? end.AddDays(-1) : end.AddDays(-7);
        return new(first, Midnight(first, zone), Midnight(end, zone));
    }

    /// <summary>The instant a day begins in the zone; where midnight is skipped by a clock change, the first hour that exists.</summary>
    private static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
