using GvcMatch.Web.Data;
using GvcMatch.Web.Features;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Account.Requirements;

/// <summary>An MNE creates and edits a requirement and moves it through its lifecycle.</summary>
public sealed class EditModel(AppDbContext db, Features.ReferenceData.ReferenceData reference, TimeProvider clock, Features.Notifications.RequirementAlertQueue alerts,
    Features.Questions.QuestionBoard questions) : PageModel
{
    [BindProperty] public RequirementForm Input { get; set; } = new();

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
        var errors = new Errors();
        if (Requirement is not null && RequirementLifecycle.CanEdit(Requirement) is { } locked) errors.Add("status", locked);
        if (Requirement is not null && Input.Stamp != Requirement.ConcurrencyStamp)
            errors.Add("title", "Someone else saved this requirement after you opened it. Reload the page to see their changes.");
        // Responders rely on the change note to understand a new version, so the page insists on one.
        if (IsPublished && string.IsNullOrWhiteSpace(input.ChangeNote)) errors.Add("changeNote", "Say what changed; every responder sees this note.");
        input.Validate(errors, reference, clock.Today());
        if (Requirement is not null && await RequirementLots.FrozenAsync(db, Requirement, input.Lots, ct) is { } frozen) errors.Add("lots", frozen);
        if (errors.Any || !ModelState.IsValid) return Invalid(errors);

        var now = clock.GetUtcNow();
        var versionBefore = Requirement?.Version ?? 0;
        if (Requirement is null)
        {
            var orgId = (await User.GetActorAsync(db, ct))!.OrganizationId!.Value;
            Requirement = new Requirement { Key = Slug.NewKey("req", input.Title), Title = "", OrganizationId = orgId, CreatedAt = now, UpdatedAt = now };
            db.Requirements.Add(Requirement);
        }
        input.ApplyTo(Requirement);
        RequirementLifecycle.RecordEdit(Requirement, now, input.ChangeNote);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            errors.Add("title", "Someone else saved this requirement at the same moment. Reload the page to see their changes.");
            return Invalid(errors);
        }
        // Committed: bidders learn of the new version, so they can review their answers.
        if (Requirement.Version > versionBefore && versionBefore > 0) await questions.NotifyNewVersionAsync(Requirement, ct);
        TempData["Message"] = IsPublished ? $"Saved as version {Requirement.Version}." : "Draft saved.";
        return RedirectToPage(new { id = Requirement.Id });
    }

    // Once committed, matching suppliers are told in the background.
    public Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken ct) =>
        TransitionAsync(id, (r, now) => RequirementLifecycle.Publish(r, now), "Published: every supplier can now read it.", ct, r => alerts.Enqueue(r.Id));

    public Task<IActionResult> OnPostCloseAsync(int? id, CancellationToken ct) => TransitionAsync(id, RequirementLifecycle.Close, "Closed for responses.", ct);

    // Cancel and award are handled by the evaluation page (Pages/Awards), which records the outcome and tells the bidders.

    public async Task<IActionResult> OnPostDeleteAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (Requirement is null) return NotFound();
        if (Requirement.Status != RequirementStatus.Draft)
        {
            TempData["Message"] = "Only a draft can be deleted; cancel a published requirement instead.";
            return RedirectToPage(new { id });
        }
        db.Requirements.Remove(Requirement);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Draft deleted.";
        return RedirectToPage("/Account/Requirements/Index");
    }

    private async Task<IActionResult> TransitionAsync(int? id, Func<Requirement, DateTimeOffset, string?> change, string done, CancellationToken ct,
        Action<Requirement>? committed = null)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (Requirement is null) return NotFound();
        var refused = change(Requirement, clock.GetUtcNow());
        if (refused is null)
        {
            Requirement.ConcurrencyStamp = Guid.NewGuid();
            await db.SaveChangesAsync(ct);
            committed?.Invoke(Requirement);
        }
        TempData["Message"] = refused ?? done;
        return RedirectToPage(new { id });
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

    /// <summary>The caller must be a member of an MNE; an existing requirement must belong to that MNE (else 404, never found by id alone).</summary>
    private async Task<IActionResult?> LoadAsync(int? id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor?.OrganizationId is not { } orgId || Access.CanManageRequirements(actor, orgId) is not null) return Forbid();
        if (id is null) return null;
        Requirement = await db.Requirements.Include(r => r.Versions).FirstOrDefaultAsync(r => r.Id == id && r.OrganizationId == orgId, ct);
        return Requirement is null ? NotFound() : null;
    }
}
