using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Events;

/// <summary>
/// Meeting requests between participants: one asks with a note, the other accepts or declines with
/// a reason. A participant has at most the event's limit of requests out (waiting or accepted), so
/// a popular buyer's table is not taken by whoever clicks fastest.
/// </summary>
public sealed class MeetingRequests(AppDbContext db, EventService events, Notifier notifier, TimeProvider clock)
{
    public const string NotificationKind = "event-meeting";

    public async Task<Outcome<EventMeeting>> RequestAsync(Actor? actor, int eventId, MeetingRequestInput input, CancellationToken ct)
    {
        var seen = await events.ViewAsync(actor, eventId, ct);
        if (seen.Refusal is { } refused) return refused;
        var view = seen.Value!;
        if (view.Participant is not { } me) return Refusal.Forbidden("Register at the event to request meetings.");
        var e = view.Event;
        var errors = new Errors();
        errors.MaxLength("note", input.Note, EventLimits.Note);
        if (input.With is not { } with) errors.Add("with", "Name the participant to meet.");
        else if (with == me.Id) errors.Add("with", "You cannot request a meeting with yourself.");
        else if (!await db.Set<EventParticipant>().AnyAsync(p => p.Id == with && p.EventId == eventId, ct)) errors.Add("with", $"Participant {with} is not registered at this event.");
        if (errors.Any) return Refusal.Invalid(errors);
        var now = clock.GetUtcNow();
        if (!e.RegistrationOpen(now))
            return Refusal.Invalid("registration", $"Meetings are requested while registration is open ({e.RegistrationOpensAt:yyyy-MM-dd HH:mm} to {e.RegistrationClosesAt:yyyy-MM-dd HH:mm} UTC).");
        var other = input.With!.Value;
        var live = db.Set<EventMeeting>().Where(m => m.EventId == eventId && m.Status != MeetingStatus.Declined);
        if (await live.AnyAsync(m => (m.RequesterId == me.Id && m.RecipientId == other) || (m.RequesterId == other && m.RecipientId == me.Id), ct))
            return Refusal.Conflict("There already is a request between you and this participant.");
        var out_ = await live.CountAsync(m => m.RequesterId == me.Id, ct);
        if (out_ >= e.RequestLimit)
            return Refusal.Invalid("with", $"You have {out_} requests out, the limit of this event ({e.RequestLimit}); wait for answers or ask fewer.");

        var meeting = new EventMeeting
        {
            EventId = eventId, RequesterId = me.Id, RecipientId = other, Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            Status = MeetingStatus.Requested, RequestedAt = now,
        };
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        await TellAsync(other, $"{me.Organization.Name} asks to meet you at {e.Name}", meeting.Note, eventId, ct);
        return meeting;
    }

    /// <summary>The one asked accepts, or declines with a reason; only a waiting request can be answered.</summary>
    public async Task<Outcome<EventMeeting>> AnswerAsync(Actor? actor, int eventId, int meetingId, bool accept, string? reason, CancellationToken ct)
    {
        var seen = await events.ViewAsync(actor, eventId, ct);
        if (seen.Refusal is { } refused) return refused;
        var view = seen.Value!;
        var meeting = await db.Set<EventMeeting>().FirstOrDefaultAsync(m => m.Id == meetingId && m.EventId == eventId, ct);
        if (meeting is null || view.Participant is not { } me || !meeting.Involves(me.Id)) return Refusal.NotFound("The meeting request");
        if (meeting.RecipientId != me.Id) return Refusal.Forbidden("Only the participant asked answers a request.");
        if (!accept)
        {
            var errors = new Errors();
            errors.Required("reason", reason, EventLimits.Reason);
            if (errors.Any) return Refusal.Invalid(errors);
        }
        if (meeting.Status != MeetingStatus.Requested) return Refusal.Conflict($"The request was already {meeting.Status.ToString().ToLowerInvariant()}.");
        meeting.Status = accept ? MeetingStatus.Accepted : MeetingStatus.Declined;
        meeting.DeclineReason = accept ? null : reason!.Trim();
        meeting.AnsweredAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await TellAsync(meeting.RequesterId, accept
            ? $"{me.Organization.Name} accepted your meeting at {view.Event.Name}"
            : $"{me.Organization.Name} declined your meeting at {view.Event.Name}", meeting.DeclineReason, eventId, ct);
        return meeting;
    }

    private async Task TellAsync(int participantId, string title, string? body, int eventId, CancellationToken ct)
    {
        var orgId = await db.Set<EventParticipant>().Where(p => p.Id == participantId).Select(p => p.OrganizationId).FirstAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.OrganizationId == orgId).Select(u => u.Id).ToListAsync(ct);
        await notifier.NotifyAsync(users, NotificationKind, title, body, $"/Events/{eventId}", ct);
    }
}
