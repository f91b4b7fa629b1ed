using GvcMatch.Events.Scheduling;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Events;

/// <summary>
/// The organiser's side of scheduling: start a run, read its progress and report, move a meeting by
/// hand and lock it. Every hand-made placement is checked by <see cref="ScheduleValidator"/> against
/// all the others, so a move can never double-book a person or a table.
/// </summary>
public sealed class EventScheduling(AppDbContext db, EventService events, SchedulingJobs jobs, TimeProvider clock)
{
    public async Task<Outcome<ScheduleStatusDto>> StartAsync(Actor? actor, int eventId, bool fresh, CancellationToken ct)
    {
        var seen = await OrganizerViewAsync(actor, eventId, ct);
        if (seen.Refusal is { } refused) return refused;
        const string busy = "The scheduler is already running for this event.";
        if (jobs.IsActive(eventId)) return Refusal.Conflict(busy);
        // Marked before queueing: the job may start, and finish, before this request answers.
        await db.Set<MatchmakingEvent>().Where(e => e.Id == eventId)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.ScheduleState, ScheduleState.Queued).SetProperty(e => e.ScheduleError, (string?)null), ct);
        if (!jobs.TryQueue(eventId, fresh)) return Refusal.Conflict(busy);
        return await StatusAsync(actor, eventId, ct);
    }

    public async Task<Outcome<ScheduleStatusDto>> StatusAsync(Actor? actor, int eventId, CancellationToken ct)
    {
        var seen = await OrganizerViewAsync(actor, eventId, ct);
        if (seen.Refusal is { } refused) return refused;
        var e = await db.Set<MatchmakingEvent>().AsNoTracking().FirstAsync(x => x.Id == eventId, ct);
        var live = jobs.Progress(eventId);
        if (live is not null && e.ScheduleState is ScheduleState.Queued or ScheduleState.Running)
            return new ScheduleStatusDto(e.ScheduleState.ToString(), live.Phase, live.Placed, live.Requested, 0, null, null, []);
        var unplaced = await UnplacedAsync(eventId, ct);
        return new ScheduleStatusDto(e.ScheduleState.ToString(), e.ScheduleState == ScheduleState.Done ? "done" : null, e.SchedulePlaced,
            e.ScheduleRequested, e.ScheduleUpperBound, e.ScheduledAt, e.ScheduleError, unplaced);
    }

    /// <summary>Moves a meeting to a slot and table (or locks it where it is), refused with every rule it would break.</summary>
    public async Task<Outcome<EventMeeting>> PlaceAsync(Actor? actor, int eventId, int meetingId, PlacementInput input, CancellationToken ct)
    {
        var seen = await OrganizerViewAsync(actor, eventId, ct);
        if (seen.Refusal is { } refused) return refused;
        if (jobs.IsActive(eventId)) return Refusal.Conflict("The scheduler is running; move meetings once it has finished.");
        var loaded = await EventProblem.LoadAsync(db, seen.Value!.Event, fresh: false, ct);
        var meeting = loaded.Meetings.FirstOrDefault(m => m.Id == meetingId);
        if (meeting is null) return Refusal.NotFound("The accepted meeting");
        var errors = new Errors();
        if (input.Slot is null) errors.Add("slot", "This field is required.");
        else if (input.Slot < 0 || input.Slot >= loaded.Grid.Slots.Count) errors.Add("slot", $"The event has slots 0 to {loaded.Grid.Slots.Count - 1}.");
        if (input.Table is null) errors.Add("table", "This field is required.");
        else if (input.Table < 1 || input.Table > seen.Value.Event.Tables) errors.Add("table", $"The event has tables 1 to {seen.Value.Event.Tables}.");
        if (errors.Any) return Refusal.Invalid(errors);

        var wanted = new Placement(meetingId, input.Slot!.Value, input.Table!.Value);
        var all = loaded.Meetings.Where(m => m.Id != meetingId && m.Slot is not null && m.Table is not null).Select(EventProblem.At).Append(wanted);
        var problems = ScheduleValidator.Check(loaded.Problem, all);
        if (problems.Count > 0) return Refusal.Invalid("slot", string.Join(" ", problems));
        meeting.MoveTo(wanted.Slot, wanted.Table);
        meeting.Locked = input.Locked;
        meeting.UnplacedReason = null;
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    public async Task<Outcome<EventFiguresDto>> FiguresAsync(Actor? actor, int eventId, CancellationToken ct)
    {
        var seen = await OrganizerViewAsync(actor, eventId, ct);
        if (seen.Refusal is { } refused) return refused;
        return await EventFigures.ComputeAsync(db, seen.Value!, clock.GetUtcNow(), ct);
    }

    private async Task<Outcome<EventView>> OrganizerViewAsync(Actor? actor, int eventId, CancellationToken ct)
    {
        var seen = await events.ViewAsync(actor, eventId, ct);
        if (seen.Refusal is { } refused) return refused;
        return seen.Value!.Organizes ? seen : Refusal.Forbidden("Only the organiser schedules the event's meetings.");
    }

    private async Task<List<UnplacedDto>> UnplacedAsync(int eventId, CancellationToken ct)
    {
        var rows = await db.Set<EventMeeting>().AsNoTracking()
            .Where(m => m.EventId == eventId && m.Status == MeetingStatus.Accepted && m.Slot == null && m.UnplacedReason != null)
            .OrderBy(m => m.Id).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var names = await EventMeetings.NamesAsync(db, eventId, ct);
        return rows.Select(m => new UnplacedDto(m.Id, $"{names.GetValueOrDefault(m.RequesterId)} and {names.GetValueOrDefault(m.RecipientId)}",
            m.UnplacedReason!, EventProblem.Explain(m.UnplacedReason!))).ToList();
    }
}
