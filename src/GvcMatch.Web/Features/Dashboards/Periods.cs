namespace GvcMatch.Web.Features.Dashboards;

/// <summary>The buckets of the charts over time, on UTC days like every other date rule of the app.</summary>
public static class Periods
{
    /// <summary>The Monday that starts <paramref name="day"/>'s week (ISO weeks, the same in every language).</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static DateOnly QuarterOf(DateOnly day) => new(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);

    /// <summary>The starts of the last <paramref name="count"/> weeks, oldest first, the current week last.</summary>
    public static IReadOnlyList<DateOnly> Weeks(DateOnly today, int count) =>
        Enumerable.Range(0, count).Select(i => WeekOf(today).AddDays(-7 * (count - 1 - i))).ToList();

    public static IReadOnlyList<DateOnly> Months(DateOnly today, int count) =>
        Enumerable.Range(0, count).Select(i => MonthOf(today).AddMonths(-(count - 1 - i))).ToList();

    public static IReadOnlyList<DateOnly> Quarters(DateOnly today, int count) =>
        Enumerable.Range(0, count).Select(i => QuarterOf(today).AddMonths(-3 * (count - 1 - i))).ToList();

    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    /// <summary>How many of <paramref name="days"/> fall in each bucket (each bucket runs to the next one's start).</summary>
    public static IReadOnlyList<PeriodCount> Count(IReadOnlyList<DateOnly> starts, IEnumerable<DateOnly> days, Func<DateOnly, DateOnly> bucketOf)
    {
        var counts = days.GroupBy(bucketOf).ToDictionary(g => g.Key, g => g.Count());
        return starts.Select(s => new PeriodCount(s, counts.GetValueOrDefault(s))).ToList();
    }
}

/// <summary>A count in the week, month or quarter that starts on <see cref="Start"/>.</summary>
public sealed record PeriodCount(DateOnly Start, int Count);
