using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.DevelopmentProgrammes;

/// <summary>
/// Open programmes worth an SME's look on its dashboard: not ended, not one it was already invited to, and in its
/// sector — an ISIC class of its profile, or an HS heading that covers (or is covered by) one of its
/// products. The runner enrols, so the dashboard only points the SME to them.
/// </summary>
public static class RelevantProgrammes
{
    public const int Shown = 5;

    public static async Task<List<ProgrammeDto>> ForAsync(AppDbContext db, ProgrammeService programmes, int orgId, DateOnly today, CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().Where(p => p.OrganizationId == orgId)
            .Select(p => new { p.IsicCodes, p.HsCodes }).FirstOrDefaultAsync(ct);
        if (profile is null) return [];
        var joined = db.Set<ProgrammeEnrolment>().Where(e => e.OrganizationId == orgId).Select(e => e.ProgrammeId);
        // Sector codes are JSON lists: the few open programmes are compared here rather than in SQL.
        var open = await programmes.PublicAsync(db.Set<DevelopmentProgramme>().Where(p => p.EndsOn >= today && p.OrganizationId != orgId && !joined.Contains(p.Id)), ct);
        return open.Where(p => p.IsicCodes.Intersect(profile.IsicCodes).Any()
                || p.HsCodes.Any(h => profile.HsCodes.Any(mine => mine.StartsWith(h, StringComparison.Ordinal) || h.StartsWith(mine, StringComparison.Ordinal))))
            .Take(Shown).ToList();
    }
}
