using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Certificates;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Disclosures;

/// <summary>
/// The one path the API and the page take to an SME's disclosures. Its own members add, change and
/// remove them (each year its own row, so history stays); they are read by anyone while the SME's
/// profile is published, and only by its members and admins before. Evidence levels follow the
/// certificates' rules (<see cref="EvidenceRules"/>): the SME self-declares, checkers raise.
/// </summary>
public sealed partial class DisclosureService(AppDbContext db, AuditTrail audit, VerificationService verification, DisclosureDocumentStore files,
    CertificateDocuments certificateDocuments, Microsoft.Extensions.Options.IOptions<CertificateOptions> options, TimeProvider clock)
{
    private const string What = "this disclosure";

    /// <summary>The SME's disclosures, latest year first within each topic, or 404 for a caller who may not read them.</summary>
    public async Task<Outcome<(Organization Sme, List<Disclosure> Disclosures)>> ListAsync(Actor? actor, int organizationId, CancellationToken ct)
    {
        if (await ReadableSmeAsync(actor, organizationId, ct) is not { } sme) return Refusal.NotFound("The organisation");
        var list = await db.Set<Disclosure>().AsNoTracking().Where(d => d.OrganizationId == organizationId).ToListAsync(ct);
        return (sme, Ordered(list));
    }

    public async Task<Outcome<Disclosure>> GetAsync(Actor? actor, int organizationId, int id, CancellationToken ct)
    {
        if (await ReadableSmeAsync(actor, organizationId, ct) is null) return Refusal.NotFound("The disclosure");
        var found = await db.Set<Disclosure>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.OrganizationId == organizationId, ct);
        return found is null ? Refusal.NotFound("The disclosure") : found;
    }

    public async Task<Outcome<Disclosure>> CreateAsync(Actor? actor, int organizationId, DisclosureInput input, CancellationToken ct)
    {
        if (await CheckOwnerAsync(actor, organizationId, ct) is { } refused) return refused;
        if (Check(input) is { } invalid) return invalid;
        if (await DuplicateAsync(organizationId, input, null, ct) is { } duplicate) return duplicate;
        var now = clock.GetUtcNow();
        var disclosure = new Disclosure { OrganizationId = organizationId, CreatedAt = now, UpdatedAt = now };
        input.ApplyTo(disclosure);
        db.Add(disclosure);
        await db.SaveChangesAsync(ct);
        return disclosure;
    }

    /// <summary>Changes a disclosure in the version <paramref name="expected"/> names (optional). Changed figures are self-declared again: what a checker saw is gone.</summary>
    public async Task<Outcome<Disclosure>> UpdateAsync(Actor? actor, int organizationId, int id, DisclosureInput input, IfMatch expected, CancellationToken ct)
    {
        var found = await FindOwnAsync(actor, organizationId, id, ct);
        if (found.Refusal is { } refused) return refused;
        var disclosure = found.Value!;
        if (expected.Check(disclosure.ConcurrencyStamp, What) is { } stale) return stale;
        if (Check(input) is { } invalid) return invalid;
        if (await DuplicateAsync(organizationId, input, id, ct) is { } duplicate) return duplicate;
        var before = DisclosureInput.From(disclosure);
        input.ApplyTo(disclosure);
        if (DisclosureInput.From(disclosure) != before) disclosure.Evidence = EvidenceLevel.SelfDeclared;
        disclosure.UpdatedAt = clock.GetUtcNow();
        disclosure.ConcurrencyStamp = Guid.NewGuid();
        return await db.SaveVersionedAsync(What, ct) is { } lost ? lost : disclosure;
    }

    public async Task<Outcome<Disclosure>> DeleteAsync(Actor? actor, int organizationId, int id, IfMatch expected, CancellationToken ct)
    {
        var found = await FindOwnAsync(actor, organizationId, id, ct);
        if (found.Refusal is { } refused) return refused;
        var disclosure = found.Value!;
        if (expected.Check(disclosure.ConcurrencyStamp, What) is { } stale) return stale;
        var key = disclosure.DocumentKey;
        db.Remove(disclosure);
        if (await db.SaveVersionedAsync(What, ct) is { } lost) return lost;
        if (key is not null) files.Delete(key);
        return disclosure;
    }

    /// <summary>Sets how far a disclosure has been checked: up to what <see cref="EvidenceRules"/> allows the actor on this SME.</summary>
    public async Task<Outcome<Disclosure>> SetEvidenceAsync(Actor? actor, int organizationId, int id, EvidenceLevel? level, string? note, CancellationToken ct)
    {
        var sme = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId && o.Kind == OrganizationKind.Sme, ct);
        if (sme is null || actor is null) return Refusal.NotFound("The organisation");
        if (EvidenceRules.MaxFor(actor, await verification.ActorCountryAsync(actor, ct), sme) is not { } allowed)
            return Refusal.Forbidden("Only the SME, a verified intermediary of its country or a platform admin sets a disclosure's evidence level.");
        var disclosure = await db.Set<Disclosure>().FirstOrDefaultAsync(d => d.Id == id && d.OrganizationId == organizationId, ct);
        if (disclosure is null) return Refusal.NotFound("The disclosure");
        if (level is not { } chosen || !Enum.IsDefined(chosen))
            return Refusal.Invalid("level", "Give an evidence level: SelfDeclared, DocumentChecked, VerifiedByIntermediary or VerifiedByIssuer.");
        if (chosen > allowed) return Refusal.Invalid("level", $"You may set evidence levels up to '{allowed}' on this disclosure, not '{chosen}'.");
        note = note?.Trim();
        if (note is { Length: > CertificateEvidence.MaxNote }) return Refusal.Invalid("note", $"At most {CertificateEvidence.MaxNote} characters.");
        disclosure.Evidence = chosen;
        disclosure.ConcurrencyStamp = Guid.NewGuid();
        await audit.AddAsync(actor.UserId, AuditActions.DisclosureEvidence, new AuditTarget(AuditTargets.Organization, sme.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), sme.Name),
            sme.Id, $"{disclosure.Topic} {disclosure.Year}: {chosen}. {note}".Trim(), ct);
        await db.SaveChangesAsync(ct);
        return disclosure;
    }

    /// <summary>Topic by topic, the latest year first: the order the profile and the page show.</summary>
    public static List<Disclosure> Ordered(IEnumerable<Disclosure> list) =>
        list.OrderBy(d => d.Topic).ThenByDescending(d => d.Year).ThenBy(d => d.Scheme).ThenBy(d => d.Id).ToList();

    private Refusal? Check(DisclosureInput input)
    {
        var errors = new Errors();
        input.Validate(errors, clock.Today());
        return errors.Any ? Refusal.Invalid(errors) : null;
    }

    /// <summary>One disclosure per topic, year and (for audits and minerals reports) scheme: a second is a change of the first.</summary>
    private async Task<Refusal?> DuplicateAsync(int organizationId, DisclosureInput input, int? except, CancellationToken ct)
    {
        var probe = new Disclosure();
        input.ApplyTo(probe);
        var exists = await db.Set<Disclosure>().AnyAsync(d => d.OrganizationId == organizationId && d.Topic == probe.Topic && d.Year == probe.Year
            && d.Scheme == probe.Scheme && d.Id != (except ?? 0), ct);
        return exists ? Refusal.Conflict($"A {probe.Topic} disclosure for {probe.Year}{(probe.Scheme is null ? "" : $" ({probe.Scheme})")} exists already: change that one instead.") : null;
    }

    /// <summary>The SME whose disclosures the actor may read: any one with a published profile; otherwise its members and platform admins only.</summary>
    private async Task<Organization?> ReadableSmeAsync(Actor? actor, int organizationId, CancellationToken ct)
    {
        var sme = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId && o.Kind == OrganizationKind.Sme, ct);
        if (sme is null) return null;
        if (actor is not null && (actor.IsMemberOf(organizationId) || actor.IsPlatformAdmin)) return sme;
        var published = await db.Profiles.AnyAsync(p => p.OrganizationId == organizationId && p.Status == PublicationStatus.Published, ct);
        return published ? sme : null;
    }

    private async Task<Refusal?> CheckOwnerAsync(Actor? actor, int organizationId, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId && o.Kind == OrganizationKind.Sme, ct)) return Refusal.NotFound("The organisation");
        return actor is not null && actor.IsMemberOf(organizationId) ? null : Refusal.Forbidden("Only the SME's own members change its disclosures.");
    }

    private async Task<Outcome<Disclosure>> FindOwnAsync(Actor? actor, int organizationId, int id, CancellationToken ct)
    {
        if (await CheckOwnerAsync(actor, organizationId, ct) is { } refused) return refused;
        var disclosure = await db.Set<Disclosure>().FirstOrDefaultAsync(d => d.Id == id && d.OrganizationId == organizationId, ct);
        return disclosure is null ? Refusal.NotFound("The disclosure") : disclosure;
    }
}
