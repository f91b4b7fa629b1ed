using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GvcMatch.Web.Features.Certificates;

/// <summary>
/// Applies the admins' name mappings to certificates as they are saved, whatever saves them (the
/// API, the pages, the import): a name an admin has mapped is stored under its registry code. It
/// runs inside SaveChanges so every app instance sees the mappings in the database, not a cache.
/// </summary>
public static class CertificationNaming
{
    private static List<Certification> Unresolved(ChangeTracker tracker) =>
        tracker.Entries<Certification>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified && CertificationRegistry.Default.Find(e.Entity.Standard) is null)
            .Select(e => e.Entity).ToList();

    public static async Task ApplyMappingsAsync(AppDbContext db, CancellationToken ct)
    {
        var pending = Unresolved(db.ChangeTracker);
        if (pending.Count == 0) return;
        var names = pending.Select(c => Key(c.Standard)).Distinct().ToList();
        var mappings = await db.CertificationNameMappings.AsNoTracking().Where(m => names.Contains(m.Name)).ToListAsync(ct);
        Apply(pending, mappings);
    }

    public static void ApplyMappings(AppDbContext db)
    {
        var pending = Unresolved(db.ChangeTracker);
        if (pending.Count == 0) return;
        var names = pending.Select(c => Key(c.Standard)).Distinct().ToList();
        Apply(pending, db.CertificationNameMappings.AsNoTracking().Where(m => names.Contains(m.Name)).ToList());
    }

    /// <summary>A typed name as mappings store it: trimmed, lower case.</summary>
    public static string Key(string name) => name.Trim().ToLowerInvariant();

    private static void Apply(List<Certification> pending, List<CertificationNameMapping> mappings)
    {
        if (mappings.Count == 0) return;
        var byName = mappings.ToDictionary(m => m.Name);
        foreach (var c in pending)
        {
            if (!byName.TryGetValue(Key(c.Standard), out var m)) continue;
            c.Standard = m.Code;
            c.Scope ??= m.Scope;
        }
    }
}
