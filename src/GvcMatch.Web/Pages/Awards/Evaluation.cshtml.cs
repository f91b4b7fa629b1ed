using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Awards;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GvcMatch.Web.Pages.Awards;

/// <summary>
/// The buyer's evaluation page: every submitted bid with its score per criterion as bars, inputs
/// for manual scores with reasons, award buttons per lot, the cancel form and the complaints. Form
/// field names match the API's JSON fields (bidId, criterionIndex, score, reason, lotNumber, note).
/// </summary>
[Authorize]
public sealed class EvaluationModel(AppDbContext db, EvaluationService evaluation, AwardService awards, ComplaintService complaints) : AwardPage
{
    public EvaluationDto? Evaluation { get; private set; }
    public IReadOnlyList<ComplaintDto> Complaints { get; private set; } = [];
    public int RequirementId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        RequirementId = id;
        ReadFlash();
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Forbid();
        var outcome = await evaluation.GetAsync(actor, id, ct);
        if (Refused(outcome.Refusal) is { } refused) return refused;
        Evaluation = outcome.Value;
        Complaints = (await complaints.ForRequirementAsync(actor, id, ct)).Value ?? [];
        return Page();
    }

    /// <summary>The form carries the score's stamp as read: a score someone rescored since is not overwritten unseen.</summary>
    public async Task<IActionResult> OnPostScoreAsync(int id, int bidId, int criterionIndex, double? score, string? reason, string? overrideReason, Guid? stamp,
        CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Forbid();
        return Done(await evaluation.ScoreAsync(actor, bidId, criterionIndex, new ScoreInput(score, reason, overrideReason), IfMatch.Stamp(stamp), ct),
            $"Scored C{criterionIndex + 1} of bid {bidId}.", new { id }, $"bid-{bidId}");
    }

    public async Task<IActionResult> OnPostAwardAsync(int id, int bidId, int lotNumber, string? note, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Forbid();
        return Done(await awards.AwardAsync(actor, id, new AwardInput(bidId, lotNumber, note), ct),
            lotNumber == 0 ? $"Awarded to bid {bidId}. Every bidder has been told." : $"Lot {lotNumber} awarded to bid {bidId}. Every bidder of the lot has been told.", new { id });
    }

    /// <summary>Also the target of the requirement editor's cancel form: cancelling needs no open evaluation.</summary>
    public async Task<IActionResult> OnPostCancelAsync(int id, string? reason, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Forbid();
        var outcome = await awards.CancelAsync(actor, id, new CancelInput(reason), ct);
        // Cancelled: the requirement's page shows the status and the reason to everyone.
        return outcome.Refusal is null ? RedirectToPage("/Requirements/Details", new { id }) : Done(outcome, "", new { id });
    }

    public async Task<IActionResult> OnPostAnswerAsync(int id, int complaintId, string? text, bool close, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Forbid();
        return Done(await complaints.PostAsync(actor, complaintId, new ComplaintPostInput(text, close), ct),
            close ? "Answered and closed." : "Answer posted.", new { id }, $"complaint-{complaintId}");
    }
}
