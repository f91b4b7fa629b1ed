namespace GvcMatch.Events.Timetable;

/// <summary>A stretch of local time within a day (a break, or a window a participant is available).</summary>
public sealed record TimeWindow(TimeOnly From, TimeOnly To);

/// <summary>A participant's availability on one day of the event, in the event's local time.</summary>
public sealed record DayWindow(int Day, TimeOnly From, TimeOnly To);

/// <summary>
/// How an event's meeting days are laid out, in the event's own time zone: the days, the hours each
/// day, the length of a meeting and the breaks. <see cref="EventGrid"/> turns it into slots.
/// </summary>
public sealed record EventTimetable
{
    public required DateOnly FirstDay { get; init; }
    public required int Days { get; init; }
    public required TimeOnly DayStart { get; init; }
    public required TimeOnly DayEnd { get; init; }
    public required int MeetingMinutes { get; init; }
    public IReadOnlyList<TimeWindow> Breaks { get; init; } = [];

    /// <summary>An IANA time zone ("Europe/Madrid", "Asia/Tokyo").</summary>
    public required string TimeZone { get; init; }

    /// <summary>The problems with this timetable, by field, in words an organiser can act on; empty when it holds.</summary>
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        if (Days is < 1 or > 14) problems["days"] = "An event lasts 1 to 14 days.";
        if (MeetingMinutes is < 5 or > 240) problems["meetingMinutes"] = "A meeting lasts 5 to 240 minutes.";
        if (DayEnd <= DayStart) problems["dayEnd"] = "The day must end after it starts.";
        else if (MeetingMinutes is >= 5 and <= 240 && (DayEnd - DayStart).TotalMinutes < MeetingMinutes) problems["dayEnd"] = "The day is shorter than one meeting.";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _)) problems["timeZone"] = $"'{TimeZone}' is not a known time zone (use a name such as Europe/Madrid).";
        for (var i = 0; i < Breaks.Count; i++)
        {
            var b = Breaks[i];
            if (b.To <= b.From) problems[$"breaks[{i}]"] = "A break must end after it starts.";
            else if (b.From < DayStart || b.To > DayEnd) problems[$"breaks[{i}]"] = "A break must fall within the meeting hours.";
            else if (Breaks.Take(i).Any(o => o.From < b.To && b.From < o.To)) problems[$"breaks[{i}]"] = "Breaks must not overlap.";
        }
        return problems;
    }
}
