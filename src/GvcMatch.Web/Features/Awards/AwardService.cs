using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Awards;

/// <summary>
/// Awards a requirement (or one lot) to one bid, or cancels the requirement. Two awards of the same
/// lot at once cannot both be stored: the unique index on (requirement, lot) rejects the second,
/// and every decision also bumps the requirement's concurrency stamp, so decisions on different
/// lots (and an award racing a cancellation) are serialised too. The loser gets a 409.
/// </summary>
public sealed class AwardService(AppDbContext db, EvaluationService evaluation, Notifier notifier, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<AwardDto>> AwardAsync(Actor actor, int requirementId, AwardInput input, CancellationToken ct)
    {
        var (opened, refusal) = await evaluation.OpenForBuyerAsync(actor, requirementId, ct);
        if (refusal is not null) return refusal;
        var r = opened!;
        var lot = input.LotNumber;
        if (r.Lots.Count > 0 && !r.Lots.Any(l => l.Number == lot))
            return Refusal.Invalid("lotNumber", $"Name one of the requirement's lots ({string.Join(", ", r.Lots.Select(l => l.Number).Order())}).");
        if (r.Lots.Count == 0 && lot != 0)
            return Refusal.Invalid("lotNumber", "The requirement has no lots; award it whole with lotNumber 0.");
        if (input.Note is { Length: > AwardLimits.Reason })
            return Refusal.Invalid("note", $"At most {AwardLimits.Reason} characters (got {input.Note.Length}).");
        if (input.PaymentTermsDays is < 0 or > Offers.OfferLimits.MaxPaymentTermsDays)
            return Refusal.Invalid("paymentTermsDays", $"Payment terms are 0 to {Offers.OfferLimits.MaxPaymentTermsDays} days.");
        if (await db.Awards.AnyAsync(a => a.RequirementId == r.Id && a.LotNumber == lot, ct)) return Refusal.Conflict(AlreadyAwarded(lot));
        if (r.Status is not (RequirementStatus.Published or RequirementStatus.Closed))
            return Refusal.Conflict($"The requirement is {r.Status.ToString().ToLowerInvariant()}; it cannot be awarded.");

        var board = await evaluation.BoardAsync(r, ct);
        var entry = board.Bids.FirstOrDefault(b => b.BidId == input.BidId);
        if (entry is null) return Refusal.Invalid("bidId", "Not a submitted bid for this requirement.");
        if (lot != 0 && !entry.Lots.Contains(lot)) return Refusal.Invalid("bidId", $"The bid does not cover lot {lot}.");
        if (entry.Disqualified) return Refusal.Conflict($"The bid is disqualified and cannot win: {string.Join("; ", entry.DisqualifiedBy)}.");
        if (!entry.Complete)
            return Refusal.Conflict($"Score every criterion of this bid before awarding it (unscored: {string.Join(", ", entry.Scores.Where(s => s.Score is null).Select(s => s.Label))}).");

        var now = clock.GetUtcNow();
        var requirement = await db.Requirements.Include(x => x.Organization).FirstAsync(x => x.Id == r.Id, ct);
        var bid = await db.Bids.AsNoTracking().FirstAsync(b => b.Id == entry.BidId, ct);
        var award = new Award { RequirementId = r.Id, LotNumber = lot, BidId = bid.Id, Total = entry.Total, Note = Clean(input.Note), AwardedByUserId = actor.UserId, AwardedAt = now,
            PaymentTermsDays = input.PaymentTermsDays ?? bid.PaymentTermsDays };
        db.Awards.Add(award);
        db.OutcomeRecords.Add(await OutcomeAsync(requirement, bid, lot, board, now, ct));

        var decided = await db.Awards.Where(a => a.RequirementId == r.Id).Select(a => a.LotNumber).ToListAsync(ct);
        decided.Add(lot);
        if (requirement.Lots.Count == 0 || requirement.Lots.All(l => decided.Contains(l.Number)))
            RequirementLifecycle.Award(requirement, now, null);
        // Every decision touches the requirement, so its concurrency stamp orders concurrent decisions.
        requirement.UpdatedAt = now;
        requirement.ConcurrencyStamp = Guid.NewGuid();

        var bids = (await db.Bids.AsNoTracking().Where(b => b.RequirementId == r.Id && b.Status == BidStatus.Submitted).ToListAsync(ct))
            .Where(b => lot == 0 || b.Lots.Contains(lot)).ToList();
        var what = lot == 0 ? requirement.Title : $"lot {lot} of {requirement.Title}";
        await AuditAwardAsync(actor, requirement, bids, entry.Bidder, entry.Total, lot, ct);
        var staged = await notifier.StageAsync(db, await BidParty.UserIdsAsync(db, bids, ct), AwardNotificationKinds.Award,
            $"Awarded: {what}", $"{requirement.Organization.Name} awarded {what} to {entry.Bidder} ({entry.Total:0.##} of 100). Your debrief shows how your bid was scored.",
            $"/Requirements/{requirement.Id}", ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbConflicts.IsLostRace(ex))
        {
            db.ChangeTracker.Clear();
            return Refusal.Conflict(await db.Awards.AnyAsync(a => a.RequirementId == r.Id && a.LotNumber == lot, ct)
                ? $"{AlreadyAwarded(lot)} Another award was saved at the same moment."
                : "Another decision on this requirement was saved at the same moment; reload and try again.");
        }
        await notifier.PushAsync(staged);
        return new AwardDto(lot, EvaluationService.LotTitle(requirement, lot), bid.Id, entry.Bidder, award.Total, now, award.Note);
    }

    public async Task<Outcome<Requirement>> CancelAsync(Actor actor, int requirementId, CancelInput input, CancellationToken ct)
    {
        var r = await db.Requirements.Include(x => x.Organization).FirstOrDefaultAsync(x => x.Id == requirementId, ct);
        if (r is null || (!r.IsVisibleToEveryone && !actor.IsMemberOf(r.OrganizationId))) return Refusal.NotFound("The requirement");
        if (Access.CanManageRequirements(actor, r.OrganizationId) is { } forbidden) return Refusal.Forbidden(forbidden);
        if (string.IsNullOrWhiteSpace(input.Reason)) return Refusal.Invalid("reason", "Give the reason for cancelling; every bidder will see it.");
        if (input.Reason.Length > AwardLimits.Reason) return Refusal.Invalid("reason", $"At most {AwardLimits.Reason} characters (got {input.Reason.Length}).");
        var now = clock.GetUtcNow();
        if (RequirementLifecycle.Cancel(r, now, input.Reason) is { } refused) return Refusal.Conflict(refused);
        r.ConcurrencyStamp = Guid.NewGuid();

        var bids = await db.Bids.AsNoTracking().Where(b => b.RequirementId == r.Id && b.Status != BidStatus.Withdrawn).ToListAsync(ct);
        // A draft that was never published decided nothing; a published competition leaves its record.
        if (r.PublishedAt is { } published)
            db.OutcomeRecords.Add(new OutcomeRecord
            {
                RequirementId = r.Id, BuyerOrganizationId = r.OrganizationId, LotNumber = 0, Cancelled = true,
                BidCount = bids.Count(b => b.Status == BidStatus.Submitted), PublishedAt = published, DecidedAt = now, DaysToDecision = Days(published, now),
            });
        await audit.AddAsync(actor.UserId, AuditActions.RequirementCancelled, RequirementTarget(r), r.OrganizationId, r.StatusReason, ct);
        var staged = await notifier.StageAsync(db, await BidParty.UserIdsAsync(db, bids, ct), AwardNotificationKinds.Cancelled,
            $"Cancelled: {r.Title}", $"{r.Organization.Name} cancelled the requirement: {r.StatusReason}", $"/Requirements/{r.Id}", ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbConflicts.IsLostRace(ex))
        {
            db.ChangeTracker.Clear();
            return Refusal.Conflict("Another decision on this requirement was saved at the same moment; reload and try again.");
        }
        await notifier.PushAsync(staged);
        return r;
    }

    /// <summary>
    /// Stages the award's entry and one "debrief sent" per bid it decided (the award opens each
    /// bid's debrief to its party and tells them so), saved with the award itself.
    /// </summary>
    private async Task AuditAwardAsync(Actor actor, Requirement r, IReadOnlyList<Bid> decided, string winner, double total, int lot, CancellationToken ct)
    {
        var lotText = lot == 0 ? "The whole requirement" : $"Lot {lot}";
        await audit.AddAsync(actor.UserId, AuditActions.AwardMade, RequirementTarget(r), r.OrganizationId, $"{lotText} to {winner} ({total:0.##} of 100).", ct);
        var names = await EvaluationService.BidderNamesAsync(db, decided, ct);
        foreach (var bid in decided)
        {
            var name = names.TryGetValue(bid.Id, out var n) ? n.Name : null;
            await audit.AddAsync(actor.UserId, AuditActions.DebriefSent, new AuditTarget(AuditTargets.Bid, Id(bid.Id), name), bid.OrganizationId,
                $"{lotText} of \"{r.Title}\" decided; the debrief is open to the bidder.", ct);
        }
    }

    private static AuditTarget RequirementTarget(Requirement r) => new(AuditTargets.Requirement, Id(r.Id), r.Title);

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<OutcomeRecord> OutcomeAsync(Requirement r, Bid bid, int lot, EvaluationService.Board board, DateTimeOffset now, CancellationToken ct)
    {
        var members = await BidParty.OrganizationsAsync(db, [bid], ct);
        var orgIds = members[bid.Id];
        var smes = await db.Organizations.CountAsync(o => orgIds.Contains(o.Id) && o.Kind == OrganizationKind.Sme, ct);
        var published = r.PublishedAt ?? now;
        return new OutcomeRecord
        {
            RequirementId = r.Id, BuyerOrganizationId = r.OrganizationId, LotNumber = lot,
            WinnerOrganizationId = bid.OrganizationId, WinnerConsortiumId = bid.ConsortiumId,
            // A consortium counts as an SME winner when every one of its members is an SME.
            WinnerIsSme = smes > 0 && smes == orgIds.Count, SmeMemberCount = smes,
            Value = bid.Price, Currency = bid.Currency,
            BidCount = board.Bids.Count(b => lot == 0 || b.Lots.Contains(lot)),
            PublishedAt = published, DecidedAt = now, DaysToDecision = Days(published, now),
        };
    }

    private static double Days(DateTimeOffset from, DateTimeOffset to) => Math.Round((to - from).TotalDays, 2);

    private static string AlreadyAwarded(int lot) => lot == 0 ? "The requirement has already been awarded." : $"Lot {lot} has already been awarded.";

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
