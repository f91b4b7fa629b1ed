using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Events;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Events;

/// <summary>
/// A participant's own agenda at an event, with its PDF and the address of its calendar feed; once a
/// meeting has started, its feedback form, the follow-up conversation and the no-show mark.
/// </summary>
[Authorize]
public sealed class AgendaModel(AppDbContext db, EventMeetings meetings, EventDay day) : PageModel
{
    public AgendaDto Agenda { get; private set; } = null!;

    [TempData] public string? Error { get; set; }
    [TempData] public string? Notice { get; set; }

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

    public Task<IActionResult> OnPostFeedbackAsync(int id, int meeting, bool useful, bool followUp, string? note, CancellationToken ct) =>
        ActAsync(id, actor => day.FeedbackAsync(actor, id, meeting, new FeedbackInput(useful, followUp, note), ct), "Thank you for your feedback.", ct);

    public Task<IActionResult> OnPostNoShowAsync(int id, int meeting, int absent, CancellationToken ct) =>
        ActAsync(id, actor => day.NoShowAsync(actor, id, meeting, new NoShowInput(absent, true), ct), "Marked as not come.", ct);

    public async Task<IActionResult> OnPostFollowUpAsync(int id, int meeting, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        var opened = await day.FollowUpAsync(actor, id, meeting, ct);
        if (opened.Ok) return Redirect($"/Conversations/{opened.Value!.ConversationId}");
        Error = opened.Refusal!.Describe();
        return Redirect($"/Events/{id}/Agenda");
    }

    private async Task<IActionResult> ActAsync<T>(int id, Func<Actor, Task<Outcome<T>>> act, string notice, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        var outcome = await act(actor);
        if (outcome.Ok) Notice = notice;
        else Error = outcome.Refusal!.Describe();
        return Redirect($"/Events/{id}/Agenda");
    }
}
