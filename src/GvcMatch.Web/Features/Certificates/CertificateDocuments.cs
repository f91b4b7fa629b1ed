using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Certificates;

/// <summary>
/// The document of one certificate of an SME's profile. Only the SME's own members attach, replace
/// or remove it. Reading it is for those who have a reason to check it: the SME, platform admins,
/// the intermediaries that may set the certificate's evidence level (verified, of the SME's
/// country), and signed-in buyers and intermediaries while the profile is published (they already
/// see the certificate). Everyone else, another SME included, is told the certificate does not exist.
/// </summary>
public sealed class CertificateDocuments(AppDbContext db, CertificateDocumentStore files, IOptions<CertificateOptions> options, TimeProvider clock)
{
    private const string What = "the profile";

    public long MaxBytes => options.Value.MaxDocumentBytes;

    /// <summary>
    /// Stores the file as the certificate's document, replacing any earlier one. The evidence level is
    /// not raised: a checker still has to read it. A "document checked" level goes back to self-declared,
    /// since the document that was checked is gone. A certificate is part of the profile, so its
    /// document's version is the profile's: <paramref name="expected"/> (If-Match, optional) names it.
    /// </summary>
    public async Task<Outcome<(Certification Certificate, Guid Stamp)>> AttachAsync(Actor? actor, int organizationId, int certificationId, Stream content, string rawName,
        long length, IfMatch expected, CancellationToken ct)
    {
        var found = await FindOwnAsync(actor, organizationId, certificationId, ct);
        if (found.Refusal is { } refused) return refused;
        var (profile, certificate) = found.Value;
        if (expected.Check(profile.ConcurrencyStamp, What) is { } stale) return stale;
        var (name, type, problem) = CertificateDocumentStore.Check(rawName, length, MaxBytes, ProfileLimits.Short, CertificateDocumentStore.Extensions);
        if (problem is not null) return Refusal.Invalid("file", problem);
        var (stored, contentProblem) = await files.SaveMeasuredAsync(content, name!, MaxBytes, ct);
        if (stored is null) return Refusal.Invalid("file", contentProblem!);

        var previous = certificate.DocumentKey;
        try
        {
            certificate.DocumentKey = stored.Key;
            certificate.DocumentName = name;
            certificate.DocumentContentType = type;
            certificate.DocumentLength = stored.Length;
            certificate.DocumentSha256 = stored.Sha256;
            certificate.DocumentUploadedAt = clock.GetUtcNow();
            ForgetCheck(certificate);
            profile.ConcurrencyStamp = Guid.NewGuid();
            if (await db.SaveVersionedAsync(What, ct) is { } lost)
            {
                files.Delete(stored.Key);
                return lost;
            }
        }
        catch
        {
            files.Delete(stored.Key);
            throw;
        }
        if (previous is not null && !await InUseAsync(previous, ct)) files.Delete(previous);
        return (certificate, profile.ConcurrencyStamp);
    }

    /// <summary>Removes the certificate's document, in the profile's version <paramref name="expected"/> names (optional).</summary>
    public async Task<Outcome<(Certification Certificate, Guid Stamp)>> DetachAsync(Actor? actor, int organizationId, int certificationId, IfMatch expected, CancellationToken ct)
    {
        var found = await FindOwnAsync(actor, organizationId, certificationId, ct);
        if (found.Refusal is { } refused) return refused;
        var (profile, certificate) = found.Value;
        if (certificate.DocumentKey is not { } key) return Refusal.NotFound("The certificate's document");
        if (expected.Check(profile.ConcurrencyStamp, What) is { } stale) return stale;
        certificate.DocumentKey = certificate.DocumentName = certificate.DocumentContentType = certificate.DocumentSha256 = null;
        certificate.DocumentLength = null;
        certificate.DocumentUploadedAt = null;
        ForgetCheck(certificate);
        profile.ConcurrencyStamp = Guid.NewGuid();
        if (await db.SaveVersionedAsync(What, ct) is { } lost) return lost;
        if (!await InUseAsync(key, ct)) files.Delete(key);
        return (certificate, profile.ConcurrencyStamp);
    }

    /// <summary>Deletes the stored files among <paramref name="keys"/> that no certificate carries any more (after a profile save removed or changed certificates).</summary>
    public async Task ForgetUnusedAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        foreach (var key in keys.Distinct())
            if (!await InUseAsync(key, ct)) files.Delete(key);
    }

    /// <summary>The document to serve with its version (the profile's stamp), or not found for a caller who may not read it (see the class summary).</summary>
    public async Task<Outcome<(Certification Certificate, Stream Content, Guid Stamp)>> OpenAsync(Actor? actor, int organizationId, int certificationId, CancellationToken ct)
    {
        var row = await (
            from c in db.Certifications.AsNoTracking()
            join p in db.Profiles on c.ProfileId equals p.Id
            where c.Id == certificationId && p.OrganizationId == organizationId
            select new { Certificate = c, Published = p.Status == PublicationStatus.Published, Stamp = p.ConcurrencyStamp })
            .FirstOrDefaultAsync(ct);
        var sme = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct);
        if (actor is null || row is null || sme is null || !await MayReadAsync(actor, sme, row.Published, ct)) return Refusal.NotFound("The certificate");
        if (row.Certificate.DocumentKey is not { } key || files.Open(key) is not { } stream) return Refusal.NotFound("The certificate's document");
        return (row.Certificate, stream, row.Stamp);
    }

    /// <summary>Whether <paramref name="actor"/> may read the documents of <paramref name="sme"/>'s certificates (see the class summary).</summary>
    public async Task<bool> MayReadAsync(Actor actor, Organization sme, bool published, CancellationToken ct)
    {
        if (actor.IsMemberOf(sme.Id) || actor.IsPlatformAdmin) return true;
        if (published && (actor.IsMne || actor.OrganizationKind == OrganizationKind.Intermediary)) return true;
        if (actor.OrganizationKind != OrganizationKind.Intermediary) return false;
        var country = await db.Organizations.Where(o => o.Id == actor.OrganizationId).Select(o => o.Country).FirstOrDefaultAsync(ct);
        return EvidenceRules.MaxFor(actor, country, sme) is not null;
    }

    /// <summary>Settled before an upload is read: a stranger learns nothing and costs nothing.</summary>
    public async Task<Refusal?> CheckOwnAsync(Actor? actor, int organizationId, int certificationId, CancellationToken ct) =>
        actor is not null && actor.IsMemberOf(organizationId) && actor.IsSme
        && await db.Certifications.AnyAsync(c => c.Id == certificationId && db.Profiles.Any(p => p.Id == c.ProfileId && p.OrganizationId == organizationId), ct)
            ? null : Refusal.NotFound("The certificate");

    /// <summary>The certificate of the caller's own SME profile, tracked; another organisation's is not found.</summary>
    private async Task<Outcome<(CapabilityProfile Profile, Certification Certificate)>> FindOwnAsync(Actor? actor, int organizationId, int certificationId, CancellationToken ct)
    {
        if (actor is null || !actor.IsMemberOf(organizationId) || !actor.IsSme) return Refusal.NotFound("The certificate");
        var profile = await db.Profiles.Include(p => p.Certifications.Where(c => c.Id == certificationId))
            .FirstOrDefaultAsync(p => p.OrganizationId == organizationId, ct);
        // By id: a context that already tracks the profile (a page that loaded it) holds all its certificates.
        if (profile?.Certifications.FirstOrDefault(c => c.Id == certificationId) is not { } certificate) return Refusal.NotFound("The certificate");
        return (profile, certificate);
    }

    private static void ForgetCheck(Certification certificate)
    {
        if (certificate.Evidence == EvidenceLevel.DocumentChecked) certificate.Evidence = EvidenceLevel.SelfDeclared;
    }

    /// <summary>A saved profile carries an unchanged certificate's document over to its new row, so a key can outlive its first row.</summary>
    private Task<bool> InUseAsync(string key, CancellationToken ct) => db.Certifications.AnyAsync(c => c.DocumentKey == key, ct);
}
