using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Certificates;
using GvcMatch.Web.Features.Localization;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Admin;

/// <summary>For platform admins: standard names in use that the certification registry does not know, and the form that maps one.</summary>
public sealed class CertificationsModel(AppDbContext db, AuditTrail audit, TimeProvider clock) : PageModel
{
    public const int Shown = 100;

    [BindProperty] public MappingInput Mapping { get; set; } = new(null, null, null);

    public UnknownStandardsDto? Report { get; private set; }
    public IDictionary<string, string[]>? Errors { get; private set; }
    public string? Denied { get; private set; }
    public string? Message { get; private set; }
    public int Standards => CertificationRegistry.Default.Standards.Count;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await AllowedAsync(ct)) return Page();
        Message = TempData["Message"] as string;
        Report = await UnknownStandards.ReadAsync(db, Shown, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await AllowedAsync(ct)) return Page();
        var errors = new Errors();
        var mapping = UnknownStandards.Check(Mapping, errors);
        if (errors.Any)
        {
            Errors = errors.ToDictionary();
            Report = await UnknownStandards.ReadAsync(db, Shown, ct);
            return Page();
        }
        var actor = await User.GetActorAsync(db, ct);
        var moved = await UnknownStandards.MapAsync(db, audit, mapping!, actor!.UserId, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = Plurals.English(moved, "“{1}” now means {2}; 1 certificate moved.", "“{1}” now means {2}; {0} certificates moved.", Mapping.Name!.Trim(), mapping!.Code);
        return RedirectToPage();
    }

    private async Task<bool> AllowedAsync(CancellationToken ct)
    {
        if (await User.GetActorAsync(db, ct) is { IsPlatformAdmin: true }) return true;
        // A page that says why, with the status an API client would get.
        Denied = "Only platform admins manage the certification registry.";
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return false;
    }
}
