using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Ndas;

/// <summary>The object an NDA or a protected document belongs to, as these features need it.</summary>
public sealed record SubjectInfo(NdaSubject Kind, int Id, string Title, int OwnerOrganizationId, string OwnerName, bool Published)
{
    /// <summary>A draft is seen only by its owner's members; a published object by every signed-in organisation.</summary>
    public bool VisibleTo(Actor actor) => Published || actor.IsMemberOf(OwnerOrganizationId);

    /// <summary>Requirements are managed by their buyer's members, IP listings by their SME's members.</summary>
    public string? CanManage(Actor actor) => Kind == NdaSubject.Requirement
        ? Access.CanManageRequirements(actor, OwnerOrganizationId)
        : Access.CanManageIpListings(actor, OwnerOrganizationId);

    public string PagePath => Kind == NdaSubject.Requirement ? $"/Requirements/{Id}" : $"/Ip/{Id}";
}

public static class NdaSubjects
{
    /// <summary>The URL segment of each subject ("requirements", "ip-listings"), the same as their own APIs.</summary>
    public static string Segment(NdaSubject subject) => subject == NdaSubject.Requirement ? "requirements" : "ip-listings";

    public static bool TryParse(string? segment, out NdaSubject subject)
    {
        subject = segment == "ip-listings" ? NdaSubject.IpListing : NdaSubject.Requirement;
        return segment is "requirements" or "ip-listings";
    }

    public static Task<SubjectInfo?> FindAsync(AppDbContext db, NdaSubject subject, int id, CancellationToken ct) => subject switch
    {
        NdaSubject.Requirement => db.Requirements.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new SubjectInfo(NdaSubject.Requirement, r.Id, r.Title, r.OrganizationId, r.Organization.Name, r.Status != RequirementStatus.Draft))
            .FirstOrDefaultAsync(ct),
        _ => db.IpListings.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new SubjectInfo(NdaSubject.IpListing, i.Id, i.Title, i.OrganizationId, i.Organization.Name, i.Status == PublicationStatus.Published))
            .FirstOrDefaultAsync(ct),
    };

    /// <summary>The object if <paramref name="actor"/> may see it; anything else reads as not found, so ids reveal nothing.</summary>
    public static async Task<Outcome<SubjectInfo>> VisibleAsync(AppDbContext db, Actor? actor, NdaSubject subject, int id, CancellationToken ct)
    {
        var found = await FindAsync(db, subject, id, ct);
        if (actor is null || found is null || !found.VisibleTo(actor)) return Refusal.NotFound(subject == NdaSubject.Requirement ? "The requirement" : "The IP listing");
        return found;
    }
}
