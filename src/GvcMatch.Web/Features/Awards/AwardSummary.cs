using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Requirements;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Awards;

/// <summary>
/// The public side of an award: who won (each lot), with which total, and when. Published on the
/// requirement's page for everyone who may see the requirement; no other bid's figures appear.
/// </summary>
public static class AwardSummary
{
    public static async Task<IReadOnlyList<AwardDto>> ForRequirementAsync(AppDbContext db, Requirement r, CancellationToken ct)
    {
        var awards = await db.Awards.AsNoTracking().Where(a => a.RequirementId == r.Id).OrderBy(a => a.LotNumber).ToListAsync(ct);
        if (awards.Count == 0) return [];
        var bidIds = awards.Select(a => a.BidId).ToList();
        var bids = await db.Bids.AsNoTracking().Where(b => bidIds.Contains(b.Id)).ToListAsync(ct);
        var names = await EvaluationService.BidderNamesAsync(db, bids, ct);
        // The buyer's note is for the file and the bidders' debriefs, not the public page.
        return awards.Select(a => new AwardDto(a.LotNumber, EvaluationService.LotTitle(r, a.LotNumber), a.BidId,
            names.TryGetValue(a.BidId, out var n) ? n.Name : "—", a.Total, a.AwardedAt, null)).ToList();
    }
}
