using GvcMatch.Events.Timetable;
using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Events;

/// <summary>One event's figures as the outcome statistics show them beside the awards.</summary>
public sealed record EventOutcomeDto(int EventId, string Name, DateTimeOffset StartedAt, EventFiguresDto Figures);

/// <summary>
/// What matchmaking events led to, for the platform's outcome statistics: every event whose first
/// meeting slot has begun (before that there is nothing to report), with the organiser's figures.
/// With a buyer named, only the events it organised or took part in.
/// </summary>
public static class EventOutcomes
{
    public static async Task<IReadOnlyList<EventOutcomeDto>> ComputeAsync(AppDbContext db, int? buyer, DateTimeOffset now, CancellationToken ct)
    {
        var query = db.Set<MatchmakingEvent>().AsNoTracking();
        if (buyer is { } org)
            query = query.Where(e => e.OrganizerOrganizationId == org
                || db.Set<EventParticipant>().Any(p => p.EventId == e.Id && p.OrganizationId == org));
        var events = await query.OrderBy(e => e.FirstDay).ThenBy(e => e.Id).ToListAsync(ct);
        var outcomes = new List<EventOutcomeDto>();
        foreach (var e in events)
        {
            var grid = EventGrid.Build(e.Timetable());
            if (grid.Slots.Count == 0 || grid.Slots[0].Start > now) continue;
            outcomes.Add(new EventOutcomeDto(e.Id, e.Name, grid.Slots[0].Start, await EventFigures.ComputeAsync(db, e, grid, now, ct)));
        }
        return outcomes;
    }
}
