using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Awards;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GvcMatch.Web.Pages.Awards;

/// <summary>
/// A bidder's debrief: its own scores as bars against the winning total, its rank, and the
/// complaint form with the thread. Field names match the API (subject, text, complaintId).
/// </summary>
[Authorize]
public sealed class DebriefModel(AppDbContext db, EvaluationService evaluation, ComplaintService complaints, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : AwardPage
{
    public DebriefDto? Debrief { get; private set; }
    public IReadOnlyList<ComplaintDto> Complaints { get; private set; } = [];
    public int BidId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int bidId, CancellationToken ct)
    {
        BidId = bidId;
        ReadFlash();
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Forbid();
        var outcome = await evaluation.DebriefAsync(actor, bidId, ct);
        if (Refused(outcome.Refusal) is { } refused) return refused;
        Debrief = outcome.Value;
        Complaints = (await complaints.ForBidAsync(actor, bidId, ct)).Value ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostComplainAsync(int bidId, string? subject, string? text, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Forbid();
        return Done(await complaints.LodgeAsync(actor, bidId, new ComplaintInput(subject, text), ct),
            l["Complaint lodged; the buyer has been told."], new { bidId }, "complaints");
    }

    public async Task<IActionResult> OnPostPostAsync(int bidId, int complaintId, string? text, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Forbid();
        return Done(await complaints.PostAsync(actor, complaintId, new ComplaintPostInput(text), ct),
            l["Posted; the buyer has been told."], new { bidId }, $"complaint-{complaintId}");
    }
}
