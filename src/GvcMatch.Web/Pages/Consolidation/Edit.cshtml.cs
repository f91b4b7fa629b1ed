using GvcMatch.Web.Data;
using GvcMatch.Web.Features;
using GvcMatch.Web.Features.Consolidation;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Pages.Account.Requirements;
using GvcMatch.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Consolidation;

/// <summary>
/// The buyer's announcement form: draft, edit, publish. Once published a save is a new version and
/// the decision date may only move later; a refused shortening is shown next to the date.
/// </summary>
public sealed class EditModel(AppDbContext db, ConsolidationService notices, Features.ReferenceData.ReferenceData reference) : PageModel, ICriteriaEditorModel
{
    [BindProperty] public NoticeForm Input { get; set; } = new();

    public ConsolidationNotice? Notice { get; private set; }
    public IDictionary<string, string[]>? Errors { get; private set; }
    public List<CriterionRow> CriteriaRows => Input.Criteria;
    public string? Message { get; private set; }
    public Features.ReferenceData.ReferenceData Reference => reference;
    public int MinimumNoticeDays => notices.MinimumNoticeDays;
    public bool IsPublished => Notice?.Status == NoticeStatus.Published;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input = Notice is null ? new NoticeForm() : NoticeForm.From(Notice);
        Input.PadRows();
        Message = TempData["Message"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var input = Input.ToInput();
        var errors = notices.Validate(input, Notice);
        if (!ModelState.IsValid || errors.Any) return Invalid(errors);
        if (Notice is null)
        {
            var actor = await User.GetActorAsync(db, ct);
            Notice = await notices.CreateAsync(actor!.OrganizationId!.Value, input, ct);
        }
        else await notices.UpdateAsync(Notice, input, ct);
        TempData["Message"] = Notice.Status == NoticeStatus.Published ? "Saved as a new version." : "Draft saved.";
        return RedirectToPage(new { id = Notice.Id });
    }

    public async Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken ct)
    {
        if (id is null) return NotFound();
        if (await LoadAsync(id, ct) is { } denied) return denied;
        // What is on the form is what gets published: unsaved edits are saved first.
        if (Notice!.Status == NoticeStatus.Draft)
        {
            var input = Input.ToInput();
            var invalid = notices.Validate(input, Notice);
            if (!ModelState.IsValid || invalid.Any) return Invalid(invalid);
            await notices.UpdateAsync(Notice, input, ct);
        }
        if (await notices.PublishAsync(Notice, ct) is { } why)
        {
            // The only refusals are about the notice period: shown beside the decision date.
            var errors = new Errors();
            errors.Add("decisionDate", why);
            return Invalid(errors);
        }
        return Redirect($"/Consolidation/{Notice.Id}");
    }

    private PageResult Invalid(Errors errors)
    {
        var all = new Errors();
        all.AddRange(RowErrors.Remap(errors.ToDictionary(), "criteria", RowErrors.NonBlank(Input.Criteria, c => c.IsBlank)));
        BindingErrors.AddTo(ModelState, all);
        Errors = all.ToDictionary();
        Input.PadRows();
        return Page();
    }

    /// <summary>Only MNE members announce; an existing notice must be their own (404 for another's draft, 403 for another's published notice, as the API answers).</summary>
    private async Task<IActionResult?> LoadAsync(int? id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is not { IsMne: true, OrganizationId: not null }) return Forbid();
        if (id is null) return null;
        Notice = await db.ConsolidationNotices.Include(n => n.Organization).Include(n => n.Versions).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (Notice is null) return NotFound();
        if (Access.IsMember(actor, Notice.OrganizationId)) return null;
        return Notice.Status == NoticeStatus.Published ? Forbid() : NotFound();
    }
}
