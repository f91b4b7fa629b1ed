using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Consortia;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Questions;

/// <summary>The kinds of inbox entries the Q&amp;A and requirement versions leave (kept here, not in NotificationKinds).</summary>
public static class QuestionNotificationKinds
{
    public const string Question = "question";
    public const string Answer = "answer";
    public const string RequirementVersion = "requirement-version";
}

/// <summary>
/// Who hears about answers and new versions: the people of every party with a live bid (draft or
/// submitted) on the requirement. A consortium is one party, but each of its accepted members
/// works on the bid, so each member's people are told.
/// </summary>
public static class BidderAudience
{
    public static async Task<List<string>> UserIdsAsync(AppDbContext db, int requirementId, CancellationToken ct)
    {
        var bids = await db.Bids.AsNoTracking()
            .Where(b => b.RequirementId == requirementId && b.Status != BidStatus.Withdrawn)
            .Select(b => new { b.OrganizationId, b.ConsortiumId }).ToListAsync(ct);
        var orgIds = bids.Select(b => b.OrganizationId).ToHashSet();
        var consortia = bids.Where(b => b.ConsortiumId is not null).Select(b => b.ConsortiumId!.Value).ToList();
        if (consortia.Count > 0)
        {
            var members = await db.ConsortiumMembers.AsNoTracking()
                .Where(m => consortia.Contains(m.ConsortiumId) && m.Status == ConsortiumMemberStatus.Accepted)
                .Select(m => m.OrganizationId).ToListAsync(ct);
            orgIds.UnionWith(members);
        }
        if (orgIds.Count == 0) return [];
        return await db.Users.AsNoTracking().Where(u => u.OrganizationId != null && orgIds.Contains(u.OrganizationId.Value))
            .Select(u => u.Id).ToListAsync(ct);
    }

    public static Task<List<string>> OrganizationUserIdsAsync(AppDbContext db, int organizationId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.OrganizationId == organizationId).Select(u => u.Id).ToListAsync(ct);
}
