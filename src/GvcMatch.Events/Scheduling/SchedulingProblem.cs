namespace GvcMatch.Events.Scheduling;

/// <summary>One registered participant (an organisation at the event) and the slots it can meet in.</summary>
public sealed record Participant(int Id, SlotSet Available);

/// <summary>An accepted meeting request between two participants.</summary>
public sealed record MeetingRequest(int Id, int First, int Second);

/// <summary>A meeting at a slot and a table (tables are numbered from 1).</summary>
public sealed record Placement(int MeetingId, int Slot, int Table);

/// <summary>
/// What the scheduler is asked: the event's slots (breaks already left out by whoever built the
/// grid), the tables free in each slot, who is available when, the accepted meetings, the placements
/// an organiser locked, and the previous run's placements, which are kept where they still fit so a
/// re-run does not reshuffle agendas people already have.
/// </summary>
public sealed record SchedulingProblem
{
    public required int SlotCount { get; init; }

    /// <summary>Tables in each slot; one number for all slots or one per slot.</summary>
    public required IReadOnlyList<int> Tables { get; init; }

    public required IReadOnlyList<Participant> Participants { get; init; }

    public required IReadOnlyList<MeetingRequest> Meetings { get; init; }

    public IReadOnlyList<Placement> Locked { get; init; } = [];

    public IReadOnlyList<Placement> Previous { get; init; } = [];

    public int TablesAt(int slot) => Tables.Count == 1 ? Tables[0] : Tables[slot];
}
