using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Awards;

public sealed record CurrencyShareDto(string Currency, decimal Awarded, decimal ToSmes, double SmeShare);

public sealed record BuyerOutcomeDto(
    int BuyerOrganizationId, string Buyer, int RequirementsDecided, int RequirementsCancelled, int Awards, int AwardsToSmes,
    double SmeShareByCount, IReadOnlyList<CurrencyShareDto> ValueByCurrency, double? MedianDaysToDecision);

public sealed record OutcomeStatisticsDto(DateTimeOffset GeneratedAt, int? BuyerFilter, IReadOnlyList<BuyerOutcomeDto> Buyers, IReadOnlyList<EventOutcomeDto> Events);

/// <summary>
/// Per buyer, from the outcome records: how many requirements it decided, what share of its awards
/// (by count, and by value per currency: amounts in different currencies are never added) went to
/// SMEs or all-SME consortia, and the median days from publication to the decision (per
/// requirement, its last decision). Beside them, what matchmaking events led to (meetings held,
/// follow-ups, agreements reached afterwards), from <see cref="EventOutcomes"/>.
/// </summary>
public static class OutcomeStatistics
{
    public static async Task<OutcomeStatisticsDto> ComputeAsync(AppDbContext db, int? buyer, DateTimeOffset now, CancellationToken ct)
    {
        var records = await db.OutcomeRecords.AsNoTracking().Where(o => buyer == null || o.BuyerOrganizationId == buyer).ToListAsync(ct);
        var buyerIds = records.Select(o => o.BuyerOrganizationId).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => buyerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var rows = records.GroupBy(o => o.BuyerOrganizationId).Select(g =>
        {
            var awards = g.Where(o => !o.Cancelled).ToList();
            var toSmes = awards.Count(o => o.WinnerIsSme);
            var values = awards.Where(o => o.Value is not null && o.Currency is not null).GroupBy(o => o.Currency!.ToUpperInvariant()).OrderBy(c => c.Key)
                .Select(c =>
                {
                    var total = c.Sum(o => o.Value!.Value);
                    var sme = c.Where(o => o.WinnerIsSme).Sum(o => o.Value!.Value);
                    return new CurrencyShareDto(c.Key, total, sme, total == 0 ? 0 : Math.Round((double)(sme / total), 4));
                }).ToList();
            var perRequirement = g.GroupBy(o => o.RequirementId).Select(r => r.Max(o => o.DaysToDecision)).ToList();
            return new BuyerOutcomeDto(g.Key, names.GetValueOrDefault(g.Key, "—"), perRequirement.Count,
                g.GroupBy(o => o.RequirementId).Count(r => r.Any(o => o.Cancelled)), awards.Count, toSmes,
                awards.Count == 0 ? 0 : Math.Round(toSmes / (double)awards.Count, 4), values, Median(perRequirement));
        }).OrderBy(b => b.Buyer, StringComparer.OrdinalIgnoreCase).ThenBy(b => b.BuyerOrganizationId).ToList();
        return new OutcomeStatisticsDto(now, buyer, rows, await EventOutcomes.ComputeAsync(db, buyer, now, ct));
    }

    public static double? Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return Math.Round(sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2, 2);
    }
}
