using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Audit;

/// <summary>What an audit entry is about.</summary>
public sealed record AuditTarget(string Type, string Id, string? Name = null)
{
    public static AuditTarget Of(Organization org) => new(AuditTargets.Organization, org.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), org.Name);

    public static AuditTarget Of(AppUser user) => new(AuditTargets.User, user.Id, user.Email);
}

/// <summary>
/// The writer other features call to record a decision. <see cref="AddAsync"/> stages the entry in
/// the request's own <see cref="AppDbContext"/>, so the caller's next SaveChanges writes the entry
/// and the change it records in one transaction: a change is never saved without its entry, nor
/// the reverse. The client address comes from the current request (none for the CLI).
/// </summary>
public sealed class AuditTrail(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <param name="actorUserId">Who acted; null for the system. Their email and organisation are copied in.</param>
    /// <param name="organizationId">The organisation the action concerns, for filtering.</param>
    public async Task<AuditEntry> AddAsync(string? actorUserId, string action, AuditTarget target, int? organizationId = null,
        string? reason = null, CancellationToken ct = default)
    {
        string? email = null;
        int? actorOrganization = null;
        if (actorUserId is not null)
        {
            var actor = await db.Users.AsNoTracking().Where(u => u.Id == actorUserId)
                .Select(u => new { u.Email, u.OrganizationId }).FirstOrDefaultAsync(ct);
            email = actor?.Email;
            actorOrganization = actor?.OrganizationId;
        }
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorUserId = actorUserId,
            ActorEmail = Clip(email, AuditLimits.Name),
            ActorOrganizationId = actorOrganization,
            Action = action,
            TargetType = target.Type,
            TargetId = Clip(target.Id, AuditLimits.TargetId)!,
            TargetName = Clip(target.Name, AuditLimits.Name),
            OrganizationId = organizationId,
            Reason = Clip(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), AuditLimits.Reason),
            RemoteAddress = Clip(http.HttpContext?.Connection.RemoteIpAddress?.ToString(), AuditLimits.RemoteAddress),
        };
        db.Set<AuditEntry>().Add(entry);
        return entry;
    }

    private static string? Clip(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
