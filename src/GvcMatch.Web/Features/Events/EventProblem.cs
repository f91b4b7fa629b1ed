using GvcMatch.Events.Scheduling;
using GvcMatch.Events.Timetable;
using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Events;

/// <summary>
/// An event's accepted meetings as the scheduler sees them: participants with the slots they are
/// available in, the tables, the locked placements and the current ones (kept on a re-run unless
/// the organiser asks for a fresh schedule).
/// </summary>
public sealed record EventProblem(SchedulingProblem Problem, EventGrid Grid, List<EventMeeting> Meetings)
{
    public static async Task<EventProblem> LoadAsync(AppDbContext db, MatchmakingEvent e, bool fresh, CancellationToken ct)
    {
        var grid = EventGrid.Build(e.Timetable());
        var participants = await db.Set<EventParticipant>().AsNoTracking().Where(p => p.EventId == e.Id).ToListAsync(ct);
        var meetings = await db.Set<EventMeeting>().Where(m => m.EventId == e.Id && m.Status == MeetingStatus.Accepted).OrderBy(m => m.Id).ToListAsync(ct);
        var placed = meetings.Where(m => m.Slot is not null && m.Table is not null).ToList();
        var problem = new SchedulingProblem
        {
            SlotCount = grid.Slots.Count,
            Tables = [e.Tables],
            Participants = participants.Select(p => new Participant(p.Id, Available(grid, p))).ToList(),
            Meetings = meetings.Select(m => new MeetingRequest(m.Id, m.RequesterId, m.RecipientId)).ToList(),
            Locked = placed.Where(m => m.Locked).Select(At).ToList(),
            Previous = fresh ? [] : placed.Where(m => !m.Locked).Select(At).ToList(),
        };
        return new EventProblem(problem, grid, meetings);
    }

    /// <summary>No windows given means the whole meeting hours of every day.</summary>
    public static SlotSet Available(EventGrid grid, EventParticipant p) =>
        p.Availability.Count == 0 ? SlotSet.All(grid.Slots.Count) : grid.Availability(p.Availability);

    public static Placement At(EventMeeting m) => new(m.Id, m.Slot!.Value, m.Table!.Value);

    /// <summary>
    /// Writes a run's result onto the meetings: a meeting that moves, appears or drops out gets a
    /// higher sequence, so calendar feeds replace it; one that stays put keeps its sequence.
    /// </summary>
    public void Apply(Schedule schedule)
    {
        var placements = schedule.Placements.ToDictionary(p => p.MeetingId);
        var reasons = schedule.Unplaced.ToDictionary(u => u.MeetingId, u => u.Reason.ToString());
        foreach (var m in Meetings)
        {
            var (slot, table) = placements.TryGetValue(m.Id, out var p) ? ((int?)p.Slot, (int?)p.Table) : (null, null);
            m.MoveTo(slot, table);
            m.UnplacedReason = reasons.GetValueOrDefault(m.Id);
            if (slot is null) m.Locked = false;
        }
    }

    public static string Explain(string reason) => reason switch
    {
        nameof(UnplacedReason.NoCommonAvailability) => "The two participants are never available at the same time.",
        nameof(UnplacedReason.ParticipantsBooked) => "Whenever both are available, one of them already has another meeting.",
        nameof(UnplacedReason.NoTableFree) => "Both are free at some time, but every table is taken then.",
        _ => reason,
    };
}
