namespace GvcMatch.Events.Scheduling;

/// <summary>
/// The scheduler's working state, by dense index: which slot each meeting has, what each participant
/// has booked, and how many tables each slot has used. Every move goes through <see cref="Place"/> and
/// <see cref="Remove"/>, so the three views never disagree.
/// </summary>
internal sealed class Board
{
    public Board(SchedulingProblem problem)
    {
        Problem = problem;
        var index = problem.Participants.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        Meetings = problem.Meetings.ToArray();
        First = new int[Meetings.Length];
        Second = new int[Meetings.Length];
        Common = new SlotSet[Meetings.Length];
        SlotOf = new int[Meetings.Length];
        Fixed = new bool[Meetings.Length];
        ByParticipant = problem.Participants.Select(_ => new List<int>()).ToArray();
        Busy = problem.Participants.Select(_ => new SlotSet(problem.SlotCount)).ToArray();
        MeetingAt = problem.Participants.Select(_ => new int[problem.SlotCount]).ToArray();
        Used = new int[problem.SlotCount];
        Full = new SlotSet(problem.SlotCount);
        AtSlot = Enumerable.Range(0, problem.SlotCount).Select(_ => new HashSet<int>()).ToArray();
        for (var s = 0; s < problem.SlotCount; s++) if (problem.TablesAt(s) <= 0) Full.Add(s);
        for (var m = 0; m < Meetings.Length; m++)
        {
            var meeting = Meetings[m];
            if (!index.TryGetValue(meeting.First, out var a) || !index.TryGetValue(meeting.Second, out var b) || a == b)
                throw new ArgumentException($"Meeting {meeting.Id} needs two different registered participants.", nameof(problem));
            (First[m], Second[m]) = (a, b);
            Common[m] = SlotSet.Of(problem.SlotCount, SlotSet.Common(problem.Participants[a].Available, problem.Participants[b].Available));
            SlotOf[m] = -1;
            ByParticipant[a].Add(m);
            ByParticipant[b].Add(m);
        }
        IndexOfMeeting = Meetings.Select((m, i) => (m.Id, i)).ToDictionary(x => x.Id, x => x.i);
    }

    public SchedulingProblem Problem { get; }
    public MeetingRequest[] Meetings { get; }
    public int[] First { get; }
    public int[] Second { get; }
    public SlotSet[] Common { get; }
    public int[] SlotOf { get; }
    /// <summary>Meetings the repair pass must not move: locked by the organiser, or kept from the previous run.</summary>
    public bool[] Fixed { get; }
    public List<int>[] ByParticipant { get; }
    public SlotSet[] Busy { get; }
    /// <summary>For each participant and slot, the meeting it has then (valid only where <see cref="Busy"/> says so).</summary>
    public int[][] MeetingAt { get; }
    public int[] Used { get; }
    public SlotSet Full { get; }
    public HashSet<int>[] AtSlot { get; }
    public Dictionary<int, int> IndexOfMeeting { get; }
    public int Placed { get; private set; }

    public bool CanPlace(int m, int s) =>
        SlotOf[m] < 0 && Common[m].Contains(s) && !Busy[First[m]].Contains(s) && !Busy[Second[m]].Contains(s) && !Full.Contains(s);

    /// <summary>How many slots the meeting could still take.</summary>
    public int Freedom(int m) => SlotSet.CountCommon(Common[m], Common[m], Busy[First[m]], Busy[Second[m]], Full);

    public IEnumerable<int> FreeSlots(int m) => SlotSet.Common(Common[m], Common[m], Busy[First[m]], Busy[Second[m]], Full);

    /// <summary>Every place and remove since the last <see cref="Mark"/>, so a trial move can be undone whole.</summary>
    private readonly List<(int Meeting, int Slot, bool Placed)> _log = [];

    public int Mark() => _log.Count;

    /// <summary>Undoes every move after <paramref name="mark"/>, newest first.</summary>
    public void RollBack(int mark)
    {
        for (var i = _log.Count - 1; i >= mark; i--)
        {
            var (m, s, placed) = _log[i];
            if (placed) Unset(m); else Set(m, s);
        }
        _log.RemoveRange(mark, _log.Count - mark);
    }

    /// <summary>Forgets the log once a trial is kept.</summary>
    public void Commit() => _log.Clear();

    public bool Place(int m, int s)
    {
        if (!CanPlace(m, s)) return false;
        Set(m, s);
        _log.Add((m, s, true));
        return true;
    }

    public void Remove(int m)
    {
        var s = SlotOf[m];
        if (s < 0) return;
        Unset(m);
        _log.Add((m, s, false));
    }

    private void Set(int m, int s)
    {
        SlotOf[m] = s;
        Busy[First[m]].Add(s);
        Busy[Second[m]].Add(s);
        MeetingAt[First[m]][s] = m;
        MeetingAt[Second[m]][s] = m;
        AtSlot[s].Add(m);
        if (++Used[s] >= Problem.TablesAt(s)) Full.Add(s);
        Placed++;
    }

    private void Unset(int m)
    {
        var s = SlotOf[m];
        SlotOf[m] = -1;
        Busy[First[m]].Remove(s);
        Busy[Second[m]].Remove(s);
        AtSlot[s].Remove(m);
        if (--Used[s] < Problem.TablesAt(s)) Full.Remove(s);
        Placed--;
    }

    /// <summary>The meeting a participant has in a slot, or -1.</summary>
    public int Occupant(int participant, int s) => Busy[participant].Contains(s) ? MeetingAt[participant][s] : -1;
}
