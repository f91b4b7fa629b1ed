using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Awards;

public sealed partial class EvaluationService
{
    /// <summary>
    /// The buyer's score of one criterion of one bid, always with a reason; it replaces a computed
    /// score too. Scores are final once a lot the bid covers (or the whole requirement) is awarded.
    /// </summary>
    public async Task<Outcome<BidEvaluationDto>> ScoreAsync(Actor actor, int bidId, int criterionIndex, ScoreInput input, CancellationToken ct)
    {
        var bid = await db.Bids.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bidId, ct);
        // Drafts are never shown to the buyer, so to the buyer a draft does not exist.
        if (bid is null || bid.Status == BidStatus.Draft) return Refusal.NotFound("The bid");
        var r = await db.Requirements.AsNoTracking().Include(x => x.Organization).FirstAsync(x => x.Id == bid.RequirementId, ct);
        if (!actor.IsMemberOf(r.OrganizationId))
            return await BidParty.IncludesAsync(db, actor, bid, ct) ? Refusal.Forbidden("Only the buyer scores bids.") : Refusal.NotFound("The bid");
        // A sealed bid is answered as an id that does not exist, so the buyer cannot count the bids before the deadline.
        if (r.BidsCloseAt is null || !r.DeadlinePassed(clock.GetUtcNow())) return Refusal.NotFound("The bid");

        if (criterionIndex < 0 || criterionIndex >= r.Criteria.Count)
            return Refusal.Invalid("criterionIndex", r.Criteria.Count == 0
                ? "The requirement publishes no criteria."
                : $"Unknown criterion; the requirement publishes C1 to C{r.Criteria.Count} (indexes 0 to {r.Criteria.Count - 1}).");
        if (input.Score is not { } score || double.IsNaN(score) || score < 0 || score > 1)
            return Refusal.Invalid("score", "A score from 0 to 1 is required.");
        if (string.IsNullOrWhiteSpace(input.Reason))
            return Refusal.Invalid("reason", "Give the reason for this score; the bidder reads it in its debrief.");
        if (input.Reason.Length > AwardLimits.Reason)
            return Refusal.Invalid("reason", $"At most {AwardLimits.Reason} characters (got {input.Reason.Length}).");

        if (bid.Status == BidStatus.Withdrawn) return Refusal.Conflict("The bid was withdrawn; it is not evaluated.");
        if (r.Status is RequirementStatus.Awarded or RequirementStatus.Cancelled)
            return Refusal.Conflict($"The requirement is {r.Status.ToString().ToLowerInvariant()}; its evaluation is closed.");
        if (await DecidingAwards(bid).AnyAsync(ct))
            return Refusal.Conflict("What this bid covers has been awarded; its scores are final.");

        var now = clock.GetUtcNow();
        var row = await db.BidScores.FirstOrDefaultAsync(s => s.BidId == bid.Id && s.CriterionIndex == criterionIndex, ct);
        if (row is null)
        {
            row = new BidScore { BidId = bid.Id, CriterionIndex = criterionIndex, Reason = "" };
            db.BidScores.Add(row);
        }
        row.Score = Math.Round(score, 4);
        row.Reason = input.Reason.Trim();
        row.Computed = false;
        row.ScoredByUserId = actor.UserId;
        row.ScoredAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbConflicts.IsUniqueViolation(ex))
        {
            // The computed score was being stored at this very moment: write the buyer's over it.
            db.ChangeTracker.Clear();
            await db.BidScores.Where(s => s.BidId == bid.Id && s.CriterionIndex == criterionIndex).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Score, Math.Round(score, 4)).SetProperty(s => s.Reason, input.Reason.Trim()).SetProperty(s => s.Computed, false)
                .SetProperty(s => s.ScoredByUserId, actor.UserId).SetProperty(s => s.ScoredAt, now), ct);
        }
        db.ChangeTracker.Clear();
        var board = await BoardAsync(r, ct);
        return board.Bids.Single(b => b.BidId == bid.Id);
    }

    /// <summary>The awards that decide a bid: of the whole requirement, or of a lot the bid covers.</summary>
    internal IQueryable<Award> DecidingAwards(Bid bid) =>
        db.Awards.AsNoTracking().Where(a => a.RequirementId == bid.RequirementId && (a.LotNumber == 0 || bid.Lots.Contains(a.LotNumber)));
}
