using GvcMatch.Matching;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Roadmaps;

/// <summary>One item an SME fits, with the same per-criterion explanation a requirement's match carries.</summary>
public sealed record RoadmapFit(RoadmapItem Item, MatchResult Result);

/// <summary>
/// Items matched to suppliers as requirements are. The buyer's direction runs the requirement
/// pipeline itself (retrieval, mandatory filters, the scorer) on the item's criteria; the SME's
/// direction scores every item it may see with the same scorer, since open items are few.
/// </summary>
public sealed class RoadmapMatching(AppDbContext db, MatchingService matching, MatchContexts contexts, TimeProvider clock)
{
    /// <summary>How many published items the SME's list scores at most, newest first.</summary>
    public const int ItemsScored = 500;

    /// <summary>The suppliers that fit the item, ranked; for a network-only item, only suppliers of its network.</summary>
    public async Task<IReadOnlyList<SupplierMatchDto>> SuppliersForAsync(RoadmapItem item, int top, CancellationToken ct)
    {
        var network = item.Visibility == RoadmapVisibility.Network ? await SupplierNetwork.MembersAsync(db, item.OrganizationId, ct) : null;
        var list = await matching.MatchSuppliersAsync(AsRequirement(item), network is null ? top : MatchingService.CandidatePool, diversify: false, ct);
        return list.Matches.Where(m => m.OrganizationId != item.OrganizationId && (network is null || network.Contains(m.OrganizationId)))
            .Take(top).Select((m, i) => m with { Rank = i + 1 }).ToList();
    }

    /// <summary>The published items the SME may see, qualified first, then by score; the buyer's own items never.</summary>
    public async Task<IReadOnlyList<RoadmapFit>> ItemsForAsync(Actor actor, SupplierFacts facts, int top, CancellationToken ct)
    {
        var visible = await RoadmapAccess.VisibleAsync(db, actor, ct);
        var items = await visible.AsNoTracking().Include(i => i.Organization)
            .Where(i => i.Status == RoadmapStatus.Published && i.OrganizationId != facts.OrganizationId)
            .OrderByDescending(i => i.Id).Take(ItemsScored).ToListAsync(ct);
        var today = clock.Today();
        return items.Select(i => new RoadmapFit(i, Score(i, facts, today)))
            .Where(f => f.Result.Relevant)
            .OrderByDescending(f => f.Result.Qualified).ThenByDescending(f => f.Result.Total).ThenBy(f => f.Item.Id)
            .Take(top).ToList();
    }

    public MatchResult Score(RoadmapItem item, SupplierFacts facts, DateOnly today) =>
        Scorer.Score(item.Criteria, facts, today, contexts.For(item.Description));

    /// <summary>The item in the shape the matcher reads; never saved.</summary>
    public static Requirement AsRequirement(RoadmapItem item) => new()
    {
        Key = $"roadmap-{item.Id}", Title = item.Title, Description = item.Description, OrganizationId = item.OrganizationId,
        IsicCodes = item.IsicCodes, HsCodes = item.HsCodes, Criteria = item.Criteria, Version = item.Version, Status = RequirementStatus.Published,
    };
}
