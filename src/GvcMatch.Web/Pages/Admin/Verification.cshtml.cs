using GvcMatch.Web.Data;
using GvcMatch.Web.Features;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Admin;

/// <summary>
/// Platform admins and verified intermediaries grant or withdraw the verified badge, with a reason
/// (<see cref="VerificationRules"/>: an intermediary sees and decides on the SMEs of its own country).
/// </summary>
public sealed class VerificationModel(AppDbContext db, VerificationService verification, Features.ReferenceData.ReferenceData reference) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public OrganizationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    /// <summary>Read from the query string: "page" as a bound name would meet the route value of the same name.</summary>
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<Organization> Organizations { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public Features.ReferenceData.ReferenceData Reference => reference;
    public string? Denied { get; private set; }
    public string? Message { get; private set; }
    public int? OwnOrganizationId { get; private set; }
    public Actor? Actor { get; private set; }
    public string? ActorCountry { get; private set; }

    /// <summary>Null when the caller may decide on <paramref name="org"/>; otherwise why not.</summary>
    public string? CannotDecide(Organization org) => VerificationRules.CanDecide(Actor!, ActorCountry, org);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await CheckAsync(ct) is { } denied) return denied;
        PageNumber = RequestedPage();
        var query = db.Organizations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(o => o.Name.ToLower().Contains(q) || o.Key.ToLower().Contains(q));
        }
        if (Kind is { } kind) query = query.Where(o => o.Kind == kind);
        if (!string.IsNullOrWhiteSpace(Country))
        {
            var wanted = Country.Trim().ToUpperInvariant();
            query = query.Where(o => o.Country == wanted);
        }
        if (!Actor!.IsPlatformAdmin)
        {
            var country = ActorCountry ?? "";
            query = query.Where(o => o.Kind == OrganizationKind.Sme && o.Country == country);
        }
        Total = await query.CountAsync(ct);
        // A page past the last one shows the last one, as a link kept from a longer list would expect.
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Organizations = await query.OrderBy(o => o.Verified).ThenBy(o => o.Name).ThenBy(o => o.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Message = TempData["Message"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, bool verified, string? reason, CancellationToken ct)
    {
        if (await CheckAsync(ct) is { } denied) return denied;
        PageNumber = RequestedPage();
        var decided = await verification.DecideAsync(Actor!, id, verified, reason, ct);
        if (decided.Refusal is { IsNotFound: true }) return NotFound();
        TempData["Message"] = decided.Refusal?.Detail
            ?? (verified ? $"{decided.Value!.Name} is now verified." : $"{decided.Value!.Name} is no longer verified.");
        // "page" cannot go in the route values (it names the Razor page), so it is added to the address.
        return Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Url.Page("/Admin/Verification", new { Q, Kind, Country })!,
            "page", PageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private int RequestedPage() =>
        int.TryParse(Request.HasFormContentType && Request.Form.ContainsKey("page") ? Request.Form["page"] : Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) ? page : 1;

    /// <summary>Others get a 403 page saying why, rather than a redirect.</summary>
    private async Task<IActionResult?> CheckAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        Denied = actor is null ? "Sign in again." : Access.CanVerify(actor);
        Actor = actor;
        OwnOrganizationId = actor?.OrganizationId;
        if (Denied is null)
        {
            ActorCountry = await verification.ActorCountryAsync(actor!, ct);
            return null;
        }
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
