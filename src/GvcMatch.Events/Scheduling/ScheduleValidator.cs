namespace GvcMatch.Events.Scheduling;

/// <summary>
/// Checks placements against the event's rules: the scheduler's output, an organiser's locked slots
/// before a run, and a meeting moved by hand. Each problem is named in words an organiser can act on.
/// </summary>
public static class ScheduleValidator
{
    public static IReadOnlyList<string> Check(SchedulingProblem problem, IEnumerable<Placement> placements, bool requireLocked = false)
    {
        var problems = new List<string>();
        var meetings = problem.Meetings.ToDictionary(m => m.Id);
        var participants = problem.Participants.ToDictionary(p => p.Id);
        var seenMeetings = new HashSet<int>();
        var seenTables = new HashSet<(int, int)>();
        var seenPeople = new Dictionary<(int Participant, int Slot), int>();
        var list = placements.ToList();
        foreach (var p in list)
        {
            if (!meetings.TryGetValue(p.MeetingId, out var m)) { problems.Add($"Meeting {p.MeetingId} is not an accepted request."); continue; }
            if (!seenMeetings.Add(p.MeetingId)) problems.Add($"Meeting {p.MeetingId} is placed twice.");
            if (p.Slot < 0 || p.Slot >= problem.SlotCount) { problems.Add($"Meeting {p.MeetingId}: slot {p.Slot} is not in the event."); continue; }
            if (p.Table < 1 || p.Table > problem.TablesAt(p.Slot)) problems.Add($"Meeting {p.MeetingId}: table {p.Table} does not exist in slot {p.Slot}.");
            else if (!seenTables.Add((p.Slot, p.Table))) problems.Add($"Meeting {p.MeetingId}: table {p.Table} is taken in slot {p.Slot}.");
            foreach (var who in new[] { m.First, m.Second })
            {
                if (!participants.TryGetValue(who, out var participant)) { problems.Add($"Meeting {p.MeetingId}: participant {who} is not registered."); continue; }
                if (!participant.Available.Contains(p.Slot)) problems.Add($"Meeting {p.MeetingId}: participant {who} is not available in slot {p.Slot}.");
                if (seenPeople.TryGetValue((who, p.Slot), out var other)) problems.Add($"Meeting {p.MeetingId}: participant {who} already meets in slot {p.Slot} (meeting {other}).");
                else seenPeople[(who, p.Slot)] = p.MeetingId;
            }
        }
        if (requireLocked)
        {
            var placed = list.ToHashSet();
            problems.AddRange(problem.Locked.Where(l => !placed.Contains(l)).Select(l => $"Locked meeting {l.MeetingId} moved from slot {l.Slot}, table {l.Table}."));
        }
        return problems;
    }
}
