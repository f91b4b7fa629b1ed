using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features;
using GvcMatch.Web.Features.Certificates;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Admin;

/// <summary>
/// Checkers (verified intermediaries for the SMEs of their country, platform admins for all) read
/// certificate documents and record how far each certificate has been checked, through the same
/// <see cref="CertificateEvidence"/> service as the API.
/// </summary>
public sealed class CertificateChecksModel(AppDbContext db, CertificateEvidence evidence, Features.ReferenceData.ReferenceData reference) : PageModel
{
    public Features.ReferenceData.ReferenceData Reference => reference;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public CheckQueue? Queue { get; private set; }
    public string? Denied { get; private set; }
    /// <summary>The certificate whose evidence was just recorded.</summary>
    public int? Recorded { get; private set; }
    public string? Failed { get; private set; }
    public bool IsAdmin { get; private set; }

    /// <summary>The levels a checker may choose, weakest first (a checker may also set a certificate back).</summary>
    public IEnumerable<EvidenceLevel> Levels => Enum.GetValues<EvidenceLevel>().Where(l => l <= Queue!.Ceiling);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null || Access.CanVerify(actor) is not null) return Refused();
        IsAdmin = actor.IsPlatformAdmin;
        var queue = await evidence.QueueAsync(actor, new CheckQuery(!All, Q, IsAdmin ? Country : null, Math.Max(1, PageNumber)), ct);
        if (queue.Refusal is { } refusal) return refusal.IsForbidden ? Refused() : BadRequest();
        Queue = queue.Value;
        Recorded = TempData["Recorded"] as int?;
        Failed = TempData["Failed"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int organizationId, int certificationId, EvidenceLevel? level, string? note, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null || Access.CanVerify(actor) is not null) return Refused();
        var set = await evidence.SetAsync(actor, organizationId, certificationId, level, note, ct);
        if (set.Refusal is { IsNotFound: true }) return NotFound();
        if (set.Refusal is { } refusal) TempData["Failed"] = refusal.Describe();
        else TempData["Recorded"] = set.Value!.Id;
        return RedirectToPage(new { Q, Country, All, p = PageNumber });
    }

    public const string DeniedText = "Only platform admins and verified intermediaries check certificates.";

    /// <summary>Anyone else gets a 403 page saying why, rather than a redirect.</summary>
    private PageResult Refused()
    {
        Denied = DeniedText;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
