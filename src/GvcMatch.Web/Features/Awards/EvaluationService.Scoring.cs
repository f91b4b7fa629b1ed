using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Awards;

/// <summary>A bid's evaluation after one of its scores was written, with that score's new version.</summary>
public sealed record ScoredBid(BidEvaluationDto Bid, Guid Stamp);

/// <summary>One score as the buyer reads it before rescoring it; the stamp is null while the criterion is unscored.</summary>
public sealed record ScoreRead(ScoreDto Score, Guid? Stamp);

public sealed partial class EvaluationService
{
    private const string ScoreWhat = "this score";

    /// <summary>One criterion's score of one bid, for the buyer: the version a rescore names in If-Match.</summary>
    public async Task<Outcome<ScoreRead>> ReadScoreAsync(Actor actor, int bidId, int criterionIndex, CancellationToken ct)
    {
        var opened = await OpenScoreAsync(actor, bidId, criterionIndex, ct);
        if (opened.Refusal is { } refused) return refused;
        var board = await BoardAsync(opened.Value.Requirement, ct);
        var score = board.Bids.Single(b => b.BidId == bidId).Scores[criterionIndex];
        return new ScoreRead(score, score.ConcurrencyStamp);
    }

    /// <summary>
    /// The buyer's score of one criterion of one bid, always with a reason; it replaces a computed
    /// score too, in the version <paramref name="expected"/> names (If-Match or the page's stamp;
    /// optional). Scores are final once a lot the bid covers (or the whole requirement) is awarded.
    /// </summary>
    public async Task<Outcome<ScoredBid>> ScoreAsync(Actor actor, int bidId, int criterionIndex, ScoreInput input, IfMatch expected, CancellationToken ct)
    {
        var opened = await OpenScoreAsync(actor, bidId, criterionIndex, ct);
        if (opened.Refusal is { } refused) return refused;
        var (bid, r) = opened.Value;
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

        // The product's scores first, so that a score given before anyone opened the evaluation is
        // still judged against the verified facts the product would have scored.
        await EnsureComputedAsync(r, [await db.Bids.AsNoTracking().Include(b => b.Answers).FirstAsync(b => b.Id == bid.Id, ct)], ct);
        var now = clock.GetUtcNow();
        var row = await db.BidScores.FirstOrDefaultAsync(s => s.BidId == bid.Id && s.CriterionIndex == criterionIndex, ct);
        // A score not stored yet has no version: only a write without If-Match may create it.
        if (expected.Check(row?.ConcurrencyStamp, ScoreWhat) is { } stale) return stale;
        var contradicted = Contradicts(row, score);
        var overrideReason = contradicted is null ? null : input.OverrideReason?.Trim();
        if (contradicted is not null && string.IsNullOrEmpty(overrideReason))
            return Refusal.Invalid("overrideReason",
                $"The computed score {contradicted.Value.Computed:0.##} rests on a {contradicted.Value.Fact}: say why you set it aside (overrideReason).");
        if (overrideReason?.Length > AwardLimits.Reason)
            return Refusal.Invalid("overrideReason", $"At most {AwardLimits.Reason} characters (got {overrideReason.Length}).");
        if (contradicted is { } c) await AuditOverrideAsync(actor, bid, r, criterionIndex, c.Computed, c.Fact, score, overrideReason!, ct);
        if (row is null)
        {
            row = new BidScore { BidId = bid.Id, CriterionIndex = criterionIndex, Reason = "" };
            db.BidScores.Add(row);
        }
        var stamp = Guid.NewGuid();
        row.Score = Math.Round(score, 4);
        row.Reason = input.Reason.Trim();
        row.ComputedScore ??= row.Computed ? row.Score : null;
        row.Computed = false;
        row.OverrideReason = overrideReason;
        row.ScoredByUserId = actor.UserId;
        row.ScoredAt = now;
        row.ConcurrencyStamp = stamp;
        try
        {
            if (await db.SaveVersionedAsync(ScoreWhat, ct) is { } lost) return lost;
        }
        catch (DbUpdateException ex) when (DbConflicts.IsUniqueViolation(ex) && !expected.Given)
        {
            // The computed score was being stored at this very moment: write the buyer's over it. No
            // verified fact was known to the buyer's write, so none is contradicted.
            db.ChangeTracker.Clear();
            await db.BidScores.Where(s => s.BidId == bid.Id && s.CriterionIndex == criterionIndex).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Score, Math.Round(score, 4)).SetProperty(s => s.Reason, input.Reason.Trim()).SetProperty(s => s.Computed, false)
                .SetProperty(s => s.ScoredByUserId, actor.UserId).SetProperty(s => s.ScoredAt, now).SetProperty(s => s.ConcurrencyStamp, stamp), ct);
        }
        db.ChangeTracker.Clear();
        var board = await BoardAsync(r, ct);
        return new ScoredBid(board.Bids.Single(b => b.BidId == bid.Id), stamp);
    }

    /// <summary>
    /// The product's score and the verified fact it rests on, when <paramref name="score"/> would be lower:
    /// the buyer then sets a verified fact aside (a verified certificate met, scored as not met) and must say why.
    /// </summary>
    private static (double Computed, string Fact)? Contradicts(BidScore? row, double score)
    {
        if (row?.VerifiedFact is not { } fact) return null;
        var computed = row.ComputedScore ?? (row.Computed ? row.Score : (double?)null);
        return computed is { } c && Math.Round(score, 4) < c ? (c, fact) : null;
    }

    /// <summary>Staged with the score itself, so the trail never misses an override nor records one that was not saved.</summary>
    private async Task AuditOverrideAsync(Actor actor, Bid bid, Requirement r, int criterionIndex, double computed, string fact, double score, string reason,
        CancellationToken ct)
    {
        var names = await BidderNamesAsync(db, [bid], ct);
        var target = new Audit.AuditTarget(Audit.AuditTargets.Bid, bid.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), names[bid.Id].Name);
        await audit.AddAsync(actor.UserId, Audit.AuditActions.ScoreOverridden, target, r.OrganizationId,
            $"{BidScoring.Label(criterionIndex)} of \"{r.Title}\": computed {computed:0.##} from a {fact}, scored {score:0.##}. {reason}", ct);
    }

    /// <summary>The bid and its requirement when the caller is the buyer, bids have closed and the criterion exists.</summary>
    private async Task<Outcome<(Bid Bid, Requirement Requirement)>> OpenScoreAsync(Actor actor, int bidId, int criterionIndex, CancellationToken ct)
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
        return (bid, r);
    }

    /// <summary>The awards that decide a bid: of the whole requirement, or of a lot the bid covers.</summary>
    internal IQueryable<Award> DecidingAwards(Bid bid) =>
        db.Awards.AsNoTracking().Where(a => a.RequirementId == bid.RequirementId && (a.LotNumber == 0 || bid.Lots.Contains(a.LotNumber)));
}
