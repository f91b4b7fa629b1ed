using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Disclosures;

/// <summary>
/// A disclosure's evidence document: the certificates' upload checks and size limit, its own
/// version (the disclosure's stamp), and the certificates' reading rule (<see cref="Certificates.CertificateDocuments.MayReadAsync"/>).
/// </summary>
public sealed partial class DisclosureService
{
    public long MaxDocumentBytes => options.Value.MaxDocumentBytes;

    /// <summary>Settled before an upload is read: a stranger learns nothing and costs nothing.</summary>
    public async Task<Refusal?> CheckOwnDocumentAsync(Actor? actor, int organizationId, int id, CancellationToken ct) =>
        (await FindOwnAsync(actor, organizationId, id, ct)).Refusal;

    /// <summary>Stores the file as the disclosure's evidence, replacing any earlier one; a "document checked" level goes back to self-declared.</summary>
    public async Task<Outcome<Disclosure>> AttachAsync(Actor? actor, int organizationId, int id, Stream content, string rawName, long length, IfMatch expected, CancellationToken ct)
    {
        var found = await FindOwnAsync(actor, organizationId, id, ct);
        if (found.Refusal is { } refused) return refused;
        var disclosure = found.Value!;
        if (expected.Check(disclosure.ConcurrencyStamp, What) is { } stale) return stale;
        var (name, type, problem) = Certificates.CertificateDocumentStore.Check(rawName, length, MaxDocumentBytes, Profiles.ProfileLimits.Short, Certificates.CertificateDocumentStore.Extensions);
        if (problem is not null) return Refusal.Invalid("file", problem);
        var (stored, contentProblem) = await files.SaveMeasuredAsync(content, name!, MaxDocumentBytes, ct);
        if (stored is null) return Refusal.Invalid("file", contentProblem!);
        var previous = disclosure.DocumentKey;
        (disclosure.DocumentKey, disclosure.DocumentName, disclosure.DocumentContentType) = (stored.Key, name, type);
        (disclosure.DocumentLength, disclosure.DocumentSha256, disclosure.DocumentUploadedAt) = (stored.Length, stored.Sha256, clock.GetUtcNow());
        ForgetCheck(disclosure);
        if (await db.SaveVersionedAsync(What, ct) is { } lost)
        {
            files.Delete(stored.Key);
            return lost;
        }
        if (previous is not null) files.Delete(previous);
        return disclosure;
    }

    public async Task<Outcome<Disclosure>> DetachAsync(Actor? actor, int organizationId, int id, IfMatch expected, CancellationToken ct)
    {
        var found = await FindOwnAsync(actor, organizationId, id, ct);
        if (found.Refusal is { } refused) return refused;
        var disclosure = found.Value!;
        if (disclosure.DocumentKey is not { } key) return Refusal.NotFound("The disclosure's document");
        if (expected.Check(disclosure.ConcurrencyStamp, What) is { } stale) return stale;
        disclosure.DocumentKey = disclosure.DocumentName = disclosure.DocumentContentType = disclosure.DocumentSha256 = null;
        (disclosure.DocumentLength, disclosure.DocumentUploadedAt) = (null, null);
        ForgetCheck(disclosure);
        if (await db.SaveVersionedAsync(What, ct) is { } lost) return lost;
        files.Delete(key);
        return disclosure;
    }

    /// <summary>The document to serve, or not found for a caller who may not read it (the certificate documents' rule).</summary>
    public async Task<Outcome<(Disclosure Disclosure, Stream Content)>> OpenAsync(Actor? actor, int organizationId, int id, CancellationToken ct)
    {
        var disclosure = await db.Set<Disclosure>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.OrganizationId == organizationId, ct);
        var sme = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct);
        var published = await db.Profiles.AnyAsync(p => p.OrganizationId == organizationId && p.Status == Profiles.PublicationStatus.Published, ct);
        if (actor is null || disclosure is null || sme is null || !await certificateDocuments.MayReadAsync(actor, sme, published, ct)) return Refusal.NotFound("The disclosure");
        if (disclosure.DocumentKey is not { } key || files.Open(key) is not { } stream) return Refusal.NotFound("The disclosure's document");
        return (disclosure, stream);
    }

    private static void ForgetCheck(Disclosure disclosure)
    {
        if (disclosure.Evidence == EvidenceLevel.DocumentChecked) disclosure.Evidence = EvidenceLevel.SelfDeclared;
        disclosure.ConcurrencyStamp = Guid.NewGuid();
    }
}
