using System.Runtime.CompilerServices;
using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Infrastructure;

/// <summary>Who is calling, read from the database once per request so revoked memberships take effect at once.</summary>
public sealed record Actor(string UserId, int? OrganizationId, OrganizationKind? OrganizationKind, MemberRole Role, bool IsPlatformAdmin, bool OrganizationVerified)
{
    public bool IsMemberOf(int organizationId) => OrganizationId == organizationId;
    public bool IsOwnerOf(int organizationId) => OrganizationId == organizationId && Role == MemberRole.Owner;
    public bool IsSme => OrganizationKind == Features.Organizations.OrganizationKind.Sme;
    public bool IsMne => OrganizationKind == Features.Organizations.OrganizationKind.Mne;

    /// <summary>Admins and verified intermediaries may verify other organisations.</summary>
    public bool CanVerify => IsPlatformAdmin || (OrganizationKind == Features.Organizations.OrganizationKind.Intermediary && OrganizationVerified);
}

/// <summary>
/// Reads the caller once per request. The cache hangs off the request's DbContext, which is scoped
/// (one per HTTP request, one per hub method call), so the ~120 places that ask share one look-up
/// and a hub connection still reads the caller fresh on every call: a member removed since
/// connecting is refused at once.
/// </summary>
public static class CurrentActorExtensions
{
    private static readonly ConditionalWeakTable<AppDbContext, Loaded> Cache = new();

    private sealed record Loaded(string UserId, Actor? Actor);

    public static async Task<Actor?> GetActorAsync(this ClaimsPrincipal principal, AppDbContext db, CancellationToken ct = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return null;
        if (Cache.TryGetValue(db, out var loaded) && loaded.UserId == userId) return loaded.Actor;
        var actor = await LoadAsync(db, userId, ct);
        Cache.AddOrUpdate(db, new Loaded(userId, actor));
        return actor;
    }

    /// <summary>Drops the cached caller, for the rare request that changes its own membership and reads it again.</summary>
    public static void ForgetActor(this AppDbContext db) => Cache.Remove(db);

    private static Task<Actor?> LoadAsync(AppDbContext db, string userId, CancellationToken ct) =>
        db.Users.AsNoTracking()
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
