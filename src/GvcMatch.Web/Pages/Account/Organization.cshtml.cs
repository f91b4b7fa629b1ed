using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Account;

/// <summary>An owner edits the organisation's details; its kind never changes.</summary>
public sealed class OrganizationModel(AppDbContext db, Features.ReferenceData.ReferenceData reference, OrganizationService service, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public OrganizationForm Input { get; set; } = new();

    public Organization Organization { get; private set; } = null!;
    public IDictionary<string, string[]>? Errors { get; private set; }
    public string? Message { get; private set; }
    public Features.ReferenceData.ReferenceData Reference => reference;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        Input = OrganizationForm.From(OrganizationInput.From(Organization));
        Message = TempData["Message"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        // The kind comes from the stored organisation, never from the form.
        var input = Input.ToInput(Organization.Kind);
        var errors = new Errors();
        BindingErrors.AddTo(ModelState, errors);
        if (errors.Any)
        {
            input.Validate(errors, reference);
            Errors = errors.ToDictionary();
            return Page();
        }
        var saved = await service.UpdateAsync(await User.GetActorAsync(db, ct), Organization.Id, input, IfMatch.None, ct);
        if (saved.Refusal is { } refused)
        {
            if (refused.IsForbidden || refused.IsNotFound) return Forbid();
            Errors = refused.ForForm();
            return Page();
        }
        TempData["Message"] = l["Saved."].Value;
        return RedirectToPage();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor?.OrganizationId is not { } orgId) return Forbid();
        var found = await service.FindForChangeAsync(actor, orgId, ct);
        if (found.Refusal is not null) return Forbid();
        Organization = found.Value!;
        return null;
    }

    public OrganizationFieldsModel Fields => new(reference, Errors, "Input.", "", KindEditable: false,
        Input.Name, Organization.Kind, Input.IntermediaryType, Input.Country, Input.City, Input.SizeBand, Input.Website, Input.Description);
}

public sealed class OrganizationForm
{
    public string? Name { get; set; }
    public IntermediaryType? IntermediaryType { get; set; }
    public string? Country { get; set; }
    public string? City { get; set; }
    public SizeBand SizeBand { get; set; }
    public string? Website { get; set; }
    public string? Description { get; set; }

    public OrganizationInput ToInput(OrganizationKind kind) => new()
    {
        Name = Name ?? "", Kind = kind, IntermediaryType = kind == OrganizationKind.Intermediary ? IntermediaryType : null,
        Country = Country ?? "", City = City, SizeBand = SizeBand, Website = Website, Description = Description,
    };

    public static OrganizationForm From(OrganizationInput o) => new()
    {
        Name = o.Name, IntermediaryType = o.IntermediaryType, Country = o.Country, City = o.City, SizeBand = o.SizeBand,
        Website = o.Website, Description = o.Description,
    };
}
