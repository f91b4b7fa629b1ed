using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Certificates;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Import;

/// <summary>
/// Finds the standard names of loaded rows that neither the registry nor an admin's mapping knows,
/// so the report can list them: an outside data set with a standard the product has not heard of
/// loads, and the admin learns what to map.
/// </summary>
internal static class ImportedStandards
{
    public static async Task<List<ImportError>> UnknownAsync(
        AppDbContext db, IReadOnlyList<SeedRow<OrganizationRow>> profiles, IReadOnlyList<SeedRow<RequirementRow>> requirements, CancellationToken ct)
    {
        var found = new List<(string File, int Line, string Field, string Name)>();
        foreach (var row in profiles)
        {
            var certs = row.Value.Profile?.Certifications ?? [];
            for (var i = 0; i < certs.Count; i++)
                if (certs[i]?.Standard is { } name && CertificationRegistry.Default.Resolve(name) is null)
                    found.Add((row.File, row.Line, $"profile.certifications[{i}].standard", name.Trim()));
        }
        foreach (var row in requirements)
        {
            var criteria = row.Value.Criteria ?? [];
            for (var i = 0; i < criteria.Count; i++)
            {
                if (criteria[i] is not { Kind: CriterionKind.CertificationHeld } c) continue;
                if (c.AnyOf is { Count: > 0 } list)
                {
                    for (var j = 0; j < list.Count; j++)
                        if (list[j]?.Standard is { } name && CertificationRegistry.Default.Resolve(name) is null)
                            found.Add((row.File, row.Line, $"criteria[{i}].anyOf[{j}].standard", name.Trim()));
                }
                else if (c.Standard is { } name && CertificationRegistry.Default.Resolve(name) is null)
                {
                    found.Add((row.File, row.Line, $"criteria[{i}].standard", name.Trim()));
                }
            }
        }
        if (found.Count == 0) return [];
        var keys = found.Select(f => CertificationNaming.Key(f.Name)).Distinct().ToList();
        var mapped = (await db.CertificationNameMappings.AsNoTracking().Where(m => keys.Contains(m.Name)).Select(m => m.Name).ToListAsync(ct)).ToHashSet();
        return found.Where(f => !mapped.Contains(CertificationNaming.Key(f.Name)))
            .Select(f => new ImportError(f.File, f.Line, f.Field,
                $"'{f.Name}' is not in the certification registry: loaded under this exact name and queued for an admin to map."))
            .ToList();
    }
}
