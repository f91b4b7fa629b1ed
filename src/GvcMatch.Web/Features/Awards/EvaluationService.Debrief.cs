using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Awards;

public sealed partial class EvaluationService
{
    /// <summary>
    /// A bidder's debrief: its own scores with reasons, its total and rank, the winning total and the
    /// number of bids. It is built from the same board as the buyer's evaluation, but only the
    /// caller's own row leaves this method: other bidders' scores never do.
    /// </summary>
    public async Task<Outcome<DebriefDto>> DebriefAsync(Actor actor, int bidId, CancellationToken ct)
    {
        var bid = await db.Bids.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bidId, ct);
        if (bid is null || !await BidParty.IncludesAsync(db, actor, bid, ct)) return Refusal.NotFound("The bid");
        if (bid.Status != BidStatus.Submitted) return Refusal.Conflict("Only submitted bids are evaluated and debriefed.");
        var r = await db.Requirements.AsNoTracking().Include(x => x.Organization).FirstAsync(x => x.Id == bid.RequirementId, ct);
        var deciding = await DecidingAwards(bid).ToListAsync(ct);
        if (deciding.Count == 0)
            return Refusal.Conflict(r.Status == RequirementStatus.Cancelled
                ? $"The requirement was cancelled: {r.StatusReason}"
                : "The debrief opens once the buyer has awarded the requirement or a lot this bid covers.");

        var board = await BoardAsync(r, ct);
        var own = board.Bids.Single(b => b.BidId == bid.Id);
        var awards = board.Awards.Where(a => deciding.Any(d => d.LotNumber == a.LotNumber)).ToList();
        var closes = ComplaintsCloseAt(deciding);
        return new DebriefDto(bid.Id, r.Id, r.Title, own.Bidder, CriterionHeadDto.From(r.Criteria), own.Scores, own.Total,
            own.Disqualified, own.DisqualifiedBy, own.Rank, board.Bids.Count, awards.Max(a => a.Total), own.AwardedLots.Count > 0,
            awards, closes, clock.GetUtcNow() < closes);
    }

    /// <summary>The complaint period runs from the first award that decided the bid.</summary>
    internal DateTimeOffset ComplaintsCloseAt(IEnumerable<Award> deciding) =>
        deciding.Min(a => a.AwardedAt).AddDays(options.Value.ComplaintDays);
}
