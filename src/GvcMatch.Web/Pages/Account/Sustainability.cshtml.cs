using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Disclosures;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace GvcMatch.Web.Pages.Account;

/// <summary>
/// The SME's sustainability disclosures: every year it disclosed, a form that adds a year or changes
/// one (the same topic, year and scheme is a change), and each disclosure's evidence document.
/// It goes through <see cref="DisclosureService"/>, as the API does.
/// </summary>
public sealed class SustainabilityModel(AppDbContext db, DisclosureService service, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public DisclosureInput Input { get; set; } = new();
    public Organization Organization { get; private set; } = null!;
    public List<Disclosure> Disclosures { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Message { get; private set; }
    public bool MessageIsWarning { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        Input = new DisclosureInput { Year = DateTime.UtcNow.Year - 1 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        var actor = await User.GetActorAsync(db, ct);
        // The same topic, year and scheme as a stored one changes it; anything else is a new year.
        var probe = new Disclosure();
        var same = Input.Topic is not null && Input.Year is not null
            ? Disclosures.FirstOrDefault(d => { Input.ApplyTo(probe); return d.Topic == probe.Topic && d.Year == probe.Year && d.Scheme == probe.Scheme; })
            : null;
        var saved = same is null
            ? await service.CreateAsync(actor, Organization.Id, Input, ct)
            : await service.UpdateAsync(actor, Organization.Id, same.Id, Input, IfMatch.None, ct);
        if (saved.Refusal is { IsInvalid: true } invalid)
        {
            Errors = invalid.ForForm();
            return Page();
        }
        if (saved.Refusal is { } refused) return Refused(refused);
        TempData["Message"] = l["Disclosure saved."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int disclosureId, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        var removed = await service.DeleteAsync(await User.GetActorAsync(db, ct), Organization.Id, disclosureId, IfMatch.None, ct);
        if (removed.Refusal is { } refused) return Refused(refused);
        TempData["Message"] = l["Disclosure removed."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDocumentAsync(int disclosureId, IFormFile? document, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        if (document is null) return Warn(l["Choose a PDF or an image of the evidence, then upload it."].Value);
        await using var content = document.OpenReadStream();
        var attached = await service.AttachAsync(await User.GetActorAsync(db, ct), Organization.Id, disclosureId, content, document.FileName, document.Length, IfMatch.None, ct);
        if (attached.Refusal is { IsInvalid: true } invalid) return Warn(l["The document was not attached: {0}", invalid.Detail].Value);
        if (attached.Refusal is { } refused) return Refused(refused);
        TempData["Message"] = l["Document attached. It is self-declared until a verified intermediary or an admin checks it."].Value;
        return RedirectToPage();
    }

    private IActionResult Warn(string message)
    {
        TempData["Message"] = message;
        TempData["Warning"] = true;
        return RedirectToPage();
    }

    private IActionResult Refused(Refusal refusal) => refusal.IsNotFound ? NotFound() : refusal.IsForbidden ? Forbid() : Warn(refusal.Detail);

    /// <summary>The caller's own SME and its disclosures; anyone else is refused.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor?.OrganizationId is not { } orgId || !actor.IsSme) return Forbid();
        var listed = await service.ListAsync(actor, orgId, ct);
        if (listed.Refusal is not null) return Forbid();
        (Organization, Disclosures) = listed.Value;
        Message = TempData["Message"] as string;
        MessageIsWarning = TempData["Warning"] is true;
        return null;
    }
}
