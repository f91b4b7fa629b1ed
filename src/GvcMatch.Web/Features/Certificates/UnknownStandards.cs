using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Certificates;

public sealed record UnknownStandardDto(string Name, int Certificates, int Requirements);

public sealed record UnknownStandardsDto(IReadOnlyList<UnknownStandardDto> Names);

public sealed record MappingInput(string? Name, string? Code, string? Scope);

public sealed record MappingResultDto(string Name, string Code, string? Scope, int CertificatesMoved);

/// <summary>
/// The admin queue of standard names the registry does not know: from certificates (stored by
/// their exact name) and from the criteria of recent requirements. Mapping one records the
/// decision and moves the certificates already stored under the name.
/// </summary>
public static class UnknownStandards
{
    /// <summary>Requirements read for criteria names: the most recently updated ones.</summary>
    public const int Window = 5_000;

    public static async Task<UnknownStandardsDto> ReadAsync(AppDbContext db, int take, CancellationToken ct)
    {
        var registry = CertificationRegistry.Default;
        var stored = await db.Certifications.AsNoTracking().GroupBy(c => c.Standard)
            .Select(g => new { Name = g.Key, Count = g.Count() }).ToListAsync(ct);
        var counts = new Dictionary<string, (string Shown, int Certificates, int Requirements)>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in stored.Where(s => registry.Resolve(s.Name) is null))
            counts[s.Name] = counts.TryGetValue(s.Name, out var c) ? (c.Shown, c.Certificates + s.Count, 0) : (s.Name, s.Count, 0);

        var requirements = await db.Requirements.AsNoTracking().OrderByDescending(r => r.UpdatedAt).Take(Window).ToListAsync(ct);
        foreach (var r in requirements)
        {
            var names = r.Criteria.Where(c => c.Kind == CriterionKind.CertificationHeld)
                .SelectMany(c => CertificationRequirement.From(c).Accepted).Where(a => a.Known is null).Select(a => a.Standard)
                .Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var name in names)
                counts[name] = counts.TryGetValue(name, out var c) ? (c.Shown, c.Certificates, c.Requirements + 1) : (name, 0, 1);
        }
        return new UnknownStandardsDto(counts.Values.OrderByDescending(c => c.Certificates + c.Requirements).ThenBy(c => c.Shown, StringComparer.OrdinalIgnoreCase)
            .Take(take).Select(c => new UnknownStandardDto(c.Shown, c.Certificates, c.Requirements)).ToList());
    }

    /// <summary>The mapping in registry terms, or errors by field.</summary>
    public static CertificationNameMapping? Check(MappingInput input, Errors errors)
    {
        var registry = CertificationRegistry.Default;
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "Give the name to map.");
        else if (input.Name.Trim().Length > CertificationCriterionRules.MaxStandardLength) errors.Add("name", $"At most {CertificationCriterionRules.MaxStandardLength} characters.");
        else if (registry.Resolve(input.Name) is not null) errors.Add("name", $"'{input.Name.Trim()}' is already known to the registry.");
        var standard = registry.Find(input.Code);
        if (standard is null) errors.Add("code", $"'{input.Code}' is not a registry code.");
        string? scope = null;
        if (standard is not null && !string.IsNullOrWhiteSpace(input.Scope))
        {
            if (CertificationCriterionRules.ScopeProblem(new ResolvedStandard(standard, null), input.Scope) is { } problem) errors.Add("scope", problem);
            else scope = CertificationRegistry.FindScope(standard, input.Scope)!.Code;
        }
        return errors.Any ? null : new CertificationNameMapping { Name = CertificationNaming.Key(input.Name!), Code = standard!.Code, Scope = scope };
    }

    /// <summary>
    /// Records (or replaces) the mapping, with its audit entry, and moves the certificates stored under
    /// the name; the caller saves. Returns how many certificates moved.
    /// </summary>
    public static async Task<int> MapAsync(AppDbContext db, AuditTrail audit, CertificationNameMapping mapping, string userId, DateTimeOffset now, CancellationToken ct)
    {
        await audit.AddAsync(userId, AuditActions.CertificateMapping, new AuditTarget("Certification", mapping.Code, mapping.Name), null,
            $"'{mapping.Name}' → {mapping.Code}{(mapping.Scope is null ? "" : " " + mapping.Scope)}", ct);
        var existing = await db.CertificationNameMappings.FirstOrDefaultAsync(m => m.Name == mapping.Name, ct);
        if (existing is null) db.CertificationNameMappings.Add(existing = mapping);
        existing.Code = mapping.Code;
        existing.Scope = mapping.Scope;
        existing.MappedByUserId = userId;
        existing.MappedAt = now;
        // Loaded and changed through the model (not a bulk update) so the index outbox hears about every profile.
        var candidates = await db.Certifications.Where(c => c.Standard.ToLower() == mapping.Name).ToListAsync(ct);
        foreach (var c in candidates)
        {
            c.Standard = mapping.Code;
            c.Scope ??= mapping.Scope;
        }
        return candidates.Count;
    }
}
