namespace GvcMatch.Events.Scheduling;

/// <summary>
/// A proven upper bound on how many accepted meetings any schedule can place, for judging a run on
/// events too large to solve exactly. Three counts, the smallest wins:
/// <list type="bullet">
/// <item>meetings whose two participants share an available slot at all;</item>
/// <item>less, for each participant, the meetings it cannot fit into its own slots (a maximum matching
/// of its meetings to its slots): each unplaced meeting relieves at most two participants, so at
/// least half the summed shortfall (and at least the largest one) stays unplaced;</item>
/// <item>tables: a slot holds at most its tables, and at most half the people available in it.</item>
/// </list>
/// </summary>
public static class ScheduleBound
{
    public static int Of(SchedulingProblem problem)
    {
        var people = problem.Participants.ToDictionary(p => p.Id);
        var feasible = problem.Meetings
            .Where(m => people.ContainsKey(m.First) && people.ContainsKey(m.Second) && m.First != m.Second)
            .Select(m => (Meeting: m, Slots: SlotSet.Common(people[m.First].Available, people[m.Second].Available).ToArray()))
            .Where(x => x.Slots.Length > 0)
            .ToList();

        var byParticipant = new Dictionary<int, List<int[]>>();
        foreach (var (m, slots) in feasible)
            foreach (var who in new[] { m.First, m.Second })
            {
                if (!byParticipant.TryGetValue(who, out var list)) byParticipant[who] = list = [];
                list.Add(slots);
            }
        long shortfall = 0;
        var largest = 0;
        foreach (var meetings in byParticipant.Values)
        {
            var missing = meetings.Count - MaximumMatching(meetings, problem.SlotCount);
            shortfall += missing;
            largest = Math.Max(largest, missing);
        }
        var byPeople = feasible.Count - (int)Math.Max(largest, (shortfall + 1) / 2);

        var byTables = 0;
        for (var s = 0; s < problem.SlotCount; s++)
            byTables += Math.Min(problem.TablesAt(s), problem.Participants.Count(p => p.Available.Contains(s)) / 2);
        return Math.Min(byPeople, byTables);
    }

    /// <summary>Kuhn's augmenting paths: a participant has tens of meetings and slots, so this is instant.</summary>
    private static int MaximumMatching(List<int[]> meetings, int slotCount)
    {
        var slotOwner = new int[slotCount];
        Array.Fill(slotOwner, -1);
        var matched = 0;
        for (var m = 0; m < meetings.Count; m++)
            if (Augment(m, meetings, slotOwner, new bool[slotCount])) matched++;
        return matched;
    }

    private static bool Augment(int m, List<int[]> meetings, int[] slotOwner, bool[] visited)
    {
        foreach (var s in meetings[m])
        {
            if (visited[s]) continue;
            visited[s] = true;
            if (slotOwner[s] < 0 || Augment(slotOwner[s], meetings, slotOwner, visited))
            {
                slotOwner[s] = m;
                return true;
            }
        }
        return false;
    }
}
