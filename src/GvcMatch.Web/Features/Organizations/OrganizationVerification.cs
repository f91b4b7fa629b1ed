using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Organizations;

/// <summary>
/// Who may grant or withdraw the verified badge of whom. The chain of trust is two links long and
/// every link is bounded:
/// <list type="bullet">
/// <item>Platform admins verify and un-verify any organisation except their own: the only way an
/// intermediary or an MNE becomes (or stops being) verified.</item>
/// <item>A verified intermediary (agency, chamber, cluster) verifies and un-verifies SMEs of its own
/// country, and nothing else: not MNEs, not other intermediaries, not SMEs abroad.</item>
/// <item>Nobody else: SMEs, MNEs and unverified intermediaries decide nothing, so a verification
/// never propagates further than one intermediary.</item>
/// </list>
/// Every decision carries a reason and is written to the audit trail with who made it, from where
/// and when; platform admins review the trail (<c>/Admin/Audit</c>) and can reverse any decision.
/// </summary>
public static class VerificationRules
{
    public const string Admins = "Only platform admins verify or un-verify MNEs and intermediaries.";
    public const string OwnCountry = "A verified intermediary verifies SMEs of its own country only.";
    public const string Self = "An organisation cannot verify itself.";

    /// <summary>Null when <paramref name="actor"/> may decide on <paramref name="target"/>; otherwise why not.</summary>
    /// <param name="actorCountry">The country of the actor's organisation (null without one).</param>
    public static string? CanDecide(Actor actor, string? actorCountry, Organization target)
    {
        if (Access.CanVerify(actor) is { } reason) return reason;
        if (target.Id == actor.OrganizationId) return Self;
        if (actor.IsPlatformAdmin) return null;
        // A verified intermediary from here on.
        if (target.Kind != OrganizationKind.Sme) return Admins;
        return string.Equals(target.Country, actorCountry, StringComparison.OrdinalIgnoreCase) ? null : OwnCountry;
    }
}

/// <summary>Sets the badge fields; the import (run by admins and the CLI) calls it directly, everything else through <see cref="VerificationService"/>.</summary>
public static class OrganizationVerification
{
    public static void Apply(Organization org, bool verified, string? by, string? note, DateTimeOffset now)
    {
        org.Verified = verified;
        org.VerifiedAt = verified ? now : null;
        org.VerifiedBy = by;
        org.VerificationNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        org.UpdatedAt = now;
        // The badge is part of what GET answers, so it is a new version (a new ETag).
        org.ConcurrencyStamp = Guid.NewGuid();
    }
}

/// <summary>Granting or withdrawing the verified badge; the one path for the API and the verification page.</summary>
public sealed class VerificationService(AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const string ReasonField = "reason";

    public async Task<string?> ActorCountryAsync(Actor actor, CancellationToken ct) =>
        actor.OrganizationId is { } id ? await db.Organizations.Where(o => o.Id == id).Select(o => o.Country).FirstOrDefaultAsync(ct) : null;

    /// <returns>The organisation with its new badge, or the refusal (403, 404, or 400 naming <see cref="ReasonField"/>).</returns>
    public async Task<Outcome<Organization>> DecideAsync(Actor actor, int organizationId, bool verified, string? reason, CancellationToken ct)
    {
        if (Access.CanVerify(actor) is { } cannot) return Refusal.Forbidden(cannot);
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, ct);
        if (org is null) return Refusal.NotFound("The organisation");
        if (VerificationRules.CanDecide(actor, await ActorCountryAsync(actor, ct), org) is { } refused) return Refusal.Forbidden(refused);
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return Refusal.Invalid(ReasonField, "Give the reason: how the organisation was checked, or why the badge is withdrawn.");
        if (reason.Length > OrganizationLimits.Note) return Refusal.Invalid(ReasonField, $"At most {OrganizationLimits.Note} characters.");

        var by = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Email).FirstAsync(ct);
        OrganizationVerification.Apply(org, verified, by, reason, clock.GetUtcNow());
        await audit.AddAsync(actor.UserId, verified ? AuditActions.VerificationGranted : AuditActions.VerificationWithdrawn,
            AuditTarget.Of(org), org.Id, reason, ct);
        await db.SaveChangesAsync(ct);
        return org;
    }
}
