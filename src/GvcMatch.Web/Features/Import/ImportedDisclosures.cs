using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Disclosures;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Import;

/// <summary>
/// The disclosures of an imported profile: checked as the API checks them (errors under
/// <c>profile.disclosures[i]</c>), then added, or changed where the topic, year and scheme exist already.
/// An import never removes a disclosure: the past years stay.
/// </summary>
public static class ImportedDisclosures
{
    public static void Validate(List<DisclosureInput>? rows, Errors errors, DateOnly today)
    {
        for (var i = 0; i < (rows?.Count ?? 0); i++)
        {
            var own = new Errors();
            if (rows![i] is { } row) row.Validate(own, today);
            else own.Add("", "A disclosure cannot be null.");
            foreach (var (field, messages) in own.ToDictionary())
                foreach (var message in messages) errors.Add($"profile.disclosures[{i}].{field}".TrimEnd('.'), message);
        }
    }

    /// <returns>Whether anything was added or changed.</returns>
    public static async Task<bool> ApplyAsync(AppDbContext db, int organizationId, List<DisclosureInput>? rows, DateTimeOffset now, CancellationToken ct)
    {
        if (rows is not { Count: > 0 }) return false;
        var stored = await db.Set<Disclosure>().Where(d => d.OrganizationId == organizationId).ToListAsync(ct);
        var changed = false;
        foreach (var row in rows)
        {
            var probe = new Disclosure();
            row.ApplyTo(probe);
            var same = stored.FirstOrDefault(d => d.Topic == probe.Topic && d.Year == probe.Year && d.Scheme == probe.Scheme);
            if (same is null)
            {
                var added = new Disclosure { OrganizationId = organizationId, CreatedAt = now, UpdatedAt = now };
                row.ApplyTo(added);
                db.Add(added);
                stored.Add(added);
                changed = true;
            }
            else if (DisclosureInput.From(same) != DisclosureInput.From(probe))
            {
                row.ApplyTo(same);
                same.Evidence = GvcMatch.Matching.Certifications.EvidenceLevel.SelfDeclared;
                same.UpdatedAt = now;
                same.ConcurrencyStamp = Guid.NewGuid();
                changed = true;
            }
        }
        return changed;
    }
}
