using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Certificates;

/// <summary>
/// How far a certificate has been checked: the one path the API and the checkers' page take to set
/// an evidence level (<see cref="EvidenceRules"/> says who may set which), and the list of
/// certificates a checker may look at, those with a document nobody has checked yet first.
/// </summary>
public sealed class CertificateEvidence(AppDbContext db, AuditTrail audit, VerificationService verification)
{
    public const int MaxNote = 500;
    public const int PageSize = 50;

    /// <returns>The certificate at its new level, or the refusal (403, 404, or 400 naming <c>level</c> or <c>note</c>).</returns>
    public async Task<Outcome<Certification>> SetAsync(Actor actor, int organizationId, int certificationId, EvidenceLevel? level, string? note, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct);
        if (org is null) return Refusal.NotFound("The organisation");
        if (EvidenceRules.MaxFor(actor, await verification.ActorCountryAsync(actor, ct), org) is not { } allowed)
            return Refusal.Forbidden("Only the SME, a verified intermediary of its country or a platform admin sets a certificate's evidence level.");
        // Found through the organisation's profile: a certificate id of another SME is not found here.
        var certificate = await db.Certifications.FirstOrDefaultAsync(
            c => c.Id == certificationId && db.Profiles.Any(p => p.Id == c.ProfileId && p.OrganizationId == organizationId), ct);
        if (certificate is null) return Refusal.NotFound("The certificate");

        if (level is not { } chosen || !Enum.IsDefined(chosen))
            return Refusal.Invalid("level", "Give an evidence level: SelfDeclared, DocumentChecked, VerifiedByIntermediary or VerifiedByIssuer.");
        if (chosen > allowed) return Refusal.Invalid("level", $"You may set evidence levels up to '{allowed}' on this certificate, not '{chosen}'.");
        note = note?.Trim();
        if (note is { Length: > MaxNote }) return Refusal.Invalid("note", $"At most {MaxNote} characters.");

        certificate.Evidence = chosen;
        certificate.Verified = chosen >= EvidenceLevel.VerifiedByIntermediary;
        await audit.AddAsync(actor.UserId, AuditActions.CertificateEvidence, new AuditTarget(AuditTargets.Organization, org.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), org.Name),
            org.Id, $"{CertificationRequirement.Name(CertificateFacts.Held(certificate))}: {chosen}. {note}".Trim(), ct);
        await db.SaveChangesAsync(ct);
        return certificate;
    }

    /// <summary>
    /// The certificates <paramref name="actor"/> may check, a page at a time: every SME's for platform
    /// admins, the SMEs of its own country for a verified intermediary, refused for anyone else.
    /// </summary>
    public async Task<Outcome<CheckQueue>> QueueAsync(Actor actor, CheckQuery query, CancellationToken ct)
    {
        if (Access.CanVerify(actor) is { } cannot) return Refusal.Forbidden(cannot);
        if (query.Page < 1) return Refusal.Invalid("page", "Pages are counted from 1.");
        if (query.Q is { Length: > 200 }) return Refusal.Invalid("q", "At most 200 characters.");
        var country = actor.IsPlatformAdmin ? query.Country?.Trim().ToUpperInvariant() : await verification.ActorCountryAsync(actor, ct) ?? "";
        var ceiling = actor.IsPlatformAdmin ? EvidenceLevel.VerifiedByIssuer : EvidenceLevel.VerifiedByIntermediary;

        var rows = from c in db.Certifications.AsNoTracking()
                   join p in db.Profiles on c.ProfileId equals p.Id
                   join o in db.Organizations on p.OrganizationId equals o.Id
                   where o.Kind == OrganizationKind.Sme
                   select new { c, o };
        if (!string.IsNullOrEmpty(country)) rows = rows.Where(r => r.o.Country == country);
        if (query.Waiting) rows = rows.Where(r => r.c.DocumentKey != null && r.c.Evidence == EvidenceLevel.SelfDeclared);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim().ToLower();
            rows = rows.Where(r => r.o.Name.ToLower().Contains(q) || r.c.Standard.ToLower().Contains(q) || (r.c.Number != null && r.c.Number.ToLower().Contains(q)));
        }
        var total = await rows.CountAsync(ct);
        // Documents nobody has checked come first, the longest waiting at the top.
        var page = await rows
            .OrderBy(r => r.c.DocumentKey == null ? 1 : 0).ThenBy(r => r.c.Evidence).ThenBy(r => r.c.DocumentUploadedAt).ThenBy(r => r.o.Name).ThenBy(r => r.c.Id)
            .Skip((query.Page - 1) * PageSize).Take(PageSize)
            .Select(r => new { r.c, r.o.Id, r.o.Name, r.o.Country })
            .ToListAsync(ct);
        var items = page.Select(r => new CheckItem(r.c, r.Id, r.Name, r.Country)).ToList();
        return new CheckQueue(items, total, query.Page, ceiling);
    }
}

/// <param name="Waiting">Only certificates with a document that are still self-declared.</param>
/// <param name="Country">Platform admins narrow to one country; intermediaries always see their own.</param>
public sealed record CheckQuery(bool Waiting = true, string? Q = null, string? Country = null, int Page = 1);

public sealed record CheckItem(Certification Certificate, int OrganizationId, string OrganizationName, string Country);

/// <param name="Ceiling">The strongest level this checker may set.</param>
public sealed record CheckQueue(IReadOnlyList<CheckItem> Items, int Total, int Page, EvidenceLevel Ceiling)
{
    public int Pages => Math.Max(1, (Total + CertificateEvidence.PageSize - 1) / CertificateEvidence.PageSize);
}
