using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Features.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Account;

/// <summary>
/// An SME's group certificate listings: its owner accepts or declines each (the profile page shows the
/// same list). Below them, the open group certifications it could join, and its requests to join.
/// </summary>
public sealed class GroupCertificatesModel(
    AppDbContext db, GroupCertificationMessages messages, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    public Actor Actor { get; private set; } = null!;
    public IReadOnlyList<OpenGroupCertificationDto> Open { get; private set; } = [];
    public IReadOnlyList<JoinRequestDto> Requests { get; private set; } = [];

    [TempData] public string? Notice { get; set; }
    [TempData] public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        if (GroupCertificateListings.CannotSee(actor) is not null) return Forbid();
        Actor = actor;
        var country = await db.Organizations.Where(o => o.Id == actor.OrganizationId).Select(o => o.Country).FirstAsync(ct);
        Open = (await GroupCertificateJoining.OpenForAsync(db, actor.OrganizationId!.Value, country, null, clock.Today(), ct)).Where(o => !o.Listed).ToList();
        Requests = await GroupCertificateJoining.MineAsync(db, actor.OrganizationId!.Value, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostJoinAsync(int id, string? note, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        var now = clock.GetUtcNow();
        var outcome = await GroupCertificateJoining.RequestAsync(db, actor, id, new JoinRequestInput(note), now, ct);
        if (outcome.Refusal is { IsForbidden: true }) return Forbid();
        if (outcome.Refusal is { IsNotFound: true }) return NotFound();
        if (!outcome.Ok)
        {
            Error = MessageTexts.Translate(outcome.Refusal!.Describe());
            return RedirectToPage();
        }
        var request = (await GroupCertificateJoining.MineAsync(db, actor.OrganizationId!.Value, ct)).First(r => r.Id == outcome.Value!.Id);
        if (outcome.Value!.CreatedAt == now)
        {
            var cluster = await db.GroupCertificates.Where(g => g.Id == id).Select(g => g.ClusterOrganizationId).FirstAsync(ct);
            await messages.RequestedAsync(cluster, request.OrganizationName, request.Standard, ct);
        }
        Notice = l["Your request to join has been sent to the cluster."];
        return RedirectToPage();
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
