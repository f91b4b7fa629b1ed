using GvcMatch.Events.Agenda;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Events;

/// <summary>
/// Reading meetings: the organiser sees all of an event's requests and meetings, a participant only
/// its own; the agenda and its calendar feed list a participant's placed meetings.
/// </summary>
public sealed class EventMeetings(AppDbContext db, EventService events, TimeProvider clock)
{
    public async Task<Outcome<List<MeetingDto>>> ListAsync(Actor? actor, int eventId, CancellationToken ct)
    {
        var seen = await events.ViewAsync(actor, eventId, ct);
        if (seen.Refusal is { } refused) return refused;
        var view = seen.Value!;
        if (!view.Sees) return Refusal.Forbidden("Only the event's participants and its organiser see its meetings.");
        var query = db.Set<EventMeeting>().AsNoTracking().Where(m => m.EventId == eventId);
        if (!view.Organizes)
        {
            var me = view.Participant!.Id;
            query = query.Where(m => m.RequesterId == me || m.RecipientId == me);
        }
        var rows = await query.OrderBy(m => m.Slot == null).ThenBy(m => m.Slot).ThenBy(m => m.Table).ThenBy(m => m.Id).ToListAsync(ct);
        var names = await NamesAsync(db, eventId, ct);
        return rows.Select(m =>
        {
            var slot = m.Slot is { } s && s < view.Grid.Slots.Count ? view.Grid.Slots[s] : null;
            return new MeetingDto(m.Id, m.RequesterId, names.GetValueOrDefault(m.RequesterId, ""), m.RecipientId, names.GetValueOrDefault(m.RecipientId, ""),
                m.Note, m.Status.ToString(), m.DeclineReason, m.RequestedAt, m.Slot, m.Table, m.Locked, slot?.Start, slot?.End, m.UnplacedReason,
                m.RequesterNoShow, m.RecipientNoShow, m.FollowUpConversationId);
        }).ToList();
    }

    public async Task<Outcome<AgendaDto>> AgendaAsync(Actor? actor, int eventId, string feedBase, CancellationToken ct)
    {
        var seen = await events.ViewAsync(actor, eventId, ct);
        if (seen.Refusal is { } refused) return refused;
        if (seen.Value!.Participant is not { } me) return Refusal.Forbidden("Agendas are for the event's participants.");
        return await AgendaOfAsync(seen.Value.Event, me, feedBase, ct);
    }

    /// <summary>The calendar feed behind a participant's secret address; null when no registration has that token.</summary>
    public async Task<string?> FeedAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64) return null;
        var me = await db.Set<EventParticipant>().AsNoTracking().Include(p => p.Organization).FirstOrDefaultAsync(p => p.FeedToken == token, ct);
        if (me is null) return null;
        var e = await db.Set<MatchmakingEvent>().AsNoTracking().FirstAsync(x => x.Id == me.EventId, ct);
        var grid = GvcMatch.Events.Timetable.EventGrid.Build(e.Timetable());
        var names = await NamesAsync(db, e.Id, ct);
        var rows = await db.Set<EventMeeting>().AsNoTracking()
            .Where(m => m.EventId == e.Id && (m.RequesterId == me.Id || m.RecipientId == me.Id) && (m.Slot != null || m.Sequence > 0))
            .OrderBy(m => m.Id).ToListAsync(ct);
        Uri? link = e.VideoLink is null ? null : new Uri(e.VideoLink);
        var entries = rows.Select(m =>
        {
            // A meeting that lost its slot stays in the feed as cancelled (calendars drop it by its UID; the time shown is the event's first slot).
            var placed = m.Slot is { } s && s < grid.Slots.Count && m.Status == MeetingStatus.Accepted;
            var slot = grid.Slots[placed ? m.Slot!.Value : 0];
            var with = names.GetValueOrDefault(m.Other(me.Id), "");
            return new AgendaEntry($"event-{e.Id}-meeting-{m.Id}@gvcmatch", m.Sequence, slot.Start, slot.End, $"{e.Name}: meeting with {with}",
                e.Place is null ? null : $"{e.Place}, table {m.Table}", m.Note, e.IsOnline ? link : null, Cancelled: !placed);
        });
        return AgendaCalendar.Build($"{e.Name} — {me.Organization.Name}", entries, clock.GetUtcNow());
    }

    public async Task<AgendaDto> AgendaOfAsync(MatchmakingEvent e, EventParticipant me, string feedBase, CancellationToken ct)
    {
        var grid = GvcMatch.Events.Timetable.EventGrid.Build(e.Timetable());
        var names = await NamesAsync(db, e.Id, ct);
        var rows = await db.Set<EventMeeting>().AsNoTracking()
            .Where(m => m.EventId == e.Id && m.Status == MeetingStatus.Accepted && m.Slot != null && (m.RequesterId == me.Id || m.RecipientId == me.Id))
            .ToListAsync(ct);
        var ids = rows.Select(m => m.Id).ToList();
        var feedback = await db.Set<EventMeetingFeedback>().AsNoTracking().Where(f => f.ParticipantId == me.Id && ids.Contains(f.MeetingId))
            .ToDictionaryAsync(f => f.MeetingId, ct);
        var now = clock.GetUtcNow();
        var items = rows.Where(m => m.Slot < grid.Slots.Count).OrderBy(m => m.Slot).Select(m =>
        {
            var slot = grid.Slots[m.Slot!.Value];
            var otherAbsent = m.RequesterId == me.Id ? m.RecipientNoShow : m.RequesterNoShow;
            return new AgendaItemDto(m.Id, slot.Index, m.Table ?? 0, slot.Start, slot.End, slot.LocalStart, m.Other(me.Id),
                names.GetValueOrDefault(m.Other(me.Id), ""), e.Place, e.VideoLink, m.Note, slot.Start <= now, otherAbsent, m.FollowUpConversationId,
                feedback.TryGetValue(m.Id, out var f) ? FeedbackDto.From(f) : null);
        }).ToList();
        return new AgendaDto(e.Id, e.Name, e.TimeZone, $"{feedBase.TrimEnd('/')}/api/event-feeds/{me.FeedToken}.ics", items, me.Id);
    }

    /// <summary>Participant id to organisation name, for one event.</summary>
    public static Task<Dictionary<int, string>> NamesAsync(AppDbContext db, int eventId, CancellationToken ct) =>
        db.Set<EventParticipant>().AsNoTracking().Where(p => p.EventId == eventId).Select(p => new { p.Id, p.Organization.Name })
            .ToDictionaryAsync(p => p.Id, p => p.Name, ct);
}
