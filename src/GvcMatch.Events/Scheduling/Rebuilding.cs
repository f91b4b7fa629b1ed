using System.Diagnostics;

namespace GvcMatch.Events.Scheduling;

/// <summary>
/// The last pass: take one meeting still waiting, lift every movable meeting of its two participants
/// and of one slot they share, and place them all again, most constrained first. A rebuild is kept when
/// it places at least as many as before (an equal one is a sideways step that can open the way for the
/// next), and undone otherwise. It stops at the deadline, at the proven bound, or after a run of rebuilds
/// that gained nothing (<see cref="SchedulerLimits.Patience"/>). The random choices use a fixed seed, so a run can be repeated.
/// </summary>
internal static class Rebuilding
{
    public static void Improve(Board board, int bound, int patience, Stopwatch clock, TimeSpan deadline, IProgress<SchedulingProgress>? progress, CancellationToken ct)
    {
        var random = new Random(20070401);
        var waiting = new Waiting(board);
        progress?.Report(new("improving", board.Placed, board.Meetings.Length));
        var idle = 0;
        for (var round = 1; waiting.Count > 0 && board.Placed < bound && idle < patience && clock.Elapsed < deadline; round++)
        {
            var before = board.Placed;
            var target = waiting.Pick(random);
            var mark = board.Mark();
            var lifted = Lift(board, target, random);
            lifted.Add(target);
            Place(board, lifted, random);
            if (board.Placed < before) board.RollBack(mark);
            else
            {
                board.Commit();
                foreach (var m in lifted) waiting.Update(m);
            }
            idle = board.Placed > before ? 0 : idle + 1;
            if (round % 512 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new("improving", board.Placed, board.Meetings.Length));
            }
        }
    }

    /// <summary>The meetings still waiting for a slot that could have one, with constant-time pick, add and remove.</summary>
    private sealed class Waiting
    {
        private readonly Board _board;
        private readonly List<int> _list = [];
        private readonly int[] _at;

        public Waiting(Board board)
        {
            _board = board;
            _at = new int[board.Meetings.Length];
            Array.Fill(_at, -1);
            for (var m = 0; m < board.Meetings.Length; m++) Update(m);
        }

        public int Count => _list.Count;

        public int Pick(Random random) => _list[random.Next(_list.Count)];

        public void Update(int m)
        {
            var wants = _board.SlotOf[m] < 0 && _board.Common[m].Count > 0;
            if (wants && _at[m] < 0)
            {
                _at[m] = _list.Count;
                _list.Add(m);
            }
            else if (!wants && _at[m] >= 0)
            {
                var last = _list[^1];
                _list[_at[m]] = last;
                _at[last] = _at[m];
                _list.RemoveAt(_list.Count - 1);
                _at[m] = -1;
            }
        }
    }

    /// <summary>Removes the movable meetings of both participants and of one slot they share; returns them.</summary>
    private static List<int> Lift(Board board, int target, Random random)
    {
        var lifted = new List<int>();
        void Take(int k)
        {
            if (board.SlotOf[k] < 0 || board.Fixed[k]) return;
            board.Remove(k);
            lifted.Add(k);
        }
        foreach (var k in board.ByParticipant[board.First[target]]) Take(k);
        foreach (var k in board.ByParticipant[board.Second[target]]) Take(k);
        var shared = board.Common[target].Slots().ToList();
        if (shared.Count > 0)
            foreach (var k in board.AtSlot[shared[random.Next(shared.Count)]].ToList())
                if (random.Next(2) == 0) Take(k);
        return lifted;
    }

    /// <summary>Places the meetings again, the one with fewest free slots first (ties at random), then tries short chains for the rest.</summary>
    private static void Place(Board board, List<int> meetings, Random random)
    {
        var open = meetings.Where(m => board.SlotOf[m] < 0).ToList();
        while (open.Count > 0)
        {
            int pick = -1, least = int.MaxValue;
            foreach (var m in open)
            {
                var freedom = board.Freedom(m);
                if (freedom > 0 && (freedom < least || (freedom == least && random.Next(2) == 0))) (pick, least) = (m, freedom);
            }
            if (pick < 0) break;
            board.Place(pick, MeetingScheduler.LeastNeededSlot(board, pick));
            open.Remove(pick);
        }
        foreach (var m in open) MeetingScheduler.TryPlace(board, m, 1, []);
    }
}
