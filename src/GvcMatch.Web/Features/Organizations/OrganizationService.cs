using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Authorization;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Organizations;

/// <summary>Editing an organisation's own details; the API and the organisation page both call it.</summary>
public sealed class OrganizationService(AppDbContext db, ReferenceData.ReferenceData reference, TimeProvider clock, ResourceAccess access)
{
    public async Task<Outcome<Organization>> UpdateAsync(Actor? actor, int id, OrganizationInput input, IfMatch expected, CancellationToken ct)
    {
        var loaded = await FindForChangeAsync(actor, id, ct);
        if (loaded.Refusal is { } refused) return refused;
        var org = loaded.Value!;
        if (expected.Check(org.ConcurrencyStamp, "this organisation") is { } stale) return stale;

        var errors = new Errors();
        input.Validate(errors, reference);
        if (input.Kind != org.Kind) errors.Add("kind", "The kind of an organisation cannot change.");
        // While the profile states an employee count, the band is derived from it (EmployeeBand): a
        // different band here would contradict the count that criteria and search read.
        var employees = await db.Profiles.Where(p => p.OrganizationId == id).Select(p => p.EmployeeCount).FirstOrDefaultAsync(ct);
        if (employees is { } count && Enum.IsDefined(input.SizeBand) && input.SizeBand.ToString() != GvcMatch.Matching.CompanySizes.BandOf(count))
            errors.Add("sizeBand", $"Your profile states {count} employees, which makes the size band {GvcMatch.Matching.CompanySizes.BandOf(count)}; change the employee count on the profile instead.");
        if (errors.Any) return Refusal.Invalid(errors);

        input.ApplyTo(org);
        org.UpdatedAt = clock.GetUtcNow();
        org.ConcurrencyStamp = Guid.NewGuid();
        if (await db.SaveVersionedAsync("this organisation", ct) is { } lost) return lost;
        return org;
    }

    /// <summary>The organisation if the caller is one of its owners.</summary>
    public async Task<Outcome<Organization>> FindForChangeAsync(Actor? actor, int id, CancellationToken ct)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (actor is null || org is null) return Refusal.NotFound("The organisation");
        if (await access.CheckAsync(actor, org, AccessOperations.EditOrganization) is { } denied) return denied;
        return org;
    }
}
