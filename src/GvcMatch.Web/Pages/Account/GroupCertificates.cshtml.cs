using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Account;

/// <summary>An SME's group certificate listings: its owner accepts or declines each (the profile page shows the same list).</summary>
public sealed class GroupCertificatesModel(AppDbContext db, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public Actor Actor { get; private set; } = null!;

    [TempData] public string? Notice { get; set; }
    [TempData] public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        if (GroupCertificateListings.CannotSee(actor) is not null) return Forbid();
        Actor = actor;
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) => DecideAsync(id, accept: true, ct);

    public Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken ct) => DecideAsync(id, accept: false, ct);

    private async Task<IActionResult> DecideAsync(int id, bool accept, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        var outcome = accept ? await GroupCertificateListings.AcceptAsync(db, actor, id, ct) : await GroupCertificateListings.DeclineAsync(db, actor, id, ct);
        if (outcome.Refusal is { IsForbidden: true }) return Forbid();
        if (outcome.Refusal is { IsNotFound: true }) return NotFound();
        Notice = accept ? l["Accepted: the certificate now counts for your organisation while it is valid."] : l["Your organisation is off the certificate."];
        return RedirectToPage();
    }
}
