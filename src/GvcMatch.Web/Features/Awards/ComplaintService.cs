using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Awards;

/// <summary>
/// Complaints about an evaluation. A bidder lodges one, and posts in its thread, within the
/// complaint period after the award that decided its bid; the buyer may answer at any time (a
/// complaint lodged on the last day still deserves an answer) and closes the thread with its answer.
/// Posts are never edited or deleted: the thread is the record.
/// </summary>
public sealed class ComplaintService(AppDbContext db, EvaluationService evaluation, Notifier notifier, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<ComplaintDto>> LodgeAsync(Actor actor, int bidId, ComplaintInput input, CancellationToken ct)
    {
        var bid = await db.Bids.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bidId, ct);
        if (bid is null || !await BidParty.IncludesAsync(db, actor, bid, ct)) return Refusal.NotFound("The bid");
        if (string.IsNullOrWhiteSpace(input.Subject)) return Refusal.Invalid("subject", "Say in a line what the complaint is about.");
        if (input.Subject.Length > AwardLimits.Subject) return Refusal.Invalid("subject", $"At most {AwardLimits.Subject} characters (got {input.Subject.Length}).");
        if (TextProblem(input.Text) is { } text) return text;
        if (bid.Status != BidStatus.Submitted) return Refusal.Conflict("Only a submitted bid's evaluation can be complained about.");
        if (await WindowProblemAsync(bid, ct) is { } closed) return closed;

        var now = clock.GetUtcNow();
        var complaint = new Complaint
        {
            RequirementId = bid.RequirementId, BidId = bid.Id, OrganizationId = actor.OrganizationId!.Value, Subject = input.Subject.Trim(), LodgedAt = now,
            Entries = [new ComplaintEntry { FromBuyer = false, UserId = actor.UserId, Text = input.Text!.Trim(), PostedAt = now }],
        };
        db.Complaints.Add(complaint);
        var buyer = await db.Requirements.Where(r => r.Id == bid.RequirementId).Select(r => new { r.OrganizationId, r.Title }).FirstAsync(ct);
        // The complaint's id is not known before the save; the entry names the bid it is about.
        await audit.AddAsync(actor.UserId, AuditActions.ComplaintLodged, new AuditTarget(AuditTargets.Bid, Id(bid.Id), buyer.Title), buyer.OrganizationId,
            complaint.Subject, ct);
        var staged = await notifier.StageAsync(db, await BidParty.UsersOfAsync(db, [buyer.OrganizationId], ct), AwardNotificationKinds.Complaint,
            $"Complaint about the evaluation of {buyer.Title}", complaint.Subject, $"/Awards/Evaluation/{bid.RequirementId}#complaints", ct);
        await db.SaveChangesAsync(ct);
        await notifier.PushAsync(staged);
        return (await ListAsync(q => q.Where(c => c.Id == complaint.Id), ct)).Single();
    }

    public async Task<Outcome<ComplaintDto>> PostAsync(Actor actor, int complaintId, ComplaintPostInput input, CancellationToken ct)
    {
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == complaintId, ct);
        if (complaint is null) return Refusal.NotFound("The complaint");
        var bid = await db.Bids.AsNoTracking().FirstAsync(b => b.Id == complaint.BidId, ct);
        var buyerId = await db.Requirements.Where(r => r.Id == bid.RequirementId).Select(r => r.OrganizationId).FirstAsync(ct);
        var fromBuyer = actor.IsMemberOf(buyerId);
        if (!fromBuyer && !await BidParty.IncludesAsync(db, actor, bid, ct)) return Refusal.NotFound("The complaint");
        if (TextProblem(input.Text) is { } text) return text;
        if (input.Close && !fromBuyer) return Refusal.Invalid("close", "Only the buyer closes a complaint, with its answer.");
        if (input.Upheld is not null && !input.Close) return Refusal.Invalid("upheld", "A verdict is given when closing the complaint.");
        if (complaint.Closed) return Refusal.Conflict("The complaint is closed; its thread is kept as it is.");
        if (!fromBuyer && await WindowProblemAsync(bid, ct) is { } closed) return closed;

        var now = clock.GetUtcNow();
        db.Add(new ComplaintEntry { ComplaintId = complaint.Id, FromBuyer = fromBuyer, UserId = actor.UserId, Text = input.Text!.Trim(), PostedAt = now });
        // Closing is saved with the answer that closes it: one save, so neither is kept without the other.
        if (input.Close)
        {
            complaint.Closed = true;
            complaint.Upheld = input.Upheld;
        }
        await audit.AddAsync(actor.UserId, input.Close ? AuditActions.ComplaintClosed : AuditActions.ComplaintPosted,
            new AuditTarget(AuditTargets.Complaint, Id(complaint.Id), complaint.Subject), fromBuyer ? bid.OrganizationId : buyerId,
            fromBuyer ? "Posted by the buyer." : "Posted by the bidder.", ct);
        var others = fromBuyer
            ? await BidParty.UsersOfAsync(db, (await BidParty.OrganizationsAsync(db, [bid], ct))[bid.Id], ct)
            : await BidParty.UsersOfAsync(db, [buyerId], ct);
        var link = fromBuyer ? $"/Awards/Debrief/{bid.Id}#complaint-{complaint.Id}" : $"/Awards/Evaluation/{bid.RequirementId}#complaint-{complaint.Id}";
        var staged = await notifier.StageAsync(db, others, AwardNotificationKinds.Complaint,
            fromBuyer ? $"The buyer answered your complaint: {complaint.Subject}" : $"New post in the complaint: {complaint.Subject}", Shorten(input.Text.Trim()), link, ct);
        await db.SaveChangesAsync(ct);
        await notifier.PushAsync(staged);
        return (await ListAsync(q => q.Where(c => c.Id == complaint.Id), ct)).Single();
    }

    /// <summary>The complaints about one bid, for its own party and for the buyer.</summary>
    public async Task<Outcome<List<ComplaintDto>>> ForBidAsync(Actor actor, int bidId, CancellationToken ct)
    {
        var bid = await db.Bids.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bidId, ct);
        if (bid is null || bid.Status == BidStatus.Draft) return Refusal.NotFound("The bid");
        var buyer = await db.Requirements.AsNoTracking().FirstAsync(r => r.Id == bid.RequirementId, ct);
        // The buyer sees a bid only once bids have closed; before that its id is answered as one that does not exist.
        var buyerMayRead = actor.IsMemberOf(buyer.OrganizationId) && buyer.DeadlinePassed(clock.GetUtcNow());
        if (!buyerMayRead && !await BidParty.IncludesAsync(db, actor, bid, ct)) return Refusal.NotFound("The bid");
        return await ListAsync(q => q.Where(c => c.BidId == bidId), ct);
    }

    /// <summary>Every complaint about a requirement's evaluation, for the buyer.</summary>
    public async Task<Outcome<List<ComplaintDto>>> ForRequirementAsync(Actor actor, int requirementId, CancellationToken ct)
    {
        var buyerId = await db.Requirements.Where(r => r.Id == requirementId).Select(r => (int?)r.OrganizationId).FirstOrDefaultAsync(ct);
        if (buyerId is null || !actor.IsMemberOf(buyerId.Value)) return Refusal.NotFound("The requirement");
        return await ListAsync(q => q.Where(c => c.RequirementId == requirementId), ct);
    }

    private async Task<Refusal?> WindowProblemAsync(Bid bid, CancellationToken ct)
    {
        var deciding = await evaluation.DecidingAwards(bid).ToListAsync(ct);
        if (deciding.Count == 0) return Refusal.Conflict("Complaints open once the buyer has awarded what this bid covers.");
        var closes = evaluation.ComplaintsCloseAt(deciding);
        return clock.GetUtcNow() >= closes ? Refusal.Conflict($"The complaint period ended at {closes:yyyy-MM-ddTHH:mm:ssZ}.") : null;
    }

    private static Refusal? TextProblem(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Refusal.Invalid("text", "Write the text of the post.")
        : text.Length > AwardLimits.Text ? Refusal.Invalid("text", $"At most {AwardLimits.Text} characters (got {text.Length}).")
        : null;

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Shorten(string s) => s.Length <= 300 ? s : s[..299] + "…";

    private async Task<List<ComplaintDto>> ListAsync(Func<IQueryable<Complaint>, IQueryable<Complaint>> filter, CancellationToken ct)
    {
        var complaints = await filter(db.Complaints.AsNoTracking().Include(c => c.Entries)).OrderBy(c => c.Id).ToListAsync(ct);
        var bids = await db.Bids.AsNoTracking().Where(b => complaints.Select(c => c.BidId).Contains(b.Id)).ToListAsync(ct);
        var names = await EvaluationService.BidderNamesAsync(db, bids, ct);
        return complaints.Select(c => new ComplaintDto(c.Id, c.RequirementId, c.BidId, names.TryGetValue(c.BidId, out var n) ? n.Name : "—", c.Subject, c.Closed, c.LodgedAt,
            c.Entries.OrderBy(e => e.PostedAt).ThenBy(e => e.Id).Select(e => new ComplaintEntryDto(e.Id, e.FromBuyer, e.Text, e.PostedAt)).ToList())).ToList();
    }
}
