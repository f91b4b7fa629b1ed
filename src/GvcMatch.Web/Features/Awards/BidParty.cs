using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Awards;

/// <summary>
/// The organisations behind a bid: the bidder alone, or every accepted member of its consortium
/// (the lead included). They read the bid's debrief and complaints; nobody else does.
/// </summary>
public static class BidParty
{
    public static async Task<bool> IncludesAsync(AppDbContext db, Actor actor, Bid bid, CancellationToken ct)
    {
        if (actor.OrganizationId is not { } org) return false;
        if (org == bid.OrganizationId) return true;
        return bid.ConsortiumId is { } consortium && await db.ConsortiumMembers.AnyAsync(m =>
            m.ConsortiumId == consortium && m.OrganizationId == org && m.Status == ConsortiumMemberStatus.Accepted, ct);
    }

    /// <summary>The organisations of each bid's party, by bid id.</summary>
    public static async Task<Dictionary<int, List<int>>> OrganizationsAsync(AppDbContext db, IReadOnlyCollection<Bid> bids, CancellationToken ct)
    {
        var consortiumIds = bids.Where(b => b.ConsortiumId is not null).Select(b => b.ConsortiumId!.Value).Distinct().ToList();
        var members = consortiumIds.Count == 0 ? [] : await db.ConsortiumMembers.AsNoTracking()
            .Where(m => consortiumIds.Contains(m.ConsortiumId) && m.Status == ConsortiumMemberStatus.Accepted)
            .Select(m => new { m.ConsortiumId, m.OrganizationId }).ToListAsync(ct);
        return bids.ToDictionary(b => b.Id, b => members.Where(m => m.ConsortiumId == b.ConsortiumId).Select(m => m.OrganizationId)
            .Append(b.OrganizationId).Distinct().ToList());
    }

    /// <summary>Every user of every organisation behind the given bids: who is told of an award or a cancellation.</summary>
    public static async Task<List<string>> UserIdsAsync(AppDbContext db, IReadOnlyCollection<Bid> bids, CancellationToken ct)
    {
        var orgs = (await OrganizationsAsync(db, bids, ct)).Values.SelectMany(o => o).Distinct().ToList();
        return await UsersOfAsync(db, orgs, ct);
    }

    public static Task<List<string>> UsersOfAsync(AppDbContext db, IReadOnlyCollection<int> organizationIds, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.OrganizationId != null && organizationIds.Contains(u.OrganizationId.Value)).Select(u => u.Id).ToListAsync(ct);
}
