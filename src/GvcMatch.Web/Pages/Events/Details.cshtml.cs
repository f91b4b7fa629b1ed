using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Events;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Events;

/// <summary>
/// One event: registration for everyone it admits; suggestions and meeting requests for participants;
/// the scheduler, its progress and report, hand moves and locks for the organiser. Every action goes
/// through the same services as the API, so the same rules and refusals apply.
/// </summary>
[Authorize]
public sealed class DetailsModel(AppDbContext db, EventService events, EventSuggestions suggestions, MeetingRequests requests,
    EventMeetings meetings, EventScheduling scheduling, EventDay day) : PageModel
{
    public EventDto Event { get; private set; } = null!;
    public EventParticipant? Me { get; private set; }
    public bool Organizes { get; private set; }
    public IReadOnlyList<SlotDto> Slots { get; private set; } = [];
    public IReadOnlyList<SuggestionDto> Suggestions { get; private set; } = [];
    public IReadOnlyList<MeetingDto> Meetings { get; private set; } = [];
    public ScheduleStatusDto? Schedule { get; private set; }
    public EventFiguresDto? Figures { get; private set; }
    public IReadOnlyList<ParticipantDto> Participants { get; private set; } = [];

    [BindProperty] public RegistrationForm Registration { get; set; } = new();

    [TempData] public string? Error { get; set; }
    [TempData] public string? Notice { get; set; }

    /// <summary>The scheduler's state in words (the resource keys).</summary>
    public static string StateText(string state) => state switch
    {
        nameof(ScheduleState.NotRun) => "Not run yet",
        nameof(ScheduleState.Queued) => "Scheduler queued",
        nameof(ScheduleState.Running) => "Scheduler running",
        nameof(ScheduleState.Done) => "Schedule done",
        _ => "Scheduler failed",
    };

    /// <summary>A meeting request's status in words (the resource keys).</summary>
    public static string StatusText(string status) => status switch
    {
        nameof(MeetingStatus.Requested) => "Waiting for an answer",
        nameof(MeetingStatus.Accepted) => "Meeting accepted",
        _ => "Request declined",
    };

    public IEnumerable<MeetingDto> Received => Meetings.Where(m => Me is not null && m.RecipientId == Me.Id);
    public IEnumerable<MeetingDto> Sent => Meetings.Where(m => Me is not null && m.RequesterId == Me.Id);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        if (!await LoadAsync(actor, id, ct)) return NotFound();
        if (Me is not null) Registration = RegistrationForm.From(Me, Event.Days);
        return Page();
    }

    public async Task<IActionResult> OnPostRegisterAsync(int id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        var done = await events.RegisterAsync(actor, id, Registration.ToInput(), ct);
        if (done.Refusal is { IsNotFound: true }) return NotFound();
        if (done.Ok) { Notice = "Your registration is saved."; return Redirect($"/Events/{id}"); }
        foreach (var (field, messages) in done.Refusal!.ForForm())
            foreach (var message in messages) ModelState.AddModelError(field, message);
        return await LoadAsync(actor, id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostRequestAsync(int id, int with, string? note, CancellationToken ct) =>
        ActAsync(id, actor => requests.RequestAsync(actor, id, new MeetingRequestInput(with, note), ct), "Your request is sent.", ct);

    public Task<IActionResult> OnPostAcceptAsync(int id, int meeting, CancellationToken ct) =>
        ActAsync(id, actor => requests.AnswerAsync(actor, id, meeting, true, null, ct), "The meeting is accepted.", ct);

    public Task<IActionResult> OnPostDeclineAsync(int id, int meeting, string? reason, CancellationToken ct) =>
        ActAsync(id, actor => requests.AnswerAsync(actor, id, meeting, false, reason, ct), "The request is declined.", ct);

    public Task<IActionResult> OnPostScheduleAsync(int id, bool fresh, CancellationToken ct) =>
        ActAsync(id, actor => scheduling.StartAsync(actor, id, fresh, ct), "The scheduler is running.", ct);

    public Task<IActionResult> OnPostPlaceAsync(int id, int meeting, int? slot, int? table, bool locked, CancellationToken ct) =>
        ActAsync(id, actor => scheduling.PlaceAsync(actor, id, meeting, new PlacementInput(slot, table, locked), ct), "The meeting is moved.", ct);

    public Task<IActionResult> OnPostCheckInAsync(int id, int participant, bool checkedIn, CancellationToken ct) =>
        ActAsync(id, actor => day.CheckInAsync(actor, id, participant, new CheckInInput(checkedIn), ct), checkedIn ? "Checked in." : "Check-in undone.", ct);

    private async Task<IActionResult> ActAsync<T>(int id, Func<Actor, Task<Outcome<T>>> act, string notice, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        var outcome = await act(actor);
        if (outcome.Refusal is { IsNotFound: true } && !outcome.Refusal.Detail.StartsWith("The meeting", StringComparison.Ordinal)) return NotFound();
        if (outcome.Ok) Notice = notice;
        else Error = outcome.Refusal!.Describe();
        return Redirect($"/Events/{id}");
    }

    private async Task<bool> LoadAsync(Actor actor, int id, CancellationToken ct)
    {
        var seen = await events.ViewAsync(actor, id, ct);
        if (!seen.Ok) return false;
        var view = seen.Value!;
        Event = await events.DtoAsync(view, ct);
        Me = view.Participant;
        Organizes = view.Organizes;
        Slots = view.Grid.Slots.Select(SlotDto.From).ToList();
        if (Me is not null) Suggestions = (await suggestions.ForAsync(actor, id, ct)).Value ?? [];
        if (view.Sees) Meetings = (await meetings.ListAsync(actor, id, ct)).Value ?? [];
        if (Organizes)
        {
            Schedule = (await scheduling.StatusAsync(actor, id, ct)).Value;
            Figures = (await scheduling.FiguresAsync(actor, id, ct)).Value;
            Participants = (await events.ParticipantsAsync(id, ct)).Select(p => ParticipantDto.From(p, you: false)).ToList();
        }
        return true;
    }
}

/// <summary>The registration form: phrases comma-separated, and one line of windows per event day ("09:00-10:30, 14:00-17:00").</summary>
public sealed class RegistrationForm
{
    public string? Offers { get; set; }
    public string? Seeks { get; set; }
    public List<string?> Days { get; set; } = [];
    public string? RequirementIds { get; set; }

    public RegistrationInput ToInput() => new()
    {
        Offers = EventForm.List(Offers), Seeks = EventForm.List(Seeks),
        Availability = Days.SelectMany((line, day) => EventForm.Ranges(line).Select(r => new DayWindowInput(day, r.From, r.To))).ToList(),
        RequirementIds = EventForm.List(RequirementIds)?.Select(s => int.TryParse(s, out var n) ? n : -1).ToList(),
    };

    public static RegistrationForm From(EventParticipant p, int days) => new()
    {
        Offers = string.Join(", ", p.Offers), Seeks = string.Join(", ", p.Seeks), RequirementIds = string.Join(", ", p.RequirementIds),
        Days = Enumerable.Range(0, days).Select(d => (string?)string.Join(", ", p.Availability.Where(w => w.Day == d)
            .Select(w => $"{EventDto.Hm(w.From)}-{EventDto.Hm(w.To)}"))).ToList(),
    };
}
