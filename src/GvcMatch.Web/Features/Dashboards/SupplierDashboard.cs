using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Dashboards;

/// <summary>Bids decided in a quarter and how many of them won; <see cref="Rate"/> is null when none was decided.</summary>
public sealed record WinRateDto(DateOnly Start, int Decided, int Won, double? Rate);

/// <summary>The SME's score on one open requirement it qualifies for.</summary>
public sealed record RequirementScoreDto(int RequirementId, string Title, double Total);

public sealed record SupplierDashboardDto(
    int OrganizationId, IReadOnlyList<PeriodCount> Appearances, IReadOnlyList<PeriodCount> ProfileViews,
    IReadOnlyList<WinRateDto> WinRate, IReadOnlyList<RequirementScoreDto> Scores);

/// <summary>
/// An SME's figures: how often it was in a requirement's top matches and how often other
/// organisations opened its page (per week, from the counters), its win rate per quarter (bids
/// decided = its submitted bids on requirements that have an award, dated by the first award; won =
/// the bid has an award), and its score on each open requirement it qualifies for.
/// </summary>
public sealed class SupplierDashboard(AppDbContext db, MatchingService matching, TimeProvider clock)
{
    public const int Weeks = 12;
    public const int Quarters = 4;

    /// <summary>The open requirements asked of the matcher; the qualified ones among them are shown.</summary>
    public const int Recommended = 50;

    public async Task<SupplierDashboardDto> ForAsync(int sme, CancellationToken ct)
    {
        var today = clock.Today();
        var weeks = Periods.Weeks(today, Weeks);
        var from = weeks[0];
        var appearances = await db.Set<MatchAppearance>().AsNoTracking()
            .Where(a => a.SupplierOrganizationId == sme && a.Day >= from).Select(a => a.Day).ToListAsync(ct);
        var views = await db.Set<ProfileView>().AsNoTracking()
            .Where(v => v.SupplierOrganizationId == sme && v.Day >= from).Select(v => v.Day).ToListAsync(ct);
        return new SupplierDashboardDto(sme, Periods.Count(weeks, appearances, Periods.WeekOf), Periods.Count(weeks, views, Periods.WeekOf),
            await WinRateAsync(sme, today, ct), await ScoresAsync(sme, ct));
    }

    private async Task<IReadOnlyList<WinRateDto>> WinRateAsync(int sme, DateOnly today, CancellationToken ct)
    {
        var quarters = Periods.Quarters(today, Quarters);
        var bids = await db.Bids.AsNoTracking()
            .Where(b => b.OrganizationId == sme && b.Status == BidStatus.Submitted && db.Awards.Any(a => a.RequirementId == b.RequirementId))
            .Select(b => new { b.Id, b.RequirementId }).ToListAsync(ct);
        var requirementIds = bids.Select(b => b.RequirementId).Distinct().ToList();
        var awards = await db.Awards.AsNoTracking().Where(a => requirementIds.Contains(a.RequirementId))
            .Select(a => new { a.RequirementId, a.BidId, a.AwardedAt }).ToListAsync(ct);
        // Dated in memory: SQLite stores instants as numbers it cannot take a minimum of as dates.
        var decidedOn = awards.GroupBy(a => a.RequirementId).ToDictionary(g => g.Key, g => Periods.Day(g.Min(a => a.AwardedAt)));
        var won = awards.Select(a => a.BidId).ToHashSet();
        var byQuarter = bids.GroupBy(b => Periods.QuarterOf(decidedOn[b.RequirementId]))
            .ToDictionary(g => g.Key, g => (Decided: g.Count(), Won: g.Count(b => won.Contains(b.Id))));
        return quarters.Select(q => byQuarter.TryGetValue(q, out var c)
            ? new WinRateDto(q, c.Decided, c.Won, Math.Round((double)c.Won / c.Decided, 4))
            : new WinRateDto(q, 0, 0, null)).ToList();
    }

    private async Task<IReadOnlyList<RequirementScoreDto>> ScoresAsync(int sme, CancellationToken ct)
    {
        if (await SupplierDocuments.LoadOwnFactsAsync(db, sme, ct) is not { } facts) return [];
        var ranked = await matching.RecommendRequirementsAsync(facts, Recommended, ct);
        return ranked.Where(r => r.Result.Qualified).Select(r => new RequirementScoreDto(r.RequirementId, r.Title, Math.Round(r.Result.Total, 1))).ToList();
    }
}
