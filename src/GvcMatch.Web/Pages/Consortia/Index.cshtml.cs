using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Consortia;

/// <summary>The SME's consortia and the invitations waiting for an answer; a cluster's way to its group certificates.</summary>
[Authorize]
public sealed class IndexModel(AppDbContext db, ConsortiumService consortia) : PageModel
{
    public IReadOnlyList<ConsortiumSummaryDto> Invitations { get; private set; } = [];
    public IReadOnlyList<ConsortiumSummaryDto> Mine { get; private set; } = [];
    public bool IsSme { get; private set; }
    public bool IsCluster { get; private set; }

    [TempData] public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        IsSme = actor.IsSme;
        IsCluster = actor.OrganizationId is { } own && await db.Organizations.AnyAsync(o => o.Id == own && o.IntermediaryType == IntermediaryType.Cluster, ct);
        var all = await ConsortiumQueries.MineAsync(db, actor, ct);
        Invitations = all.Where(c => c.YourStatus == ConsortiumMemberStatus.Invited && c.Status != ConsortiumStatus.Dissolved).ToList();
        Mine = all.Where(c => c.YourStatus == ConsortiumMemberStatus.Accepted).ToList();
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) => AnswerAsync(id, true, ct);

    public Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken ct) => AnswerAsync(id, false, ct);

    private async Task<IActionResult> AnswerAsync(int id, bool accept, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        var outcome = await consortia.AnswerAsync(actor, id, accept, ct);
        if (outcome.Refusal is { IsNotFound: true }) return NotFound();
        if (!outcome.Ok) Error = outcome.Refusal!.Detail;
        return accept && outcome.Ok ? Redirect($"/Consortia/{id}") : RedirectToPage();
    }
}
