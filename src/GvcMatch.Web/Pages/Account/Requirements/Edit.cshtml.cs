using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Authorization;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Account.Requirements;

/// <summary>An MNE creates and edits a requirement and moves it through its lifecycle.</summary>
public sealed class EditModel(AppDbContext db, Features.ReferenceData.ReferenceData reference, TimeProvider clock, RequirementService service,
    ResourceAccess access) : PageModel, ICriteriaEditorModel
{
    [BindProperty] public RequirementForm Input { get; set; } = new();
    public List<CriterionRow> CriteriaRows => Input.Criteria;

    public Requirement? Requirement { get; private set; }
    public IDictionary<string, string[]>? Errors { get; private set; }
    public string? Message { get; private set; }
    public Features.ReferenceData.ReferenceData Reference => reference;
    public bool IsPublished => Requirement?.Status == RequirementStatus.Published;
    public bool CanEdit => Requirement is null || RequirementLifecycle.CanEdit(Requirement) is null;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input = RequirementForm.From(Requirement is null ? new RequirementInput() : RequirementInput.From(Requirement), Requirement?.ConcurrencyStamp);
        Input.PadRows();
        Message = TempData["Message"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var input = Input.ToInput();
        // A value that did not bind ("abc" as a weight) is shown with what the rules say about the rest.
        if (!ModelState.IsValid)
        {
            var errors = new Errors();
            input.Validate(errors, reference, clock.Today());
            return Invalid(errors);
        }

        var actor = await User.GetActorAsync(db, ct);
        var saved = Requirement is null
            ? await service.CreateAsync(actor, input, ct)
            : await service.UpdateAsync(actor, Requirement.Id, input, IfMatch.Stamp(Input.Stamp), ct);
        if (saved.Refusal is { } refused) return Refused(refused) ?? Invalid(Remap(refused));
        TempData["Message"] = saved.Value!.Status == RequirementStatus.Published ? $"Saved as version {saved.Value.Version}." : "Draft saved.";
        return RedirectToPage(new { id = saved.Value.Id });
    }

    public Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken ct) =>
        TransitionAsync(id, (actor, r) => service.PublishAsync(actor, r, IfMatch.None, ct), "Published: every supplier can now read it.", ct);

    public Task<IActionResult> OnPostCloseAsync(int? id, CancellationToken ct) =>
        TransitionAsync(id, (actor, r) => service.CloseAsync(actor, r, IfMatch.None, ct), "Closed for responses.", ct);

    // Cancel and award are handled by the evaluation page (Pages/Awards), which records the outcome and tells the bidders.

    public async Task<IActionResult> OnPostDeleteAsync(int? id, CancellationToken ct)
    {
        if (id is null) return NotFound();
        var deleted = await service.DeleteAsync(await User.GetActorAsync(db, ct), id.Value, IfMatch.None, ct);
        if (deleted.Refusal is { } refused)
        {
            if (Refused(refused) is { } status) return status;
            TempData["Message"] = refused.Detail;
            return RedirectToPage(new { id });
        }
        TempData["Message"] = "Draft deleted.";
        return RedirectToPage("/Account/Requirements/Index");
    }

    private async Task<IActionResult> TransitionAsync(int? id, Func<Actor?, int, Task<Outcome<Requirement>>> change, string done, CancellationToken ct)
    {
        if (id is null) return NotFound();
        var changed = await change(await User.GetActorAsync(db, ct), id.Value);
        if (changed.Refusal is { } refused && Refused(refused) is { } status) return status;
        TempData["Message"] = changed.Refusal?.Detail ?? done;
        return RedirectToPage(new { id });
    }

    /// <summary>Refusals that are not about the form: the page does not exist for the caller, or is not theirs.</summary>
    private IActionResult? Refused(Refusal refusal) =>
        refusal.IsNotFound ? NotFound() : refusal.IsForbidden ? Forbid() : null;

    /// <summary>A refusal that is not about a field (a stale stamp, a locked status) is shown at the top of the form.</summary>
    private static Errors Remap(Refusal refusal)
    {
        var errors = new Errors();
        errors.AddRange(refusal.ForForm());
        return errors;
    }

    /// <summary>Shows the form as posted, with each criterion error next to the row it belongs to.</summary>
    private PageResult Invalid(Errors errors)
    {
        var rows = RowErrors.NonBlank(Input.Criteria, c => c.IsBlank);
        var all = new Errors();
        var lotRows = RowErrors.NonBlank(Input.Lots, l => l.IsBlank);
        all.AddRange(RowErrors.Remap(RowErrors.Remap(errors.ToDictionary(), "criteria", rows), "lots", lotRows));
        // Binding failures ("abc" as a weight) are keyed by the posted row already.
        BindingErrors.AddTo(ModelState, all);
        Errors = all.ToDictionary();
        Input.PadRows();
        return Page();
    }

    /// <summary>The caller must be a member of an MNE; an existing requirement must be one it may change (else 404 or 403, as the API answers).</summary>
    private async Task<IActionResult?> LoadAsync(int? id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor?.OrganizationId is not { } orgId) return Forbid();
        if (id is null)
        {
            var org = await db.Organizations.FirstAsync(o => o.Id == orgId, ct);
            return await access.AllowsAsync(actor, org, AccessOperations.ManageRequirements) ? null : Forbid();
        }
        var found = await service.FindForChangeAsync(actor, id.Value, ct);
        if (found.Refusal is { } refused) return Refused(refused) ?? NotFound();
        Requirement = found.Value;
        return null;
    }
}
