using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Dependency;
using GvcMatch.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Dashboards;

/// <summary>The furthest step a published requirement reached, in pipeline order.</summary>
public enum PipelineStage { Published, Bids, Evaluated, Awarded }

public sealed record StageCountDto(PipelineStage Stage, int Requirements);

/// <summary>
/// In one currency (amounts in different currencies are never added): the award value, and the
/// share of it that went to SMEs and to new suppliers.
/// </summary>
public sealed record AwardShareDto(string Currency, decimal AwardValue, double SmeShare, double NewSupplierShare);

public sealed record BuyerDashboardDto(int OrganizationId, IReadOnlyList<StageCountDto> Pipeline, IReadOnlyList<AwardShareDto> Shares);

/// <summary>
/// A buyer's figures. The pipeline places every requirement ever published at the furthest step it
/// reached: published, bids (a submitted bid), evaluated (a bid scored), awarded (an award). The
/// shares use the supplier concentration's definitions (<see cref="SupplierConcentration"/>): an
/// SME is an organisation of that kind, a new supplier one whose first award from this buyer is at
/// most <see cref="DependencyOptions.NewSupplierDays"/> old; both weighed by award value.
/// </summary>
public static class BuyerDashboard
{
    public static async Task<BuyerDashboardDto> ForAsync(AppDbContext db, int buyer, DependencyOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var stages = await db.Requirements.AsNoTracking()
            .Where(r => r.OrganizationId == buyer && r.PublishedAt != null)
            .Select(r => new
            {
                Awarded = db.Awards.Any(a => a.RequirementId == r.Id),
                Evaluated = db.BidScores.Any(s => db.Bids.Any(b => b.Id == s.BidId && b.RequirementId == r.Id)),
                Bids = db.Bids.Any(b => b.RequirementId == r.Id && b.Status == BidStatus.Submitted),
            }).ToListAsync(ct);
        var furthest = stages.Select(s => s.Awarded ? PipelineStage.Awarded : s.Evaluated ? PipelineStage.Evaluated : s.Bids ? PipelineStage.Bids : PipelineStage.Published)
            .GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        var pipeline = Enum.GetValues<PipelineStage>().Select(s => new StageCountDto(s, furthest.GetValueOrDefault(s))).ToList();
        return new BuyerDashboardDto(buyer, pipeline, await SharesAsync(db, buyer, options, now, ct));
    }

    private static async Task<IReadOnlyList<AwardShareDto>> SharesAsync(AppDbContext db, int buyer, DependencyOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var awards = await (from a in db.Awards
                            join b in db.Bids on a.BidId equals b.Id
                            join r in db.Requirements on a.RequirementId equals r.Id
                            join o in db.Organizations on b.OrganizationId equals o.Id
                            where r.OrganizationId == buyer
                            select new { Supplier = b.OrganizationId, o.Kind, Value = b.Price ?? 0m, Currency = b.Currency ?? "", a.AwardedAt })
            .AsNoTracking().ToListAsync(ct);
        var firstAward = awards.GroupBy(a => a.Supplier).ToDictionary(g => g.Key, g => g.Min(a => a.AwardedAt));
        var cutoff = now.AddDays(-options.NewSupplierDays);
        return awards.GroupBy(a => a.Currency.ToUpperInvariant()).OrderBy(g => g.Key).Select(g =>
        {
            var total = g.Sum(a => a.Value);
            double Share(Func<decimal> part) => total == 0 ? 0 : Math.Round((double)(part() / total), 4);
            return new AwardShareDto(g.Key, total,
                Share(() => g.Where(a => a.Kind == OrganizationKind.Sme).Sum(a => a.Value)),
                Share(() => g.Where(a => firstAward[a.Supplier] >= cutoff).Sum(a => a.Value)));
        }).ToList();
    }
}
