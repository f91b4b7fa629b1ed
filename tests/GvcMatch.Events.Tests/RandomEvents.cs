using GvcMatch.Events.Scheduling;

namespace GvcMatch.Events.Tests;

/// <summary>
/// Random supplier days: participants who arrive late, leave early or step out, and meeting requests
/// that crowd around a few popular buyers, as at a real fair.
/// </summary>
public static class RandomEvents
{
    public static SchedulingProblem Create(int seed, int participants, int meetings, int slots, int tables)
    {
        var random = new Random(seed);
        var people = Enumerable.Range(1, participants).Select(id => new Participant(id, Availability(random, slots))).ToList();
        var popular = Math.Max(1, participants / 5);
        var pairs = new HashSet<(int, int)>();
        var requests = new List<MeetingRequest>();
        for (var attempt = 0; requests.Count < meetings && attempt < meetings * 20; attempt++)
        {
            // Half the requests go to the first fifth of participants (the buyers everyone wants to see).
            var a = random.NextDouble() < 0.5 ? random.Next(1, popular + 1) : random.Next(1, participants + 1);
            var b = random.Next(1, participants + 1);
            if (a == b || !pairs.Add((Math.Min(a, b), Math.Max(a, b)))) continue;
            requests.Add(new MeetingRequest(requests.Count + 1, a, b));
        }
        return new SchedulingProblem { SlotCount = slots, Tables = [tables], Participants = people, Meetings = requests };
    }

    private static SlotSet Availability(Random random, int slots)
    {
        var set = new SlotSet(slots);
        var from = random.NextDouble() < 0.3 ? random.Next(slots / 2 + 1) : 0;
        var to = random.NextDouble() < 0.3 ? random.Next(slots / 2, slots + 1) : slots;
        for (var s = from; s < to; s++)
            if (random.NextDouble() > 0.1) set.Add(s);
        return set;
    }
}
