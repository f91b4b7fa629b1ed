using GvcMatch.Events.Timetable;
using GvcMatch.Web.Features.Organizations;

namespace GvcMatch.Web.Features.Events;

/// <summary>Where the organiser's last scheduler run stands.</summary>
public enum ScheduleState { NotRun, Queued, Running, Done, Failed }

/// <summary>
/// A trade fair, mission or supplier day with pre-scheduled one-to-one meetings, organised by an
/// intermediary or a buyer. The timetable is kept in the event's own time zone; the slots are
/// derived from it (<see cref="EventGrid"/>) rather than stored, so they always agree with it.
/// </summary>
public sealed class MatchmakingEvent
{
    public int Id { get; set; }
    public int OrganizerOrganizationId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>The venue; null for an online event.</summary>
    public string? Place { get; set; }

    /// <summary>The video link every online meeting carries.</summary>
    public string? VideoLink { get; set; }

    public DateOnly FirstDay { get; set; }
    public int Days { get; set; }
    public TimeOnly DayStart { get; set; }
    public TimeOnly DayEnd { get; set; }
    public int MeetingMinutes { get; set; }
    public List<TimeWindow> Breaks { get; set; } = [];
    public required string TimeZone { get; set; }
    public int Tables { get; set; }

    public DateTimeOffset RegistrationOpensAt { get; set; }
    public DateTimeOffset RegistrationClosesAt { get; set; }

    /// <summary>Who may register: organisation kinds, and when given, countries and ISIC sectors (SMEs, by their profile).</summary>
    public List<string> Audience { get; set; } = [];

    public bool Admits(OrganizationKind kind) => Audience.Contains(kind.ToString());
    public List<string> Countries { get; set; } = [];
    public List<string> Sectors { get; set; } = [];

    /// <summary>Requirements the event is about (published ones, or the organiser's own).</summary>
    public List<int> RequirementIds { get; set; } = [];

    /// <summary>How many meeting requests one participant may have out (waiting or accepted).</summary>
    public int RequestLimit { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public ScheduleState ScheduleState { get; set; }
    public int SchedulePlaced { get; set; }
    public int ScheduleRequested { get; set; }
    public int ScheduleUpperBound { get; set; }
    public DateTimeOffset? ScheduledAt { get; set; }
    public string? ScheduleError { get; set; }

    public bool IsOnline => Place is null;

    public EventTimetable Timetable() => new()
    {
        FirstDay = FirstDay, Days = Days, DayStart = DayStart, DayEnd = DayEnd, MeetingMinutes = MeetingMinutes,
        Breaks = Breaks, TimeZone = TimeZone,
    };

    public bool RegistrationOpen(DateTimeOffset now) => now >= RegistrationOpensAt && now < RegistrationClosesAt;
}

/// <summary>An organisation registered at an event: its existing profile plus what it offers and seeks at this event.</summary>
public sealed class EventParticipant
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public List<string> Offers { get; set; } = [];
    public List<string> Seeks { get; set; } = [];

    /// <summary>Windows per event day in the event's local time; empty means the whole meeting hours of every day.</summary>
    public List<DayWindow> Availability { get; set; } = [];

    /// <summary>The buyer's own requirements it brings to the event.</summary>
    public List<int> RequirementIds { get; set; } = [];

    /// <summary>The secret in the participant's calendar feed address; whoever has it reads the agenda.</summary>
    public required string FeedToken { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>When the organiser checked the participant in on the day; null while it has not arrived.</summary>
    public DateTimeOffset? CheckedInAt { get; set; }
}

public enum MeetingStatus { Requested, Accepted, Declined }

/// <summary>
/// A meeting request between two participants and, once accepted, the meeting itself: its slot and
/// table after scheduling. <see cref="Sequence"/> rises whenever the meeting moves, so calendars
/// subscribed to the feed replace the entry instead of adding another.
/// </summary>
public sealed class EventMeeting
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public int RequesterId { get; set; }
    public int RecipientId { get; set; }
    public string? Note { get; set; }
    public MeetingStatus Status { get; set; }
    public string? DeclineReason { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }

    public int? Slot { get; set; }
    public int? Table { get; set; }
    public bool Locked { get; set; }
    public int Sequence { get; set; }

    /// <summary>Why the last scheduler run could not place it (a <see cref="GvcMatch.Events.Scheduling.UnplacedReason"/> name).</summary>
    public string? UnplacedReason { get; set; }

    /// <summary>Marked on the day by the other side or the organiser: the requester did not come.</summary>
    public bool RequesterNoShow { get; set; }

    /// <summary>Marked on the day by the other side or the organiser: the recipient did not come.</summary>
    public bool RecipientNoShow { get; set; }

    /// <summary>The conversation either side opened to follow the meeting up; both sides land in the same one.</summary>
    public long? FollowUpConversationId { get; set; }

    /// <summary>
    /// Puts the meeting at a slot and table (or takes it off the schedule with nulls). Any change
    /// after its first placement raises the sequence, so subscribed calendars replace the entry.
    /// </summary>
    public void MoveTo(int? slot, int? table)
    {
        if (slot == Slot && table == Table) return;
        if (Slot is not null || Sequence > 0) Sequence++;
        Slot = slot;
        Table = table;
    }

    public bool Involves(int participantId) => RequesterId == participantId || RecipientId == participantId;
    public int Other(int participantId) => RequesterId == participantId ? RecipientId : RequesterId;
}

public static class EventLimits
{
    public const int Name = 200;
    public const int Description = 4000;
    public const int Place = 300;
    public const int Url = 500;
    public const int Note = 1000;
    public const int Reason = 500;
    public const int Phrase = 100;
    public const int Phrases = 20;
    public const int MaxTables = 1000;
    public const int MaxRequestLimit = 200;
}
