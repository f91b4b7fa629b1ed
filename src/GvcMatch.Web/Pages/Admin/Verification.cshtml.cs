using GvcMatch.Web.Data;
using GvcMatch.Web.Features;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Admin;

/// <summary>Platform admins and verified intermediaries grant or withdraw the verified badge, with a note.</summary>
public sealed class VerificationModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int MaxRows = 200;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public OrganizationKind? Kind { get; set; }

    public IReadOnlyList<Organization> Organizations { get; private set; } = [];
    public int Total { get; private set; }
    public string? Denied { get; private set; }
    public string? Message { get; private set; }
    public int? OwnOrganizationId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await CheckAsync(ct) is { } denied) return denied;
        var query = db.Organizations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(o => o.Name.ToLower().Contains(q) || o.Key.ToLower().Contains(q));
        }
        if (Kind is { } kind) query = query.Where(o => o.Kind == kind);
        Total = await query.CountAsync(ct);
        Organizations = await query.OrderBy(o => o.Verified).ThenBy(o => o.Name).Take(MaxRows).ToListAsync(ct);
        Message = TempData["Message"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, bool verified, string? note, CancellationToken ct)
    {
        if (await CheckAsync(ct) is { } denied) return denied;
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return NotFound();
        if (org.Id == OwnOrganizationId) TempData["Message"] = "An organisation cannot verify itself.";
        else if (note is { Length: > OrganizationLimits.Note }) TempData["Message"] = $"The note is at most {OrganizationLimits.Note} characters.";
        else
        {
            var email = User.Identity?.Name;
            OrganizationVerification.Apply(org, verified, email, note, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            TempData["Message"] = verified ? $"{org.Name} is now verified." : $"{org.Name} is no longer verified.";
        }
        return RedirectToPage(new { Q, Kind });
    }

    /// <summary>Others get a 403 page saying why, rather than a redirect.</summary>
    private async Task<IActionResult?> CheckAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        Denied = actor is null ? "Sign in again." : Access.CanVerify(actor);
        OwnOrganizationId = actor?.OrganizationId;
        if (Denied is null) return null;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
