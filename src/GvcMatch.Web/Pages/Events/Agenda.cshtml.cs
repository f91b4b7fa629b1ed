using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Events;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Events;

/// <summary>A participant's own agenda at an event, with the address of its calendar feed.</summary>
[Authorize]
public sealed class AgendaModel(AppDbContext db, EventMeetings meetings) : PageModel
{
    public AgendaDto Agenda { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        var agenda = await meetings.AgendaAsync(actor, id, $"{Request.Scheme}://{Request.Host}", ct);
        if (agenda.Refusal is { IsNotFound: true }) return NotFound();
        if (agenda.Refusal is not null) return Forbid();
        Agenda = agenda.Value!;
        return Page();
    }
}
