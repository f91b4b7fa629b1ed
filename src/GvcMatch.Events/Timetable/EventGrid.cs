using GvcMatch.Events.Scheduling;

namespace GvcMatch.Events.Timetable;

/// <summary>One meeting slot: its day, its local start and its instant in UTC.</summary>
public sealed record EventSlot(int Index, int Day, DateTime LocalStart, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// The slots of an event: each day from the start of meetings, one meeting length after another,
/// jumping over breaks, until no whole meeting fits before the end of the day. Times are the event's
/// local time; the instants come from its time zone, so a fair in Madrid shows 09:00 to a visitor
/// from Tokyo at the right hour. A local time that does not exist (clocks jump forward) gives no
/// slot; one that happens twice (clocks go back) is taken at its first occurrence.
/// </summary>
public sealed class EventGrid
{
    private EventGrid(EventTimetable timetable, IReadOnlyList<EventSlot> slots)
    {
        Timetable = timetable;
        Slots = slots;
    }

    public EventTimetable Timetable { get; }
    public IReadOnlyList<EventSlot> Slots { get; }

    public static EventGrid Build(EventTimetable t)
    {
        var problems = t.Problems();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems.Values), nameof(t));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(t.TimeZone);
        var length = TimeSpan.FromMinutes(t.MeetingMinutes);
        var slots = new List<EventSlot>();
        for (var day = 0; day < t.Days; day++)
        {
            var date = t.FirstDay.AddDays(day);
            var at = t.DayStart.ToTimeSpan();
            while (at + length <= t.DayEnd.ToTimeSpan())
            {
                var end = at + length;
                if (t.Breaks.FirstOrDefault(b => b.From.ToTimeSpan() < end && at < b.To.ToTimeSpan()) is { } inBreak)
                {
                    at = inBreak.To.ToTimeSpan();
                    continue;
                }
                var local = date.ToDateTime(TimeOnly.FromTimeSpan(at));
                if (!zone.IsInvalidTime(local))
                {
                    var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
                    var start = new DateTimeOffset(local, offset);
                    slots.Add(new EventSlot(slots.Count, day, local, start.ToUniversalTime(), start.Add(length).ToUniversalTime()));
                }
                at = end;
            }
        }
        return new EventGrid(t, slots);
    }

    /// <summary>
    /// The slots wholly inside a participant's windows. Windows on the same day must not overlap:
    /// overlapping ones are a mistake in the form, refused by <see cref="WindowProblems"/>.
    /// </summary>
    public SlotSet Availability(IEnumerable<DayWindow> windows)
    {
        var set = new SlotSet(Slots.Count);
        var list = windows.ToList();
        foreach (var slot in Slots)
        {
            var from = TimeOnly.FromDateTime(slot.LocalStart);
            var to = from.Add(TimeSpan.FromMinutes(Timetable.MeetingMinutes));
            if (list.Any(w => w.Day == slot.Day && w.From <= from && to <= w.To && to > from)) set.Add(slot.Index);
        }
        return set;
    }

    /// <summary>What is wrong with a participant's availability windows, by position; empty when they hold.</summary>
    public IReadOnlyDictionary<string, string> WindowProblems(IReadOnlyList<DayWindow> windows)
    {
        var problems = new Dictionary<string, string>();
        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            if (w.Day < 0 || w.Day >= Timetable.Days) problems[$"availability[{i}].day"] = $"The event has days 0 to {Timetable.Days - 1}.";
            else if (w.To <= w.From) problems[$"availability[{i}]"] = "A window must end after it starts.";
            else if (windows.Take(i).Any(o => o.Day == w.Day && o.From < w.To && w.From < o.To)) problems[$"availability[{i}]"] = "Windows on the same day must not overlap.";
        }
        return problems;
    }
}
