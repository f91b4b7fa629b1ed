using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Authorization;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Profiles;

/// <summary>
/// Every change to an SME's capability profile: save, publish and unpublish. The API and the
/// profile page call these, so who may write it and when it may be published are decided once.
/// </summary>
public sealed class ProfileService(AppDbContext db, ReferenceData.ReferenceData reference, TimeProvider clock, ResourceAccess access,
    Certificates.CertificateDocuments certificateDocuments)
{
    private const string What = "this profile";

    /// <summary>Creates the profile on its first save; the fields are written even if the caller goes on to publish and that is refused.</summary>
    public async Task<Outcome<CapabilityProfile>> SaveAsync(Actor? actor, int organizationId, ProfileInput input, IfMatch expected, CancellationToken ct)
    {
        var loaded = await FindForChangeAsync(actor, organizationId, ct);
        if (loaded.Refusal is { } refused) return refused;
        var org = loaded.Value!;
        if (expected.Check(org.Profile?.ConcurrencyStamp, What) is { } stale) return stale;

        var errors = new Errors();
        input.Validate(errors, reference);
        // Members of the SME self-declare; stronger evidence is set through the certificate evidence endpoint.
        Certificates.CertificateRecords.CheckEvidence(errors, input.Certifications, org.Profile?.Certifications ?? [], GvcMatch.Matching.Certifications.EvidenceLevel.SelfDeclared);
        if (errors.Any) return Refusal.Invalid(errors);

        org.Profile ??= new CapabilityProfile { OrganizationId = org.Id, Status = PublicationStatus.Draft };
        var documents = org.Profile.Certifications.Select(c => c.DocumentKey).OfType<string>().ToList();
        input.ApplyTo(org.Profile, reference);
        EmployeeBand.Sync(org, org.Profile);
        org.Profile.UpdatedAt = clock.GetUtcNow();
        var saved = await SaveAsync(org.Profile, ct);
        // A removed or changed certificate leaves its document behind: its file goes once no certificate carries it.
        if (saved.Ok) await certificateDocuments.ForgetUnusedAsync(documents, ct);
        return saved;
    }

    public Task<Outcome<CapabilityProfile>> PublishAsync(Actor? actor, int organizationId, IfMatch expected, CancellationToken ct) =>
        ChangeAsync(actor, organizationId, expected, p => ProfilePublishing.Publish(p, clock.GetUtcNow()), ct);

    public Task<Outcome<CapabilityProfile>> UnpublishAsync(Actor? actor, int organizationId, IfMatch expected, CancellationToken ct) =>
        ChangeAsync(actor, organizationId, expected, p =>
        {
            ProfilePublishing.Unpublish(p, clock.GetUtcNow());
            return null;
        }, ct);

    /// <summary>The caller's SME with its profile (null if none yet); anyone else is refused.</summary>
    public async Task<Outcome<Organization>> FindForChangeAsync(Actor? actor, int organizationId, CancellationToken ct)
    {
        var org = await db.Organizations.Include(o => o.Profile!).ThenInclude(p => p.Certifications).FirstOrDefaultAsync(o => o.Id == organizationId, ct);
        if (actor is null || org is null) return Refusal.NotFound("The organisation");
        if (await access.CheckAsync(actor, org, AccessOperations.ManageProfile) is { } denied) return denied;
        return org;
    }

    private async Task<Outcome<CapabilityProfile>> ChangeAsync(Actor? actor, int organizationId, IfMatch expected, Func<CapabilityProfile, string?> change,
        CancellationToken ct)
    {
        var loaded = await FindForChangeAsync(actor, organizationId, ct);
        if (loaded.Refusal is { } refused) return refused;
        var org = loaded.Value!;
        if (expected.Check(org.Profile?.ConcurrencyStamp, What) is { } stale) return stale;
        org.Profile ??= new CapabilityProfile { OrganizationId = org.Id, Status = PublicationStatus.Draft };
        if (change(org.Profile) is { } notAllowed) return Refusal.Conflict(notAllowed);
        return await SaveAsync(org.Profile, ct);
    }

    private async Task<Outcome<CapabilityProfile>> SaveAsync(CapabilityProfile profile, CancellationToken ct)
    {
        profile.ConcurrencyStamp = Guid.NewGuid();
        if (await db.SaveVersionedAsync(What, ct) is { } lost) return lost;
        return profile;
    }
}
