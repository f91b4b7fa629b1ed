using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Import;

public sealed partial class SeedImporter
{
    private async Task<List<RowResult>> ApplyIpListingsAsync(IReadOnlyList<SeedRow<IpListingRow>> rows, Dictionary<string, OrgRef> orgs, CancellationToken ct)
    {
        var keys = rows.Select(r => r.Value.Key!.Trim()).ToList();
        var existing = await db.IpListings.Where(i => keys.Contains(i.Key)).ToDictionaryAsync(i => i.Key, ct);
        var now = clock.GetUtcNow();
        var results = new List<RowResult>(rows.Count);
        foreach (var row in rows)
        {
            var v = row.Value;
            var errors = new Errors();
            var owner = Owner(v.Organization, orgs, OrganizationKind.Sme, "only SMEs offer IP listings", errors);
            if (v.Kind is null) errors.Add("kind", "This field is required.");
            if (v.LegalStatus is null) errors.Add("legalStatus", "This field is required.");
            var input = new IpListingInput
            {
                Kind = v.Kind ?? default, Title = v.Title ?? "", Abstract = v.Abstract ?? "", IpcClasses = v.IpcClasses ?? [],
                Jurisdictions = v.Jurisdictions ?? [], ApplicationNumber = v.ApplicationNumber, GrantNumber = v.GrantNumber,
                LegalStatus = v.LegalStatus ?? default, ReadinessLevel = v.ReadinessLevel, OfferTypes = v.OfferTypes ?? [],
                IndicativeTerms = v.IndicativeTerms,
            };
            input.Validate(errors, reference);
            if (errors.Any)
            {
                results.Add(Rejected(row, errors));
                continue;
            }

            var key = v.Key!.Trim();
            var ip = existing.GetValueOrDefault(key);
            var created = ip is null;
            ip ??= new IpListing { Key = key, Title = "", CreatedAt = now, UpdatedAt = now };
            ip.OrganizationId = owner!.Id;
            input.ApplyTo(ip);
            var status = v.Status ?? PublicationStatus.Draft;
            if (ip.Status != status || created) IpListingPublishing.SetStatus(ip, status, now);
            if (created)
            {
                db.IpListings.Add(ip);
                results.Add(Ok(RowOutcome.Created));
                continue;
            }
            var entry = db.Entry(ip);
            entry.DetectChanges();
            if (entry.State == EntityState.Modified) ip.UpdatedAt = now;
            results.Add(Ok(entry.State == EntityState.Modified ? RowOutcome.Updated : RowOutcome.Unchanged));
        }
        return results;
    }

    private async Task<List<RowResult>> ApplyRequirementsAsync(IReadOnlyList<SeedRow<RequirementRow>> rows, Dictionary<string, OrgRef> orgs, CancellationToken ct)
    {
        var keys = rows.Select(r => r.Value.Key!.Trim()).ToList();
        var existing = await db.Requirements.Where(r => keys.Contains(r.Key)).ToDictionaryAsync(r => r.Key, ct);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var results = new List<RowResult>(rows.Count);
        foreach (var row in rows)
        {
            var v = row.Value;
            var errors = new Errors();
            var owner = Owner(v.Organization, orgs, OrganizationKind.Mne, "only MNEs post requirements", errors);
            var status = v.Status ?? RequirementStatus.Draft;
            if (status is not (RequirementStatus.Draft or RequirementStatus.Published or RequirementStatus.Closed))
                errors.Add("status", "Seeds hold Draft, Published or Closed requirements.");
            var input = new RequirementInput
            {
                Title = v.Title ?? "", Description = v.Description ?? "", IsicCodes = v.IsicCodes ?? [], HsCodes = v.HsCodes ?? [],
                Quantity = v.Quantity, QuantityUnit = v.QuantityUnit, QuantityPeriod = v.QuantityPeriod,
                DeliveryCountry = v.DeliveryCountry, DeliveryCity = v.DeliveryCity, ResponseDeadline = v.ResponseDeadline,
                ContractStart = v.ContractStart, ContractMonths = v.ContractMonths, Criteria = v.Criteria ?? [],
            };
            // Closed requirements are history: their dates may lie in the past.
            input.Validate(errors, reference, status == RequirementStatus.Closed ? null : today);
            var key = v.Key!.Trim();
            var r = existing.GetValueOrDefault(key);
            if (r is not null && TransitionError(r.Status, status) is { } problem) errors.Add("status", problem);
            if (errors.Any)
            {
                results.Add(Rejected(row, errors));
                continue;
            }

            var created = r is null;
            r ??= new Requirement { Key = key, Title = "", CreatedAt = now, UpdatedAt = now };
            r.OrganizationId = owner!.Id;
            input.ApplyTo(r);
            var edited = false;
            if (!created)
            {
                var entry = db.Entry(r);
                entry.DetectChanges();
                edited = entry.State == EntityState.Modified;
                if (r.Status is not (RequirementStatus.Draft or RequirementStatus.Published))
                {
                    // Closed, awarded or cancelled: history that an import may only confirm, never rewrite.
                    if (edited) { entry.State = EntityState.Detached; results.Add(Rejected(row, "status", $"A {r.Status.ToString().ToLowerInvariant()} requirement cannot be edited.")); }
                    else results.Add(Ok(RowOutcome.Unchanged));
                    continue;
                }
                if (edited) RequirementLifecycle.RecordEdit(r, now, "Updated by import.");
            }

            var moved = MoveTo(r, status, now, out var refused);
            if (refused is not null)
            {
                if (!created) db.Entry(r).State = EntityState.Detached;
                results.Add(Rejected(row, "status", refused));
                continue;
            }
            if (created) db.Requirements.Add(r);
            results.Add(Ok(created ? RowOutcome.Created : edited || moved ? RowOutcome.Updated : RowOutcome.Unchanged));
        }
        return results;
    }

    /// <summary>Which status changes an import may make to an existing requirement.</summary>
    private static string? TransitionError(RequirementStatus current, RequirementStatus wanted) => (current, wanted) switch
    {
        _ when current == wanted => null,
        (RequirementStatus.Draft, _) => null,
        (RequirementStatus.Published, RequirementStatus.Closed) => null,
        (RequirementStatus.Published, RequirementStatus.Draft) => "A published requirement cannot go back to draft.",
        _ => $"A {current.ToString().ToLowerInvariant()} requirement cannot become {wanted.ToString().ToLowerInvariant()}.",
    };

    /// <summary>Brings the requirement to the wanted status through the lifecycle, so publication writes its versions.</summary>
    private static bool MoveTo(Requirement r, RequirementStatus wanted, DateTimeOffset now, out string? refused)
    {
        refused = null;
        if (r.Status == wanted) return false;
        if (r.Status == RequirementStatus.Draft)
        {
            if (wanted == RequirementStatus.Closed)
            {
                // A closed requirement was published once; its deadline has usually passed, so
                // record that publication as an edit of a published requirement, then close it.
                r.Status = RequirementStatus.Published;
                r.PublishedAt = now;
                RequirementLifecycle.RecordEdit(r, now, "Imported as closed.");
            }
            else
            {
                refused = RequirementLifecycle.Publish(r, now);
                if (refused is not null) return false;
            }
        }
        if (wanted == RequirementStatus.Closed) refused = RequirementLifecycle.Close(r, now);
        return refused is null;
    }

    private static OrgRef? Owner(string? key, Dictionary<string, OrgRef> orgs, OrganizationKind kind, string rule, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            errors.Add("organization", "Give the key of the owning organisation.");
            return null;
        }
        if (!orgs.TryGetValue(key.Trim(), out var owner))
        {
            errors.Add("organization", $"Unknown organisation '{key}'.");
            return null;
        }
        if (owner.Kind != kind)
        {
            errors.Add("organization", $"'{key}' is {Describe(owner.Kind)}; {rule}.");
            return null;
        }
        return owner;
    }

    private static string Describe(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Sme => "an SME",
        OrganizationKind.Mne => "an MNE",
        _ => "an intermediary",
    };
}
