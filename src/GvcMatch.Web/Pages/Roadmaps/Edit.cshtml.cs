using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Roadmaps;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Pages.Account.Requirements;
using GvcMatch.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Roadmaps;

/// <summary>The buyer's road-map item editor: draft, edit, publish; once published a save is a new version with a change note.</summary>
public sealed class EditModel(AppDbContext db, RoadmapService items, Features.ReferenceData.ReferenceData reference) : PageModel, ICriteriaEditorModel
{
    [BindProperty] public RoadmapForm Input { get; set; } = new();

    public RoadmapItem? Item { get; private set; }
    public IDictionary<string, string[]>? Errors { get; private set; }
    public List<CriterionRow> CriteriaRows => Input.Criteria;
    public string? Message { get; private set; }
    public Features.ReferenceData.ReferenceData Reference => reference;
    public bool IsPublished => Item?.Status == RoadmapStatus.Published;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input = Item is null ? new RoadmapForm { Visibility = RoadmapVisibility.Everyone, Kind = RoadmapItemKind.Product } : RoadmapForm.From(Item);
        Input.PadRows();
        Message = TempData["Message"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var saved = Item is null
            ? await items.CreateAsync(await User.GetActorAsync(db, ct), Input.ToInput(), ct)
            : await items.UpdateAsync(Item, Input.ToInput(), ct);
        if (saved.Refusal is { } refused) return Invalid(refused);
        TempData["Message"] = saved.Value!.Status == RoadmapStatus.Published ? "Saved as a new version." : "Draft saved.";
        return RedirectToPage(new { id = saved.Value.Id });
    }

    public async Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken ct)
    {
        if (id is null) return NotFound();
        if (await LoadAsync(id, ct) is { } denied) return denied;
        // What is on the form is what gets published: unsaved edits are saved first.
        if (Item!.Status == RoadmapStatus.Draft && (await items.UpdateAsync(Item, Input.ToInput(), ct)).Refusal is { } invalid) return Invalid(invalid);
        if ((await items.PublishAsync(Item, ct)).Refusal is { } refused) return Invalid(refused);
        return Redirect($"/Roadmaps/{Item.Id}");
    }

    private PageResult Invalid(Refusal refusal)
    {
        var all = new Errors();
        all.AddRange(RowErrors.Remap(refusal.ForForm(), "criteria", RowErrors.NonBlank(Input.Criteria, c => c.IsBlank)));
        BindingErrors.AddTo(ModelState, all);
        Errors = all.ToDictionary();
        Input.PadRows();
        return Page();
    }

    /// <summary>Only MNE members write road-maps; an existing item must be their own (404 for one they may not see, 403 otherwise, as the API answers).</summary>
    private async Task<IActionResult?> LoadAsync(int? id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is not { IsMne: true, OrganizationId: not null }) return Forbid();
        if (id is null) return null;
        var own = await RoadmapAccess.FindOwnAsync(db, actor, id.Value, ct);
        if (own.Refusal is { } refused) return refused.IsNotFound ? NotFound() : Forbid();
        Item = own.Value;
        return null;
    }
}
