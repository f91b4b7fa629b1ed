using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Dashboards;

/// <summary>What happened on the platform in one month.</summary>
public sealed record MonthFiguresDto(
    DateOnly Start, int Organizations, int ProfilesPublished, int RequirementsPublished, int MatchAppearances, int Messages, int Awards);

public sealed record CountryCountDto(string Country, int Awards);

public sealed record PlatformFiguresDto(IReadOnlyList<MonthFiguresDto> Months, IReadOnlyList<CountryCountDto> AwardsByCountry);

/// <summary>
/// Platform figures per month for admins: organisations registered, profiles and requirements
/// published (by their latest publication), match appearances, messages people sent and awards;
/// and all awards by the winning supplier's country.
/// </summary>
public static class PlatformFigures
{
    public const int Months = 12;

    public static async Task<PlatformFiguresDto> ComputeAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var months = Periods.Months(today, Months);
        var fromDay = months[0];
        var from = new DateTimeOffset(fromDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // The instants are bucketed here rather than in SQL: SQLite stores them as numbers, and a year of them is small.
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.CreatedAt >= from).Select(o => o.CreatedAt).ToListAsync(ct);
        var profiles = await db.Profiles.AsNoTracking().Where(p => p.PublishedAt >= from).Select(p => p.PublishedAt!.Value).ToListAsync(ct);
        var requirements = await db.Requirements.AsNoTracking().Where(r => r.PublishedAt >= from).Select(r => r.PublishedAt!.Value).ToListAsync(ct);
        var messages = await db.Set<Message>().AsNoTracking().Where(m => m.SentAt >= from && m.Kind != MessageKind.System).Select(m => m.SentAt).ToListAsync(ct);
        var awards = await db.Awards.AsNoTracking().Where(a => a.AwardedAt >= from).Select(a => a.AwardedAt).ToListAsync(ct);
        var appearances = await db.Set<MatchAppearance>().AsNoTracking().Where(a => a.Day >= fromDay)
            .GroupBy(a => a.Day).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        IReadOnlyList<PeriodCount> PerMonth(IEnumerable<DateTimeOffset> instants) => Periods.Count(months, instants.Select(Periods.Day), Periods.MonthOf);
        var o = PerMonth(organizations);
        var p = PerMonth(profiles);
        var r = PerMonth(requirements);
        var m = PerMonth(messages);
        var a = PerMonth(awards);
        var matchesByMonth = appearances.GroupBy(x => Periods.MonthOf(x.Key)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var rows = months.Select((start, i) => new MonthFiguresDto(start, o[i].Count, p[i].Count, r[i].Count,
            matchesByMonth.GetValueOrDefault(start), m[i].Count, a[i].Count)).ToList();

        var byCountry = await (from award in db.Awards
                               join bid in db.Bids on award.BidId equals bid.Id
                               join org in db.Organizations on bid.OrganizationId equals org.Id
                               group award by org.Country into g
                               select new CountryCountDto(g.Key, g.Count())).ToListAsync(ct);
        return new PlatformFiguresDto(rows, byCountry.OrderByDescending(c => c.Awards).ThenBy(c => c.Country).ToList());
    }
}
