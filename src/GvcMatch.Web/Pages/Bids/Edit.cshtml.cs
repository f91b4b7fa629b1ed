using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Bids;

/// <summary>
/// The SME's bid form for one requirement, for its own organisation or (with consortiumId) for a
/// consortium it leads. One form saves, submits or withdraws (the "action" button); documents
/// have a form of their own, since they can only be attached to a saved bid.
/// </summary>
[Authorize]
public sealed class EditModel(AppDbContext db, BidService service, BidReads reads, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, Features.Localization.CultureFormat fmt) : PageModel
{
    [BindProperty] public BidForm Input { get; set; } = new();

    public Requirement Requirement { get; private set; } = null!;
    public BidView? Bid { get; private set; }
    public int? ConsortiumId { get; private set; }
    public string? ConsortiumName { get; private set; }
    public IDictionary<string, string[]>? Errors { get; private set; }
    [TempData] public string? Message { get; set; }
    public bool Frozen => Requirement.DeadlinePassed(clock.GetUtcNow());

    public async Task<IActionResult> OnGetAsync(int requirementId, int? consortiumId, CancellationToken ct)
    {
        if (await LoadAsync(requirementId, consortiumId, ct) is { } denied) return denied;
        Input = Bid is null ? new BidForm() : BidForm.From(BidInput.From(Bid.Bid), Requirement.Criteria.Count, Bid.Bid.ConcurrencyStamp);
        Input.PadRows(Requirement.Criteria.Count);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int requirementId, int? consortiumId, string? action, CancellationToken ct)
    {
        if (await LoadAsync(requirementId, consortiumId, ct) is { } denied) return denied;
        var actor = await User.GetActorAsync(db, ct);
        if (action == "withdraw")
        {
            if (Bid is null) return Show(new Dictionary<string, string[]> { [""] = [l["There is no bid to withdraw."]] });
            var withdrawn = await service.WithdrawAsync(actor, Bid.Bid.Id, ct);
            if (withdrawn.Refusal is { } wf) return Show(wf.ForForm());
            return Done(l["Bid withdrawn. Save it again before the deadline to reopen it as a draft."]);
        }
        if (action is not ("save" or "submit")) return Show(new Dictionary<string, string[]> { [""] = [l["Choose Save draft, Submit or Withdraw."]] });

        var input = Input.ToInput(ConsortiumId);
        var saved = Bid is null
            ? await service.CreateAsync(actor, requirementId, input, ct)
            : await service.UpdateAsync(actor, Bid.Bid.Id, input, IfMatch.Stamp(Input.Stamp), ct);
        if (saved.Refusal is { } f) return Show(Input.MapErrors(f.ForForm()));
        if (action == "save") return Done(saved.Value!.Status == BidStatus.Submitted ? l["Changes saved; the bid stays submitted."] : l["Draft saved."]);

        var submitted = await service.SubmitAsync(actor, saved.Value!.Id, ct);
        if (submitted.Refusal is { } sf)
        {
            // The draft is saved; what is missing for submission is shown on the saved form.
            await LoadAsync(requirementId, consortiumId, ct);
            Input.Stamp = Bid?.Bid.ConcurrencyStamp;
            return Show(Input.MapErrors(sf.ForForm()), l["Draft saved, but not submitted yet:"]);
        }
        return Done(l["Bid submitted. It stays sealed until {0}; you may change it until then.", Requirement.BidsCloseAt is { } closes ? fmt.Deadline(closes) : "—"]);
    }

    public async Task<IActionResult> OnPostUploadAsync(int requirementId, int? consortiumId, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(requirementId, consortiumId, ct) is { } denied) return denied;
        if (Bid is null) return ShowSaved(new Dictionary<string, string[]> { ["file"] = [l["Save the draft first, then attach documents."]] });
        if (file is null) return ShowSaved(new Dictionary<string, string[]> { ["file"] = [l["Choose a file to attach."]] });
        await using var content = file.OpenReadStream();
        var added = await service.AddDocumentAsync(await User.GetActorAsync(db, ct), Bid.Bid.Id, content, file.FileName, file.Length, IfMatch.None, ct);
        if (added.Refusal is { } f) return ShowSaved(f.ForForm());
        return Done(l["Attached {0}.", added.Value.Document.FileName]);
    }

    public async Task<IActionResult> OnPostDeleteDocumentAsync(int requirementId, int? consortiumId, int documentId, CancellationToken ct)
    {
        if (await LoadAsync(requirementId, consortiumId, ct) is { } denied) return denied;
        if (Bid is null) return NotFound();
        var deleted = await service.DeleteDocumentAsync(await User.GetActorAsync(db, ct), Bid.Bid.Id, documentId, IfMatch.None, ct);
        if (deleted.Refusal is { } f) return ShowSaved(f.ForForm());
        return Done(l["Document removed."]);
    }

    private RedirectResult Done(string message)
    {
        Message = message;
        return Redirect(FormUrl(Requirement.Id, ConsortiumId));
    }

    private PageResult Show(IDictionary<string, string[]> errors, string? message = null)
    {
        Errors = errors;
        Message = message;
        Input.PadRows(Requirement.Criteria.Count);
        return Page();
    }

    /// <summary>For the document forms: the bid form shows what is stored, not what another form posted.</summary>
    private PageResult ShowSaved(IDictionary<string, string[]> errors)
    {
        Input = Bid is null ? new BidForm() : BidForm.From(BidInput.From(Bid.Bid), Requirement.Criteria.Count, Bid.Bid.ConcurrencyStamp);
        return Show(errors);
    }

    public static string FormUrl(int requirementId, int? consortiumId) =>
        $"/Requirements/{requirementId}/Bid" + (consortiumId is { } c ? $"?consortiumId={c}" : "");

    /// <summary>A published requirement with a deadline, an SME caller, and (for a consortium) the caller's organisation as its lead.</summary>
    private async Task<IActionResult?> LoadAsync(int requirementId, int? consortiumId, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        var requirement = await db.Requirements.AsNoTracking().Include(r => r.Organization).FirstOrDefaultAsync(r => r.Id == requirementId, ct);
        if (requirement is null || actor is null || (!requirement.IsVisibleToEveryone && !actor.IsMemberOf(requirement.OrganizationId))) return NotFound();
        if (actor is not { IsSme: true, OrganizationId: { } org }) return Forbid();
        if (consortiumId is { } c)
        {
            var refused = await service.ConsortiumProblemAsync(org, c, requirementId, ct);
            // An inactive consortium's lead still sees its bid (frozen); anyone else is turned away.
            if (refused is { Status: StatusCodes.Status404NotFound or StatusCodes.Status400BadRequest }) return NotFound();
            if (refused is { IsForbidden: true }) return Forbid();
            ConsortiumName = await db.Consortia.AsNoTracking().Where(x => x.Id == c).Select(x => x.Name).FirstAsync(ct);
        }
        Requirement = requirement;
        ConsortiumId = consortiumId;
        if (await reads.PartyBidIdAsync(requirementId, org, consortiumId, ct) is { } bidId)
            Bid = (await reads.ReadAsync(actor, bidId, ct)).Value;
        return null;
    }
}
