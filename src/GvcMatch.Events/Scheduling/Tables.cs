namespace GvcMatch.Events.Scheduling;

/// <summary>
/// Numbers the tables once every meeting has its slot: locked meetings keep their table, a meeting
/// from the previous run keeps its table when it kept its slot, the rest take the lowest free number.
/// </summary>
internal static class Tables
{
    public static IReadOnlyList<Placement> Assign(Board board)
    {
        var problem = board.Problem;
        var taken = new HashSet<(int Slot, int Table)>();
        var result = new Dictionary<int, Placement>();
        void Keep(IEnumerable<Placement> wanted)
        {
            foreach (var p in wanted)
                if (!result.ContainsKey(p.MeetingId) && board.IndexOfMeeting.TryGetValue(p.MeetingId, out var m) && board.SlotOf[m] == p.Slot
                    && p.Table >= 1 && p.Table <= problem.TablesAt(p.Slot) && taken.Add((p.Slot, p.Table)))
                    result[p.MeetingId] = p;
        }
        Keep(problem.Locked);
        Keep(problem.Previous);
        var next = new int[problem.SlotCount];
        for (var m = 0; m < board.Meetings.Length; m++)
        {
            var s = board.SlotOf[m];
            if (s < 0 || result.ContainsKey(board.Meetings[m].Id)) continue;
            do next[s]++; while (taken.Contains((s, next[s])));
            taken.Add((s, next[s]));
            result[board.Meetings[m].Id] = new Placement(board.Meetings[m].Id, s, next[s]);
        }
        return result.Values.OrderBy(p => p.Slot).ThenBy(p => p.Table).ToList();
    }
}
