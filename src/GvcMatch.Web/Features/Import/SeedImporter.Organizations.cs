using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Import;

public sealed partial class SeedImporter
{
    private const string ImportedBy = "import";

    private async Task<List<RowResult>> ApplyOrganizationsAsync(IReadOnlyList<SeedRow<OrganizationRow>> rows, CancellationToken ct)
    {
        var keys = rows.Select(r => r.Value.Key!.Trim()).ToList();
        var existing = await db.Organizations.Where(o => keys.Contains(o.Key)).ToDictionaryAsync(o => o.Key, ct);
        var now = clock.GetUtcNow();
        var results = new List<RowResult>(rows.Count);
        foreach (var row in rows)
        {
            var v = row.Value;
            var key = v.Key!.Trim();
            var errors = new Errors();
            if (v.Kind is null) errors.Add("kind", "This field is required (Sme, Mne or Intermediary).");
            if (v.SizeBand is null) errors.Add("sizeBand", "This field is required (Micro, Small, Medium or Large).");
            var input = new OrganizationInput
            {
                Name = v.Name ?? "", Kind = v.Kind ?? default, IntermediaryType = v.IntermediaryType, Country = v.Country ?? "",
                City = v.City, SizeBand = v.SizeBand ?? default, Website = v.Website, Description = v.Description,
            };
            input.Validate(errors, reference);
            var org = existing.GetValueOrDefault(key);
            if (org is not null && v.Kind is { } kind && org.Kind != kind)
                errors.Add("kind", $"'{key}' is already a {org.Kind}; the kind of an organisation cannot change.");
            if (errors.Any)
            {
                results.Add(Rejected(row, errors));
                continue;
            }

            if (org is null)
            {
                org = new Organization { Key = key, Kind = v.Kind!.Value, Name = "", Country = "", CreatedAt = now, UpdatedAt = now };
                input.ApplyTo(org);
                SetVerified(org, v.Verified, now);
                db.Organizations.Add(org);
                results.Add(Ok(RowOutcome.Created));
                continue;
            }
            input.ApplyTo(org);
            SetVerified(org, v.Verified, now);
            var entry = db.Entry(org);
            entry.DetectChanges();
            if (entry.State == EntityState.Modified) org.UpdatedAt = now;
            results.Add(Ok(entry.State == EntityState.Modified ? RowOutcome.Updated : RowOutcome.Unchanged));
        }
        return results;
    }

    private static void SetVerified(Organization org, bool verified, DateTimeOffset now)
    {
        if (org.Verified != verified) OrganizationVerification.Apply(org, verified, verified ? ImportedBy : null, null, now);
    }

    /// <summary>Stored documents that certificates carried before this import replaced or dropped them: deleted once no certificate carries them.</summary>
    private readonly List<string> _replacedDocuments = [];

    /// <summary>Files stored for the rows of the batch being saved; deleted again if its transaction rolls back.</summary>
    private readonly List<string> _stagedDocuments = [];

    private async Task<List<RowResult>> ApplyProfilesAsync(IReadOnlyList<SeedRow<OrganizationRow>> rows, IReadOnlyDictionary<string, string?> folders,
        ImportOrigin origin, CancellationToken ct)
    {
        var keys = rows.Select(r => r.Value.Key!.Trim()).ToList();
        var orgs = await db.Organizations.Include(o => o.Profile).ThenInclude(p => p!.Certifications)
            .Where(o => keys.Contains(o.Key)).AsSplitQuery().ToDictionaryAsync(o => o.Key, ct);
        var now = clock.GetUtcNow();
        var results = new List<RowResult>(rows.Count);
        foreach (var row in rows)
        {
            var v = row.Value.Profile!;
            var errors = new Errors();
            var input = ToInput(v);
            input.Validate(errors, reference, "profile.");
            if (!orgs.TryGetValue(row.Value.Key!.Trim(), out var org)) errors.Add("key", "The organisation of this profile was not saved.");
            else if (v.Status == PublicationStatus.Published && org.Profile?.Status != PublicationStatus.Published &&
                ProfilePublishing.Publish(new CapabilityProfile { Summary = input.Summary, Capabilities = input.Capabilities }, now) is { } refused)
                errors.Add("profile.status", refused);
            ImportedDisclosures.Validate(v.Disclosures, errors, DateOnly.FromDateTime(now.UtcDateTime));
            var staged = errors.Any ? [] : await documents.StageAsync(v, folders.GetValueOrDefault(row.File), origin, org!.Profile?.Certifications ?? [], errors, ct);
            if (errors.Any)
            {
                results.Add(Rejected(row, errors));
                continue;
            }
            _stagedDocuments.AddRange(staged.Where(s => !s.Existing).Select(s => s.File.Key));

            var profile = org!.Profile;
            var created = profile is null;
            profile ??= new CapabilityProfile { OrganizationId = org.Id, UpdatedAt = now };
            var previous = profile.Certifications.ToList();
            var previousRenewal = profile.RenewalDue;
            input.ApplyTo(profile, reference);
            EmployeeBand.Sync(org, profile);
            var certificationsChanged = !SameCertifications(previous, profile.Certifications);
            if (!certificationsChanged)
            {
                // ApplyTo rebuilds the list; put the tracked rows back so nothing is deleted and re-inserted.
                profile.Certifications.Clear();
                profile.Certifications.AddRange(previous);
            }
            else _replacedDocuments.AddRange(previous.Select(c => c.DocumentKey).OfType<string>());
            var (replaced, documentsChanged) = ImportedDocuments.Apply(staged, profile.Certifications, v, now);
            _replacedDocuments.AddRange(replaced);
            var status = v.Status ?? PublicationStatus.Draft;
            if (status == PublicationStatus.Published && profile.Status != status)
            {
                // Checked above, so this cannot refuse.
                ProfilePublishing.Publish(profile, now);
                // Publishing dates a renewal a year out; a date given in the file wins (demo data shows stale profiles too).
                if (v.RenewalDue is not null) profile.RenewalDue = v.RenewalDue;
            }
            else if (status == PublicationStatus.Published && v.RenewalDue is null)
            {
                profile.RenewalDue = previousRenewal;
            }
            else if (status == PublicationStatus.Draft && profile.Status != status)
            {
                ProfilePublishing.Unpublish(profile, now);
            }

            var disclosuresChanged = await ImportedDisclosures.ApplyAsync(db, org.Id, v.Disclosures, now, ct);
            if (created)
            {
                db.Profiles.Add(profile);
                results.Add(Ok(RowOutcome.Created));
                continue;
            }
            var entry = db.Entry(profile);
            entry.DetectChanges();
            var changed = certificationsChanged || documentsChanged || disclosuresChanged || entry.State == EntityState.Modified;
            if (changed) profile.UpdatedAt = now;
            results.Add(Ok(changed ? RowOutcome.Updated : RowOutcome.Unchanged));
        }
        return results;
    }

    /// <summary>After a rollback: no row carries the files staged for the batch (a row-by-row retry stages its own again).</summary>
    private void DiscardStagedDocuments()
    {
        foreach (var key in _stagedDocuments) documents.Delete(key);
        _stagedDocuments.Clear();
    }

    private async Task ForgetReplacedDocumentsAsync(CancellationToken ct)
    {
        foreach (var key in _replacedDocuments.Distinct())
            if (!await db.Certifications.AnyAsync(c => c.DocumentKey == key, ct)) documents.Delete(key);
        _replacedDocuments.Clear();
    }

    private static ProfileInput ToInput(ProfileRow v) => new()
    {
        Summary = v.Summary ?? "",
        Capabilities = v.Capabilities ?? [], Materials = v.Materials ?? [], Equipment = v.Equipment ?? [],
        IsicCodes = v.IsicCodes ?? [], HsCodes = v.HsCodes ?? [],
        Certifications = (v.Certifications ?? []).Select(c => c is null ? null! : new CertificationInput(c.Standard!, c.Issuer, c.Number, c.ValidUntil)
            { Scope = c.Scope, ValidFrom = c.ValidFrom, Evidence = c.Evidence }).ToList(),
        MonthlyCapacity = v.MonthlyCapacity, CapacityUnit = v.CapacityUnit, CapacityPeriod = v.CapacityPeriod, LeadTimeDays = v.LeadTimeDays,
        EmployeeCount = v.EmployeeCount, MinimumOrder = v.MinimumOrder, MinimumOrderUnit = v.MinimumOrderUnit,
        ExportMarkets = v.ExportMarkets ?? [], Languages = v.Languages ?? [], RenewalDue = v.RenewalDue,
    };

    private static bool SameCertifications(List<Certification> a, List<Certification> b) =>
        a.Count == b.Count && a.Zip(b).All(p =>
            p.First.Standard == p.Second.Standard && p.First.Issuer == p.Second.Issuer &&
            p.First.Number == p.Second.Number && p.First.ValidUntil == p.Second.ValidUntil &&
            p.First.Scope == p.Second.Scope && p.First.ValidFrom == p.Second.ValidFrom && p.First.Evidence == p.Second.Evidence);
}
