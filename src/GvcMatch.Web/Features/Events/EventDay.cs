using GvcMatch.Events.Timetable;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Events;

public sealed record CheckInInput(bool? CheckedIn);

/// <summary>Who did not come to a meeting: a side names the other, the organiser either; <c>noShow: false</c> takes the mark back.</summary>
public sealed record NoShowInput(int? Absent, bool? NoShow);

public sealed record FeedbackInput(bool? Useful, bool? FollowUp, string? Note);

public sealed record FollowUpDto(long ConversationId, bool Created);

/// <summary>
/// The day itself and after: the organiser checks participants in; a meeting's sides (or the
/// organiser) mark a no-show; each side leaves a short feedback; either side follows up in a
/// conversation between the two organisations that has the meeting as its subject. No-shows,
/// feedback and follow-ups are for meetings that have started: before, there is nothing to say.
/// </summary>
public sealed class EventDay(AppDbContext db, EventService events, ConversationMessaging messaging, ConversationStore store, TimeProvider clock)
{
    public async Task<Outcome<EventParticipant>> CheckInAsync(Actor? actor, int eventId, int participantId, CheckInInput input, CancellationToken ct)
    {
        var seen = await events.ViewAsync(actor, eventId, ct);
        if (seen.Refusal is { } refused) return refused;
        if (!seen.Value!.Organizes) return Refusal.Forbidden("Only the organiser checks participants in.");
        if (input.CheckedIn is not { } checkedIn) return Refusal.Invalid("checkedIn", "Say whether the participant is here (true or false).");
        var participant = await db.Set<EventParticipant>().Include(p => p.Organization).FirstOrDefaultAsync(p => p.Id == participantId && p.EventId == eventId, ct);
        if (participant is null) return Refusal.NotFound("The participant");
        participant.CheckedInAt = checkedIn ? participant.CheckedInAt ?? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(ct);
        return participant;
    }

    public async Task<Outcome<EventMeeting>> NoShowAsync(Actor? actor, int eventId, int meetingId, NoShowInput input, CancellationToken ct)
    {
        var found = await StartedMeetingAsync(actor, eventId, meetingId, organiserToo: true, ct);
        if (found.Refusal is { } refused) return refused;
        var (meeting, me) = found.Value;
        if (input.Absent is not { } absent || !meeting.Involves(absent)) return Refusal.Invalid("absent", "Name the side of this meeting that did not come (a participant id).");
        if (me is { } mine && absent == mine.Id) return Refusal.Invalid("absent", "You were at the meeting; mark the other side.");
        var noShow = input.NoShow ?? true;
        if (absent == meeting.RequesterId) meeting.RequesterNoShow = noShow;
        else meeting.RecipientNoShow = noShow;
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    public async Task<Outcome<EventMeetingFeedback>> FeedbackAsync(Actor? actor, int eventId, int meetingId, FeedbackInput input, CancellationToken ct)
    {
        var found = await StartedMeetingAsync(actor, eventId, meetingId, organiserToo: false, ct);
        if (found.Refusal is { } refused) return refused;
        var (meeting, me) = found.Value;
        var errors = new Errors();
        if (input.Useful is null) errors.Add("useful", "Say whether the meeting was useful (true or false).");
        if (input.FollowUp is null) errors.Add("followUp", "Say whether a follow-up is planned (true or false).");
        errors.MaxLength("note", input.Note, EventLimits.Note);
        if (errors.Any) return Refusal.Invalid(errors);
        var feedback = await db.Set<EventMeetingFeedback>().FirstOrDefaultAsync(f => f.MeetingId == meeting.Id && f.ParticipantId == me!.Id, ct);
        if (feedback is null) db.Add(feedback = new EventMeetingFeedback { MeetingId = meeting.Id, ParticipantId = me!.Id });
        feedback.Useful = input.Useful!.Value;
        feedback.FollowUpPlanned = input.FollowUp!.Value;
        feedback.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        feedback.GivenAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return feedback;
    }

    /// <summary>Opens the meeting's conversation between the two organisations, or returns the one either side opened before.</summary>
    public async Task<Outcome<FollowUpDto>> FollowUpAsync(Actor? actor, int eventId, int meetingId, CancellationToken ct)
    {
        var found = await StartedMeetingAsync(actor, eventId, meetingId, organiserToo: false, ct);
        if (found.Refusal is { } refused) return refused;
        var (meeting, me) = found.Value;
        var orgs = await db.Set<EventParticipant>().AsNoTracking().Where(p => p.Id == meeting.RequesterId || p.Id == meeting.RecipientId)
            .Select(p => new { p.Id, p.OrganizationId, p.Organization.Name }).ToDictionaryAsync(p => p.Id, ct);
        var other = orgs[meeting.Other(me!.Id)];
        var eventName = await db.Set<MatchmakingEvent>().Where(e => e.Id == eventId).Select(e => e.Name).FirstAsync(ct);
        var (a, b) = (orgs[meeting.RequesterId].OrganizationId, orgs[meeting.RecipientId].OrganizationId);
        var subject = $"{eventName}: {orgs[meeting.RequesterId].Name} and {orgs[meeting.RecipientId].Name}";
        var plan = new StartPlan(ConversationTopic.Direct, null, other.OrganizationId, $"E:{meeting.Id}:{Math.Min(a, b)}-{Math.Max(a, b)}",
            subject.Length <= MessageLimits.Subject ? subject : subject[..(MessageLimits.Subject - 1)] + "…");
        var (id, created) = await ConversationStarter.OpenAsync(db, messaging, store, actor!, plan, clock, ct);
        await db.Set<EventMeeting>().Where(m => m.Id == meeting.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.FollowUpConversationId, (long?)id), ct);
        return new FollowUpDto(id, created);
    }

    /// <summary>
    /// A placed meeting whose time has come, as its side (or, when allowed, the organiser) sees it:
    /// 404 to anyone it does not concern, 400 <c>meeting</c> before it starts.
    /// </summary>
    private async Task<Outcome<(EventMeeting Meeting, EventParticipant? Me)>> StartedMeetingAsync(
        Actor? actor, int eventId, int meetingId, bool organiserToo, CancellationToken ct)
    {
        var seen = await events.ViewAsync(actor, eventId, ct);
        if (seen.Refusal is { } refused) return refused;
        var view = seen.Value!;
        var meeting = await db.Set<EventMeeting>().FirstOrDefaultAsync(m => m.Id == meetingId && m.EventId == eventId, ct);
        var mine = meeting is not null && view.Participant is { } p && meeting.Involves(p.Id);
        if (meeting is null || !(mine || view.Organizes)) return Refusal.NotFound("The meeting");
        if (!mine && !organiserToo) return Refusal.Forbidden("Only the two sides of a meeting give feedback and follow it up.");
        if (meeting.Status != MeetingStatus.Accepted || meeting.Slot is not { } slot || slot >= view.Grid.Slots.Count)
            return Refusal.Invalid("meeting", "The meeting is not on the schedule.");
        var start = view.Grid.Slots[slot].Start;
        if (clock.GetUtcNow() < start) return Refusal.Invalid("meeting", $"The meeting has not started yet; it starts at {start:yyyy-MM-dd HH:mm} UTC.");
        return Outcome.Done((meeting, mine ? view.Participant : null));
    }

    /// <summary>Whether a meeting took place: it is placed, its time has come and neither side was marked absent.</summary>
    public static bool Held(EventMeeting m, EventGrid grid, DateTimeOffset now) =>
        m.Status == MeetingStatus.Accepted && m.Slot is { } s && s < grid.Slots.Count && grid.Slots[s].Start <= now && !m.RequesterNoShow && !m.RecipientNoShow;
}
