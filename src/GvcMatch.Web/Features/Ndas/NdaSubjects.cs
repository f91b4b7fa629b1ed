using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Ndas;

/// <summary>
/// The object an NDA or a protected document belongs to, as these features need it. A conversation has
/// <see cref="Parties"/>: only their members see it, and its "owner" is the party that asked for the NDA
/// (before anyone has, the party looking at it).
/// </summary>
public sealed record SubjectInfo(NdaSubject Kind, int Id, string Title, int OwnerOrganizationId, string OwnerName, bool Published, IReadOnlyList<int>? Parties = null)
{
    /// <summary>A draft is seen only by its owner's members; a published object by every signed-in organisation; a conversation by its parties.</summary>
    public bool VisibleTo(Actor actor) => Parties is { } parties
        ? actor.OrganizationId is { } org && parties.Contains(org)
        : Published || actor.IsMemberOf(OwnerOrganizationId);

    /// <summary>Requirements are managed by their buyer's members, IP listings by their SME's members, a conversation's NDA by the party that asked for it.</summary>
    public string? CanManage(Actor actor) => Kind switch
    {
        NdaSubject.Requirement => Access.CanManageRequirements(actor, OwnerOrganizationId),
        NdaSubject.IpListing => Access.CanManageIpListings(actor, OwnerOrganizationId),
        _ => actor.IsMemberOf(OwnerOrganizationId) ? null : "The other party asked for this NDA: propose changes in the conversation.",
    };

    public string PagePath => NdaSubjects.PagePath(Kind, Id);
}

public static class NdaSubjects
{
    /// <summary>The URL segment of each subject ("requirements", "ip-listings", "conversations"), the same as their own APIs.</summary>
    public static string Segment(NdaSubject subject) => subject switch
    {
        NdaSubject.Requirement => "requirements",
        NdaSubject.IpListing => "ip-listings",
        _ => "conversations",
    };

    /// <summary>The page of the object, where its NDA box and documents are.</summary>
    public static string PagePath(NdaSubject subject, int id) => subject switch
    {
        NdaSubject.Requirement => $"/Requirements/{id}",
        NdaSubject.IpListing => $"/Ip/{id}",
        _ => $"/Conversations/{id}",
    };

    public static bool TryParse(string? segment, out NdaSubject subject)
    {
        subject = segment switch { "ip-listings" => NdaSubject.IpListing, "conversations" => NdaSubject.Conversation, _ => NdaSubject.Requirement };
        return segment is "requirements" or "ip-listings" or "conversations";
    }

    public static async Task<SubjectInfo?> FindAsync(AppDbContext db, NdaSubject subject, int id, CancellationToken ct) => subject switch
    {
        NdaSubject.Requirement => await db.Requirements.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new SubjectInfo(NdaSubject.Requirement, r.Id, r.Title, r.OrganizationId, r.Organization.Name, r.Status != RequirementStatus.Draft, null))
            .FirstOrDefaultAsync(ct),
        NdaSubject.IpListing => await db.IpListings.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new SubjectInfo(NdaSubject.IpListing, i.Id, i.Title, i.OrganizationId, i.Organization.Name, i.Status == PublicationStatus.Published, null))
            .FirstOrDefaultAsync(ct),
        _ => await ConversationAsync(db, id, ct),
    };

    /// <summary>
    /// A conversation as a subject: its parties, and as owner the party whose NDA policy it carries (0 before
    /// there is one). Conversation ids are 64-bit, the deal-room tables' subject ids 32-bit: an id past that
    /// range is simply not found.
    /// </summary>
    private static async Task<SubjectInfo?> ConversationAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var conversation = await db.Set<Conversation>().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Subject, Parties = c.Parties.Select(p => p.OrganizationId).ToList() }).FirstOrDefaultAsync(ct);
        if (conversation is null) return null;
        var owner = await db.NdaPolicies.AsNoTracking().Where(p => p.Subject == NdaSubject.Conversation && p.SubjectId == id)
            .Join(db.Organizations, p => p.OwnerOrganizationId, o => o.Id, (p, o) => new { o.Id, o.Name }).FirstOrDefaultAsync(ct);
        return new SubjectInfo(NdaSubject.Conversation, (int)id, conversation.Subject, owner?.Id ?? 0, owner?.Name ?? "", true, conversation.Parties);
    }

    /// <summary>The object if <paramref name="actor"/> may see it; anything else reads as not found, so ids reveal nothing.</summary>
    public static async Task<Outcome<SubjectInfo>> VisibleAsync(AppDbContext db, Actor? actor, NdaSubject subject, int id, CancellationToken ct)
    {
        var found = await FindAsync(db, subject, id, ct);
        if (actor is null || found is null || !found.VisibleTo(actor)) return Refusal.NotFound(subject switch
        {
            NdaSubject.Requirement => "The requirement",
            NdaSubject.IpListing => "The IP listing",
            _ => "The conversation",
        });
        // Nobody has asked for an NDA in this conversation yet: the party looking at it would be the one asking.
        if (found.OwnerOrganizationId == 0) found = await AsOwnerAsync(db, found, actor, ct);
        return found;
    }

    /// <summary>The subject with the caller's organisation as its owner: a party asking for an NDA, or sending a protected file, in a conversation.</summary>
    public static async Task<SubjectInfo> AsOwnerAsync(AppDbContext db, SubjectInfo found, Actor actor, CancellationToken ct)
    {
        var org = actor.OrganizationId!.Value;
        return found with { OwnerOrganizationId = org, OwnerName = await db.Organizations.Where(o => o.Id == org).Select(o => o.Name).FirstAsync(ct) };
    }
}
