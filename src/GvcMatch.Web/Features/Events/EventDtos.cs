using GvcMatch.Events.Timetable;
using GvcMatch.Web.Features.Matching;

namespace GvcMatch.Web.Features.Events;

public sealed record EventDto(
    int Id, string Name, string? Description, int OrganizerOrganizationId, string OrganizerName, string? Place, string? VideoLink, bool Online,
    DateOnly FirstDay, int Days, string DayStart, string DayEnd, int MeetingMinutes, IReadOnlyList<TimeRangeInput> Breaks, string TimeZone,
    int Tables, DateTimeOffset RegistrationOpensAt, DateTimeOffset RegistrationClosesAt, IReadOnlyList<string> Audience,
    IReadOnlyList<string> Countries, IReadOnlyList<string> Sectors, IReadOnlyList<int> RequirementIds, int RequestLimit,
    int Slots, int Participants, bool YouOrganize, int? YourParticipantId)
{
    public static EventDto From(MatchmakingEvent e, string organizerName, int slots, int participants, bool youOrganize, int? yourParticipantId) => new(
        e.Id, e.Name, e.Description, e.OrganizerOrganizationId, organizerName, e.Place, e.VideoLink, e.IsOnline,
        e.FirstDay, e.Days, Hm(e.DayStart), Hm(e.DayEnd), e.MeetingMinutes, e.Breaks.Select(b => new TimeRangeInput(Hm(b.From), Hm(b.To))).ToList(),
        e.TimeZone, e.Tables, e.RegistrationOpensAt, e.RegistrationClosesAt, e.Audience, e.Countries, e.Sectors, e.RequirementIds, e.RequestLimit,
        slots, participants, youOrganize, yourParticipantId);

    public static string Hm(TimeOnly t) => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record SlotDto(int Index, int Day, DateTime LocalStart, DateTimeOffset Start, DateTimeOffset End)
{
    public static SlotDto From(EventSlot s) => new(s.Index, s.Day, s.LocalStart, s.Start, s.End);
}

public sealed record ParticipantDto(
    int Id, int OrganizationId, string Name, string Kind, string Country, IReadOnlyList<string> Offers, IReadOnlyList<string> Seeks,
    IReadOnlyList<DayWindowInput> Availability, IReadOnlyList<int> RequirementIds, bool You, DateTimeOffset? CheckedInAt)
{
    public static ParticipantDto From(EventParticipant p, bool you) => new(
        p.Id, p.OrganizationId, p.Organization.Name, p.Organization.Kind.ToString(), p.Organization.Country, p.Offers, p.Seeks,
        p.Availability.Select(w => new DayWindowInput(w.Day, EventDto.Hm(w.From), EventDto.Hm(w.To))).ToList(), p.RequirementIds, you, p.CheckedInAt);
}

/// <summary>A meeting request or meeting as one of its two sides (or the organiser) sees it.</summary>
public sealed record MeetingDto(
    int Id, int RequesterId, string RequesterName, int RecipientId, string RecipientName, string? Note, string Status, string? DeclineReason,
    DateTimeOffset RequestedAt, int? Slot, int? Table, bool Locked, DateTimeOffset? Start, DateTimeOffset? End, string? UnplacedReason,
    bool RequesterNoShow, bool RecipientNoShow, long? FollowUpConversationId);

/// <summary>How one participant's requirement scores another: the same lines as a requirement's matches.</summary>
public sealed record RequirementFitDto(int RequirementId, string Title, double Total, bool Qualified, string Headline, IReadOnlyList<CriterionScoreDto> Criteria);

/// <summary>
/// Another participant ranked for the caller: how well what it offers here covers what the caller seeks,
/// explained as a match is, and how it fares on the requirements a buyer brought.
/// </summary>
public sealed record SuggestionDto(
    int Rank, int ParticipantId, int OrganizationId, string Name, string Kind, string Country, IReadOnlyList<string> Offers,
    double Total, string Headline, IReadOnlyList<CriterionScoreDto> Criteria, IReadOnlyList<RequirementFitDto> Requirements, string? Requested);

public sealed record UnplacedDto(int MeetingId, string Between, string Reason, string Explanation);

public sealed record ScheduleStatusDto(
    string State, string? Phase, int Placed, int Requested, int UpperBound, DateTimeOffset? FinishedAt, string? Error, IReadOnlyList<UnplacedDto> Unplaced);

public sealed record AgendaItemDto(
    int MeetingId, int Slot, int Table, DateTimeOffset Start, DateTimeOffset End, DateTime LocalStart, int WithParticipantId, string WithName,
    string? Place, string? VideoLink, string? Note, bool Started, bool OtherNoShow, long? FollowUpConversationId, FeedbackDto? YourFeedback);

/// <summary>One side's feedback on a meeting.</summary>
public sealed record FeedbackDto(int MeetingId, int ParticipantId, bool Useful, bool FollowUp, string? Note, DateTimeOffset GivenAt)
{
    public static FeedbackDto From(EventMeetingFeedback f) => new(f.MeetingId, f.ParticipantId, f.Useful, f.FollowUpPlanned, f.Note, f.GivenAt);
}

public sealed record AgendaDto(int EventId, string EventName, string TimeZone, string FeedUrl, IReadOnlyList<AgendaItemDto> Meetings, int ParticipantId)
{
    public string PdfUrl => $"/api/events/{EventId}/participants/{ParticipantId}/agenda.pdf";
}

/// <summary>
/// The organiser's counts. Held: placed, started, and neither side marked absent. Follow-ups: meetings
/// with a follow-up conversation or a side that planned one. Agreements: meetings whose two
/// organisations later accepted an offer or had an award between them (decided after the event began).
/// </summary>
public sealed record EventFiguresDto(
    int Participants, int Requested, int Accepted, int Declined, int Waiting, int Placed, int Unplaced,
    int CheckedIn, int Held, int NoShows, int Useful, int FollowUps, int Agreements);

public sealed record MeetingRequestInput(int? With, string? Note);

public sealed record DeclineInput(string? Reason);

public sealed record PlacementInput(int? Slot, int? Table, bool Locked);

public sealed record ScheduleRunInput(bool Fresh);
