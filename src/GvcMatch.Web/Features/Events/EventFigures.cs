using GvcMatch.Events.Timetable;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Offers;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Events;

/// <summary>
/// What an event led to, for its organiser: from requests through meetings held to agreements the
/// two organisations of a meeting reached afterwards. An agreement is an offer accepted between them
/// (either side proposing) or an award of one's requirement to the other, decided after the event's
/// first meeting began; a pair that met twice counts once per meeting.
/// </summary>
public static class EventFigures
{
    public static Task<EventFiguresDto> ComputeAsync(AppDbContext db, EventView view, DateTimeOffset now, CancellationToken ct) =>
        ComputeAsync(db, view.Event, view.Grid, now, ct);

    public static async Task<EventFiguresDto> ComputeAsync(AppDbContext db, MatchmakingEvent e, EventGrid grid, DateTimeOffset now, CancellationToken ct)
    {
        var eventId = e.Id;
        var meetings = await db.Set<EventMeeting>().AsNoTracking().Where(m => m.EventId == eventId).ToListAsync(ct);
        var participants = await db.Set<EventParticipant>().AsNoTracking().Where(p => p.EventId == eventId)
            .Select(p => new { p.Id, p.OrganizationId, p.CheckedInAt }).ToListAsync(ct);
        var ids = meetings.Select(m => m.Id).ToList();
        var feedback = await db.Set<EventMeetingFeedback>().AsNoTracking().Where(f => ids.Contains(f.MeetingId))
            .Select(f => new { f.MeetingId, f.Useful, f.FollowUpPlanned }).ToListAsync(ct);
        var accepted = meetings.Where(m => m.Status == MeetingStatus.Accepted).ToList();
        var placed = accepted.Where(m => m.Slot is not null).ToList();
        var held = placed.Where(m => EventDay.Held(m, grid, now)).ToList();
        var useful = feedback.Where(f => f.Useful).Select(f => f.MeetingId).ToHashSet();
        var planned = feedback.Where(f => f.FollowUpPlanned).Select(f => f.MeetingId).ToHashSet();
        var org = participants.ToDictionary(p => p.Id, p => p.OrganizationId);
        var agreed = grid.Slots.Count == 0 ? new HashSet<(int, int)>() : await AgreedPairsAsync(db, org.Values.Distinct().ToList(), grid.Slots[0].Start, ct);
        return new EventFiguresDto(
            participants.Count, meetings.Count, accepted.Count, meetings.Count(m => m.Status == MeetingStatus.Declined),
            meetings.Count(m => m.Status == MeetingStatus.Requested), placed.Count, accepted.Count - placed.Count,
            participants.Count(p => p.CheckedInAt is not null), held.Count,
            placed.Count(m => m.RequesterNoShow || m.RecipientNoShow), held.Count(m => useful.Contains(m.Id)),
            placed.Count(m => m.FollowUpConversationId is not null || planned.Contains(m.Id)),
            held.Count(m => agreed.Contains(Pair(org[m.RequesterId], org[m.RecipientId]))));
    }

    private static async Task<HashSet<(int, int)>> AgreedPairsAsync(AppDbContext db, List<int> orgs, DateTimeOffset since, CancellationToken ct)
    {
        var offers = await db.Set<Offer>().AsNoTracking()
            .Where(o => o.State == OfferState.Accepted && o.DecidedAt >= since && o.DecidedByOrganizationId != null
                && orgs.Contains(o.ProposedByOrganizationId) && orgs.Contains(o.DecidedByOrganizationId.Value))
            .Select(o => new { A = o.ProposedByOrganizationId, B = o.DecidedByOrganizationId!.Value }).ToListAsync(ct);
        var awards = await db.OutcomeRecords.AsNoTracking()
            .Where(o => !o.Cancelled && o.DecidedAt >= since && o.WinnerOrganizationId != null
                && orgs.Contains(o.BuyerOrganizationId) && orgs.Contains(o.WinnerOrganizationId.Value))
            .Select(o => new { A = o.BuyerOrganizationId, B = o.WinnerOrganizationId!.Value }).ToListAsync(ct);
        return offers.Select(o => Pair(o.A, o.B)).Concat(awards.Select(o => Pair(o.A, o.B))).ToHashSet();
    }

    private static (int, int) Pair(int a, int b) => a < b ? (a, b) : (b, a);
}
