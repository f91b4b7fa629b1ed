using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Infrastructure;

/// <summary>Who is calling, read fresh from the database so revoked memberships take effect at once.</summary>
public sealed record Actor(string UserId, int? OrganizationId, OrganizationKind? OrganizationKind, MemberRole Role, bool IsPlatformAdmin, bool OrganizationVerified)
{
    public bool IsMemberOf(int organizationId) => OrganizationId == organizationId;
    public bool IsOwnerOf(int organizationId) => OrganizationId == organizationId && Role == MemberRole.Owner;
    public bool IsSme => OrganizationKind == Features.Organizations.OrganizationKind.Sme;
    public bool IsMne => OrganizationKind == Features.Organizations.OrganizationKind.Mne;

    /// <summary>Admins and verified intermediaries may verify other organisations.</summary>
    public bool CanVerify => IsPlatformAdmin || (OrganizationKind == Features.Organizations.OrganizationKind.Intermediary && OrganizationVerified);
}

public static class CurrentActorExtensions
{
    public static async Task<Actor?> GetActorAsync(this ClaimsPrincipal principal, AppDbContext db, CancellationToken ct = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return null;
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new Actor(
                u.Id,
                u.OrganizationId,
                u.Organization == null ? null : u.Organization.Kind,
                u.Role,
                u.IsPlatformAdmin,
                u.Organization != null && u.Organization.Verified))
            .FirstOrDefaultAsync(ct);
    }
}
