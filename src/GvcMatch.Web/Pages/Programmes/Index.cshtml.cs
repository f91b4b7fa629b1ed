using GvcMatch.Web.Data;
using GvcMatch.Web.Features.DevelopmentProgrammes;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Programmes;

/// <summary>Open development programmes for everyone; a runner's own programmes; an SME's enrolments with their progress and invitations to answer.</summary>
public sealed class IndexModel(AppDbContext db, ProgrammeService programmes, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ProgrammeDto> Open { get; private set; } = [];
    public IReadOnlyList<ProgrammeDto> Running { get; private set; } = [];
    public IReadOnlyList<EnrolmentProgressDto> Enrolments { get; private set; } = [];
    public bool CanRun { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        var today = clock.Today();
        Open = await programmes.PublicAsync(db.Set<DevelopmentProgramme>().Where(p => p.EndsOn >= today), ct);
        CanRun = ProgrammeService.CanRun(actor) is null;
        if (actor?.OrganizationId is { } orgId)
        {
            Running = await programmes.PublicAsync(db.Set<DevelopmentProgramme>().Where(p => p.OrganizationId == orgId), ct);
            if (actor.IsSme) Enrolments = (await programmes.MineAsync(actor, orgId, ct)).Value ?? [];
        }
    }

    /// <summary>The SME answers an invitation from this list.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(int id, int enrolmentId, bool accept, CancellationToken ct)
    {
        var outcome = await programmes.AnswerAsync(await User.GetActorAsync(db, ct), id, enrolmentId, accept, ct);
        if (outcome.Refusal is { IsNotFound: true }) return NotFound();
        return Redirect($"/Programmes/{id}");
    }
}
