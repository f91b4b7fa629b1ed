using System.Diagnostics;

namespace GvcMatch.Events.Scheduling;

/// <summary>
/// Places accepted meetings into slots and tables so that nobody is double-booked, nobody meets when
/// they said they are away, no slot has more meetings than tables, locked placements stay where the
/// organiser put them, and as many meetings as possible take place.
/// <para>
/// Three passes: locked placements, then the previous run's placements that still fit (agendas people
/// already printed stay put), then the rest, most constrained first (fewest free slots, busiest
/// people), each in the slot the other waiting meetings of its two participants need least. A repair
/// pass then takes each meeting still waiting and tries every slot both participants have: it lifts
/// what blocks it there (the meeting either participant already has, or any movable meeting when the
/// tables are full) and moves that elsewhere, keeping the change only when everything fits.
/// The result carries <see cref="ScheduleBound"/>, so a run shows how close it came to the most
/// possible; the tests compare it with an exact solver on small events.
/// </para>
/// </summary>
public static class MeetingScheduler
{
    public static Schedule Solve(SchedulingProblem problem, IProgress<SchedulingProgress>? progress = null, SchedulerLimits? limits = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var lockProblems = ScheduleValidator.Check(problem, problem.Locked);
        if (lockProblems.Count > 0) throw new ArgumentException("The locked meetings do not fit together: " + string.Join(" ", lockProblems), nameof(problem));

        var board = new Board(problem);
        foreach (var l in problem.Locked)
        {
            var m = board.IndexOfMeeting[l.MeetingId];
            board.Place(m, l.Slot);
            board.Fixed[m] = true;
        }
        foreach (var p in problem.Previous)
            if (board.IndexOfMeeting.TryGetValue(p.MeetingId, out var m) && board.Place(m, p.Slot)) board.Fixed[m] = true;
        board.Commit();
        progress?.Report(new("kept", board.Placed, board.Meetings.Length));

        Greedy(board, progress, ct);
        var bound = ScheduleBound.Of(problem);
        limits ??= SchedulerLimits.Default;
        var deadline = clock.Elapsed + limits.Budget;
        Repair(board, clock, deadline, progress, ct);
        Rebuilding.Improve(board, bound, limits.Patience, clock, deadline, progress, ct);

        var placements = Tables.Assign(board);
        var unplaced = Enumerable.Range(0, board.Meetings.Length).Where(m => board.SlotOf[m] < 0)
            .Select(m => new UnplacedMeeting(board.Meetings[m].Id, ReasonFor(board, m))).ToList();
        progress?.Report(new("done", board.Placed, board.Meetings.Length));
        return new Schedule(placements, unplaced, bound, clock.Elapsed);
    }

    private static void Greedy(Board board, IProgress<SchedulingProgress>? progress, CancellationToken ct)
    {
        var n = board.Meetings.Length;
        var key = new int[n];
        var queue = new PriorityQueue<int, (int Freedom, int Busy, int Id)>();
        void Enqueue(int m)
        {
            key[m] = board.Freedom(m);
            queue.Enqueue(m, (key[m], -(board.ByParticipant[board.First[m]].Count + board.ByParticipant[board.Second[m]].Count), board.Meetings[m].Id));
        }
        for (var m = 0; m < n; m++) if (board.SlotOf[m] < 0) Enqueue(m);
        var steps = 0;

        while (queue.TryDequeue(out var m, out var priority))
        {
            if (board.SlotOf[m] >= 0 || priority.Freedom != key[m]) continue;
            if (key[m] == 0) continue;
            var slot = LeastNeededSlot(board, m);
            board.Place(m, slot);
            foreach (var other in board.ByParticipant[board.First[m]].Concat(board.ByParticipant[board.Second[m]]))
                if (board.SlotOf[other] < 0 && board.Freedom(other) != key[other]) Enqueue(other);
            if (board.Full.Contains(slot))
                for (var other = 0; other < n; other++)
                    if (board.SlotOf[other] < 0 && board.Common[other].Contains(slot) && board.Freedom(other) != key[other]) Enqueue(other);
            if (++steps % 256 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new("placing", board.Placed, n));
            }
        }
    }

    /// <summary>The free slot that the other waiting meetings of the same two participants could use least.</summary>
    internal static int LeastNeededSlot(Board board, int m)
    {
        int best = -1, bestDemand = int.MaxValue;
        foreach (var s in board.FreeSlots(m))
        {
            var demand = 0;
            foreach (var other in board.ByParticipant[board.First[m]]) if (other != m && board.CanPlace(other, s)) demand++;
            foreach (var other in board.ByParticipant[board.Second[m]]) if (other != m && board.CanPlace(other, s)) demand++;
            if (demand < bestDemand) (best, bestDemand) = (s, demand);
        }
        return best;
    }

    /// <summary>How many meetings deep a repair may push others along to make room.</summary>
    private const int ChainDepth = 2;

    private static void Repair(Board board, Stopwatch clock, TimeSpan deadline, IProgress<SchedulingProgress>? progress, CancellationToken ct)
    {
        board.Commit();
        progress?.Report(new("repairing", board.Placed, board.Meetings.Length));
        bool improved;
        do
        {
            improved = false;
            for (var m = 0; m < board.Meetings.Length && clock.Elapsed < deadline; m++)
            {
                if (board.SlotOf[m] >= 0 || board.Common[m].Count == 0) continue;
                if (TryPlace(board, m, ChainDepth, [])) { board.Commit(); improved = true; }
            }
            ct.ThrowIfCancellationRequested();
        }
        while (improved && clock.Elapsed < deadline);
    }

    /// <summary>
    /// Places <paramref name="m"/>, if need be by lifting what blocks it in one of its slots and placing
    /// that elsewhere in turn, up to <paramref name="depth"/> meetings deep. Meetings already moved in
    /// this chain are not moved again. On failure the board is as it was.
    /// </summary>
    internal static bool TryPlace(Board board, int m, int depth, HashSet<int> chain)
    {
        foreach (var s in board.Common[m].Slots())
            if (board.Place(m, s)) return true;
        if (depth == 0) return false;
        chain.Add(m);
        foreach (var s in board.Common[m].Slots())
        {
            var blockers = new List<int>(2);
            foreach (var who in new[] { board.First[m], board.Second[m] })
                if (board.Occupant(who, s) is var k and >= 0 && !blockers.Contains(k)) blockers.Add(k);
            if (blockers.Any(k => board.Fixed[k] || chain.Contains(k))) continue;
            if (blockers.Count > 0)
            {
                if (TryEject(board, m, s, blockers, depth, chain)) return true;
                continue;
            }
            // Both are free but every table is taken: move one meeting of that slot elsewhere (only at
            // the chain's head; deeper, this branch multiplies the search by the number of tables).
            if (chain.Count > 1) continue;
            foreach (var k in board.AtSlot[s].ToList())
                if (!board.Fixed[k] && !chain.Contains(k) && TryEject(board, m, s, [k], depth, chain)) return true;
        }
        chain.Remove(m);
        return false;
    }

    private static bool TryEject(Board board, int m, int s, List<int> blockers, int depth, HashSet<int> chain)
    {
        var mark = board.Mark();
        foreach (var k in blockers) board.Remove(k);
        if (board.Place(m, s))
        {
            var all = true;
            foreach (var k in blockers)
                if (!TryPlace(board, k, depth - 1, chain)) { all = false; break; }
            if (all) return true;
        }
        board.RollBack(mark);
        return false;
    }

    private static UnplacedReason ReasonFor(Board board, int m)
    {
        if (board.Common[m].Count == 0) return UnplacedReason.NoCommonAvailability;
        var bothFree = SlotSet.Common(board.Common[m], board.Common[m], board.Busy[board.First[m]], board.Busy[board.Second[m]]).Any();
        return bothFree ? UnplacedReason.NoTableFree : UnplacedReason.ParticipantsBooked;
    }
}
