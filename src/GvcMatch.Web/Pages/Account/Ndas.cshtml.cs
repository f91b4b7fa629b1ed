using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Ndas;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Account;

/// <summary>Every NDA the organisation holds, on either side: with whom, for what, until when, and the signed record.</summary>
public sealed class NdasModel(AppDbContext db, NdaService ndas, TimeProvider clock) : PageModel
{
    public IReadOnlyList<NdaDto> Items { get; private set; } = [];
    public int? OrganizationId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        OrganizationId = actor?.OrganizationId;
        var now = clock.GetUtcNow();
        Items = [.. (await ndas.ListAsync(actor, ct)).Select(n => NdaDto.From(n, now))];
    }

    public async Task<IActionResult> OnPostEndAsync(int ndaId, CancellationToken ct)
    {
        var ended = await ndas.EndAsync(await User.GetActorAsync(db, ct), ndaId, ct);
        if (ended.Refusal is { IsNotFound: true }) return NotFound();
        if (ended.Refusal is not null) return Forbid();
        return RedirectToPage();
    }
}
