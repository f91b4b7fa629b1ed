using GvcMatch.Matching;
using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.SupportProgrammes;

/// <summary>Searching the directory, and the programmes that help close one kind of gap.</summary>
public static class ProgrammeDirectory
{
    /// <summary>Programmes shown beside one gap: the SME's own country's first, then international ones.</summary>
    public const int PerGap = 3;

    /// <summary>What kind of help closes a gap in a criterion of this kind (none for what a supplier cannot change).</summary>
    public static IReadOnlyList<ProgrammeKind> KindsFor(CriterionKind kind) => kind switch
    {
        CriterionKind.CertificationHeld => [ProgrammeKind.CertificationSupport],
        CriterionKind.CapacityAtLeast => [ProgrammeKind.Finance],
        CriterionKind.LeadTimeAtMost => [ProgrammeKind.Training, ProgrammeKind.Finance],
        CriterionKind.CapabilityFit => [ProgrammeKind.Training, ProgrammeKind.Finance],
        CriterionKind.ExportExperience => [ProgrammeKind.ExportPromotion, ProgrammeKind.TradeFairs],
        // Measuring a footprint or passing an audit is what certification support and training help with.
        CriterionKind.DisclosureProvided => [ProgrammeKind.CertificationSupport, ProgrammeKind.Training],
        _ => [],
    };

    public static IQueryable<SupportProgramme> Search(AppDbContext db, string? q, string? country, ProgrammeKind? kind)
    {
        var query = db.SupportProgrammes.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(country))
        {
            var code = country.Trim().ToUpperInvariant();
            query = query.Where(p => p.Country == code || p.Country == null);
        }
        if (kind is { } k) query = query.Where(p => p.Kind == k);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var words = q.Trim().ToLowerInvariant();
            query = query.Where(p => p.Name.ToLower().Contains(words) || p.Provider.ToLower().Contains(words)
                || p.Summary.ToLower().Contains(words) || p.Eligibility.ToLower().Contains(words));
        }
        return query;
    }

    /// <summary>For each criterion kind, the programmes open to an SME of this country and size band.</summary>
    public static async Task<Func<CriterionKind, IReadOnlyList<SupportProgramme>>> RelevantAsync(
        AppDbContext db, string country, string sizeBand, IEnumerable<CriterionKind> gapKinds, CancellationToken ct)
    {
        var kinds = gapKinds.SelectMany(KindsFor).Distinct().ToList();
        if (kinds.Count == 0) return _ => [];
        var code = country.ToUpperInvariant();
        var candidates = (await db.SupportProgrammes.AsNoTracking()
                .Where(p => kinds.Contains(p.Kind) && (p.Country == code || p.Country == null)).ToListAsync(ct))
            .Where(p => p.SizeBands.Count == 0 || p.SizeBands.Contains(sizeBand, StringComparer.OrdinalIgnoreCase))
            .ToList();
        return kind =>
        {
            var wanted = KindsFor(kind);
            return candidates.Where(p => wanted.Contains(p.Kind))
                .OrderBy(p => p.Country is null).ThenBy(p => wanted.ToList().IndexOf(p.Kind)).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id)
                .Take(PerGap).ToList();
        };
    }
}
