namespace GvcMatch.Events.Scheduling;

/// <summary>Why an accepted meeting got no slot.</summary>
public enum UnplacedReason
{
    /// <summary>The two participants are never available at the same time.</summary>
    NoCommonAvailability,
    /// <summary>Whenever both are available, one of them already has another meeting.</summary>
    ParticipantsBooked,
    /// <summary>Both are free at some time, but every table is taken then.</summary>
    NoTableFree,
}

public sealed record UnplacedMeeting(int MeetingId, UnplacedReason Reason);

/// <summary>
/// A scheduler run: where each placed meeting is, why the others are not, and a proven upper bound on
/// how many could be placed at all (<see cref="ScheduleBound"/>), so the organiser sees how close it is.
/// </summary>
public sealed record Schedule(
    IReadOnlyList<Placement> Placements,
    IReadOnlyList<UnplacedMeeting> Unplaced,
    int UpperBound,
    TimeSpan Elapsed)
{
    public int Requested => Placements.Count + Unplaced.Count;

    /// <summary>Placed meetings as a share of the bound (1 means provably the most possible).</summary>
    public double ShareOfBound => UpperBound == 0 ? 1 : (double)Placements.Count / UpperBound;
}

/// <summary>How far a run has got, for a progress bar.</summary>
public sealed record SchedulingProgress(string Phase, int Placed, int Requested);
