using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Roadmaps;

/// <summary>
/// A buyer's supplier network: the organisations it awarded work to (awards on its requirements)
/// or agreed with (an accepted offer in a conversation it is part of). Network-only road-map items
/// exist for these and for the buyer's own members, and for nobody else.
/// </summary>
public static class SupplierNetwork
{
    public static async Task<bool> ContainsAsync(AppDbContext db, int buyer, int organizationId, CancellationToken ct) =>
        await AwardedQuery(db, buyer).AnyAsync(o => o == organizationId, ct) || await AgreedQuery(db, buyer).AnyAsync(o => o == organizationId, ct);

    public static async Task<HashSet<int>> MembersAsync(AppDbContext db, int buyer, CancellationToken ct)
    {
        var members = (await AwardedQuery(db, buyer).ToListAsync(ct)).ToHashSet();
        members.UnionWith(await AgreedQuery(db, buyer).ToListAsync(ct));
        members.Remove(buyer);
        return members;
    }

    /// <summary>The buyers whose network the organisation belongs to.</summary>
    public static async Task<List<int>> BuyersOfAsync(AppDbContext db, int organizationId, CancellationToken ct)
    {
        var awarding = await (from a in db.Awards
                              join b in db.Bids on a.BidId equals b.Id
                              join r in db.Requirements on a.RequirementId equals r.Id
                              where b.OrganizationId == organizationId
                              select r.OrganizationId).Distinct().ToListAsync(ct);
        var agreeing = await (from o in db.Set<Offer>()
                              where o.State == OfferState.Accepted
                                  && db.Set<ConversationParty>().Any(p => p.ConversationId == o.ConversationId && p.OrganizationId == organizationId)
                              join q in db.Set<ConversationParty>() on o.ConversationId equals q.ConversationId
                              where q.OrganizationId != organizationId
                              select q.OrganizationId).Distinct().ToListAsync(ct);
        return awarding.Union(agreeing).ToList();
    }

    private static IQueryable<int> AwardedQuery(AppDbContext db, int buyer) =>
        from a in db.Awards
        join b in db.Bids on a.BidId equals b.Id
        join r in db.Requirements on a.RequirementId equals r.Id
        where r.OrganizationId == buyer
        select b.OrganizationId;

    private static IQueryable<int> AgreedQuery(AppDbContext db, int buyer) =>
        from o in db.Set<Offer>()
        where o.State == OfferState.Accepted
            && db.Set<ConversationParty>().Any(q => q.ConversationId == o.ConversationId && q.OrganizationId == buyer)
        join p in db.Set<ConversationParty>() on o.ConversationId equals p.ConversationId
        where p.OrganizationId != buyer
        select p.OrganizationId;
}

/// <summary>Who may see and who may change a road-map item. A caller that may not see it gets 404, as if it did not exist.</summary>
public static class RoadmapAccess
{
    /// <summary>
    /// Items the caller may see: published, withdrawn and converted items for everyone (network-only
    /// ones for the buyer's network), and every item of the caller's own organisation.
    /// </summary>
    public static async Task<IQueryable<RoadmapItem>> VisibleAsync(AppDbContext db, Actor? actor, CancellationToken ct)
    {
        var own = actor?.OrganizationId ?? -1;
        var buyers = actor?.OrganizationId is { } org ? await SupplierNetwork.BuyersOfAsync(db, org, ct) : [];
        return db.Set<RoadmapItem>().Where(i => i.OrganizationId == own
            || (i.Status != RoadmapStatus.Draft && (i.Visibility == RoadmapVisibility.Everyone || buyers.Contains(i.OrganizationId))));
    }

    public static async Task<bool> CanSeeAsync(AppDbContext db, Actor? actor, RoadmapItem item, CancellationToken ct) =>
        Access.IsMember(actor, item.OrganizationId)
        || (item.Status != RoadmapStatus.Draft && (item.Visibility == RoadmapVisibility.Everyone
            || (actor?.OrganizationId is { } org && await SupplierNetwork.ContainsAsync(db, item.OrganizationId, org, ct))));

    /// <summary>Only the buyer's members change an item; to others who can see it the answer is 403, to the rest 404.</summary>
    public static async Task<Outcome<RoadmapItem>> FindOwnAsync(AppDbContext db, Actor? actor, int id, CancellationToken ct)
    {
        var item = await db.Set<RoadmapItem>().Include(i => i.Organization).Include(i => i.Versions).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return Refusal.NotFound("The road-map item");
        if (Access.IsMember(actor, item.OrganizationId)) return item;
        return await CanSeeAsync(db, actor, item, ct) ? Refusal.Forbidden("Only the buyer that published the item changes it.") : Refusal.NotFound("The road-map item");
    }

    /// <summary>The item if the caller may see it, else null (answered 404).</summary>
    public static async Task<RoadmapItem?> FindVisibleAsync(AppDbContext db, Actor? actor, int id, CancellationToken ct)
    {
        var item = await db.Set<RoadmapItem>().AsNoTracking().Include(i => i.Organization).FirstOrDefaultAsync(i => i.Id == id, ct);
        return item is not null && await CanSeeAsync(db, actor, item, ct) ? item : null;
    }
}
