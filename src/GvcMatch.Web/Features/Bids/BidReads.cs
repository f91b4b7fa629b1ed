using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Bids;

/// <summary>
/// Sealed reads. Before the deadline only the bidder party reads its bid; the buyer is told the
/// list of bids is sealed until it closes, but one bid's id tells it nothing (404, as for an id
/// that does not exist); other bidders never learn a bid exists. After the deadline
/// the buyer reads submitted bids only: drafts and withdrawn bids are never shown to it.
/// </summary>
public sealed class BidReads(AppDbContext db, TimeProvider clock)
{
    public static string Sealed(Requirement r) => $"Bids are sealed until {r.BidsCloseAt:yyyy-MM-dd HH:mm} UTC.";

    public async Task<Outcome<BidView>> ReadAsync(Actor? actor, int bidId, CancellationToken ct)
    {
        var bid = await db.Bids.AsNoTracking().Include(b => b.Answers).Include(b => b.Subcontractors).Include(b => b.Documents).AsSplitQuery()
            .FirstOrDefaultAsync(b => b.Id == bidId, ct);
        if (bid is null || actor?.OrganizationId is not { } org) return Refusal.NotFound("The bid");
        var requirement = await db.Requirements.AsNoTracking().FirstAsync(r => r.Id == bid.RequirementId, ct);
        BidRole role;
        if (actor.IsMemberOf(bid.OrganizationId)) role = BidRole.Writer;
        else if (await IsConsortiumMemberAsync(bid.ConsortiumId, org, ct)) role = BidRole.PartyReader;
        else if (actor.IsMemberOf(requirement.OrganizationId))
        {
            // Before the deadline a sealed bid is answered exactly as an id that does not exist, so the buyer cannot count them.
            if (!requirement.DeadlinePassed(clock.GetUtcNow()) || bid.Status != BidStatus.Submitted) return Refusal.NotFound("The bid");
            role = BidRole.Buyer;
        }
        else return Refusal.NotFound("The bid");
        return await ViewAsync(bid, requirement, role, ct);
    }

    /// <summary>The submitted bids on the buyer's requirement, once the deadline has passed.</summary>
    public async Task<Outcome<(Requirement Requirement, List<BidView> Bids)>> ForBuyerAsync(Actor? actor, int requirementId, CancellationToken ct)
    {
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requirementId, ct);
        if (requirement is null || actor is null || (!requirement.IsVisibleToEveryone && !actor.IsMemberOf(requirement.OrganizationId)))
            return Refusal.NotFound("The requirement");
        if (!actor.IsMemberOf(requirement.OrganizationId)) return Refusal.Forbidden("Only the buyer reads the bids on its requirement.");
        if (requirement.BidsCloseAt is null) return Refusal.Conflict("The requirement has no response deadline, so no bids can be opened.");
        if (!requirement.DeadlinePassed(clock.GetUtcNow())) return Refusal.Conflict(Sealed(requirement));
        var bids = await db.Bids.AsNoTracking().Include(b => b.Answers).Include(b => b.Subcontractors).Include(b => b.Documents).AsSplitQuery()
            .Where(b => b.RequirementId == requirementId && b.Status == BidStatus.Submitted).OrderBy(b => b.SubmittedAt).ThenBy(b => b.Id).ToListAsync(ct);
        var views = new List<BidView>();
        foreach (var bid in bids) views.Add(await ViewAsync(bid, requirement, BidRole.Buyer, ct));
        return (requirement, views);
    }

    /// <summary>The caller's own bids and those of the consortia its organisation has accepted to join, newest first.</summary>
    public async Task<List<BidView>> MineAsync(Actor? actor, CancellationToken ct)
    {
        if (actor?.OrganizationId is not { } org) return [];
        var consortia = await db.ConsortiumMembers.AsNoTracking()
            .Where(m => m.OrganizationId == org && m.Status == ConsortiumMemberStatus.Accepted).Select(m => m.ConsortiumId).ToListAsync(ct);
        var bids = await db.Bids.AsNoTracking()
            .Where(b => b.OrganizationId == org || (b.ConsortiumId != null && consortia.Contains(b.ConsortiumId.Value)))
            .OrderByDescending(b => b.UpdatedAt).ThenByDescending(b => b.Id).ToListAsync(ct);
        var requirementIds = bids.Select(b => b.RequirementId).Distinct().ToList();
        var requirements = await db.Requirements.AsNoTracking().Where(r => requirementIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var views = new List<BidView>();
        foreach (var bid in bids)
            views.Add(await ViewAsync(bid, requirements[bid.RequirementId], bid.OrganizationId == org ? BidRole.Writer : BidRole.PartyReader, ct));
        return views;
    }

    /// <summary>The bid of one party on a requirement, for the bidder's form (null when it has none yet).</summary>
    public Task<int?> PartyBidIdAsync(int requirementId, int organizationId, int? consortiumId, CancellationToken ct)
    {
        var key = Bid.PartyKeyFor(organizationId, consortiumId);
        return db.Bids.AsNoTracking().Where(b => b.RequirementId == requirementId && b.PartyKey == key).Select(b => (int?)b.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<bool> IsConsortiumMemberAsync(int? consortiumId, int organizationId, CancellationToken ct) =>
        consortiumId is { } c && await db.ConsortiumMembers.AsNoTracking()
            .AnyAsync(m => m.ConsortiumId == c && m.OrganizationId == organizationId && m.Status == ConsortiumMemberStatus.Accepted, ct);

    private async Task<BidView> ViewAsync(Bid bid, Requirement requirement, BidRole role, CancellationToken ct)
    {
        var orgName = await db.Organizations.AsNoTracking().Where(o => o.Id == bid.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var consortiumName = bid.ConsortiumId is { } c
            ? await db.Consortia.AsNoTracking().Where(x => x.Id == c).Select(x => x.Name).FirstOrDefaultAsync(ct)
            : null;
        return new BidView(bid, requirement, orgName, consortiumName, role);
    }
}
