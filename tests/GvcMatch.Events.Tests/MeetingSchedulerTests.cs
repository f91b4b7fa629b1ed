using CsCheck;
using GvcMatch.Events.Scheduling;

namespace GvcMatch.Events.Tests;

/// <summary>The scheduler's rules hold on any event: nobody double-booked, availability and tables respected, locks kept.</summary>
public sealed class MeetingSchedulerTests
{
    /// <summary>The rules hold after every rebuild, so a short search checks them as well as a long one.</summary>
    private static readonly SchedulerLimits Short = SchedulerLimits.Default with { Patience = 300 };

    private static readonly Gen<SchedulingProblem> Events =
        Gen.Select(Gen.Int, Gen.Int[2, 30], Gen.Int[0, 80], Gen.Int[1, 20], Gen.Int[1, 6])
            .Select((seed, people, meetings, slots, tables) => RandomEvents.Create(seed, people, meetings, slots, tables));

    [Fact]
    public void Every_schedule_keeps_the_rules_of_the_event() =>
        Events.Sample(problem =>
        {
            var schedule = MeetingScheduler.Solve(problem, limits: Short);
            Assert.Empty(ScheduleValidator.Check(problem, schedule.Placements));
            Assert.Equal(problem.Meetings.Count, schedule.Requested);
            Assert.Equal(problem.Meetings.Select(m => m.Id).Order(), schedule.Placements.Select(p => p.MeetingId).Concat(schedule.Unplaced.Select(u => u.MeetingId)).Order());
            Assert.InRange(schedule.Placements.Count, 0, schedule.UpperBound);
        }, iter: 100);

    [Fact]
    public void Locked_meetings_stay_where_the_organiser_put_them() =>
        Events.Sample(problem =>
        {
            // Lock every third meeting of a first run where it was, then run again.
            var first = MeetingScheduler.Solve(problem, limits: Short);
            var locked = first.Placements.Where((_, i) => i % 3 == 0).ToList();
            var again = MeetingScheduler.Solve(problem with { Locked = locked }, limits: Short);
            Assert.Empty(ScheduleValidator.Check(problem with { Locked = locked }, again.Placements, requireLocked: true));
        }, iter: 100);

    [Fact]
    public void A_rerun_after_new_acceptances_keeps_every_meeting_people_already_have() =>
        Events.Sample(problem =>
        {
            var half = problem with { Meetings = problem.Meetings.Take(problem.Meetings.Count / 2).ToList() };
            var before = MeetingScheduler.Solve(half, limits: Short);
            var after = MeetingScheduler.Solve(problem with { Previous = before.Placements }, limits: Short);
            Assert.Empty(ScheduleValidator.Check(problem, after.Placements));
            Assert.Subset(after.Placements.ToHashSet(), before.Placements.ToHashSet());
        }, iter: 100);

    [Fact]
    public void A_meeting_that_cannot_take_place_says_why()
    {
        var problem = new SchedulingProblem
        {
            SlotCount = 2,
            Tables = [1],
            Participants =
            [
                new(1, SlotSet.Of(2, [0])), new(2, SlotSet.Of(2, [1])), // never there together
                new(3, SlotSet.Of(2, [0])), new(4, SlotSet.Of(2, [0])), new(5, SlotSet.Of(2, [0])),
                new(6, SlotSet.Of(2, [1])), new(7, SlotSet.Of(2, [1])), new(8, SlotSet.Of(2, [1])), new(9, SlotSet.Of(2, [1])),
            ],
            Meetings =
            [
                new(1, 1, 2),
                new(2, 3, 4), new(3, 3, 5), // 3 has one slot and two meetings
                new(4, 6, 7), new(5, 8, 9), // one table, two pairs free in slot 1
            ],
        };

        var schedule = MeetingScheduler.Solve(problem, limits: Short);

        Assert.Equal(3, schedule.Unplaced.Count);
        Assert.Contains(new UnplacedMeeting(1, UnplacedReason.NoCommonAvailability), schedule.Unplaced);
        Assert.Contains(schedule.Unplaced, u => u.MeetingId is 2 or 3 && u.Reason == UnplacedReason.ParticipantsBooked);
        Assert.Contains(schedule.Unplaced, u => u.MeetingId is 4 or 5 && u.Reason == UnplacedReason.NoTableFree);
        Assert.Equal(2, schedule.UpperBound);
    }

    [Fact]
    public void Locks_that_clash_are_refused_with_the_reason()
    {
        var problem = new SchedulingProblem
        {
            SlotCount = 2,
            Tables = [2],
            Participants = [new(1, SlotSet.All(2)), new(2, SlotSet.All(2)), new(3, SlotSet.All(2))],
            Meetings = [new(1, 1, 2), new(2, 1, 3)],
            Locked = [new(1, 0, 1), new(2, 0, 2)],
        };

        var error = Assert.Throws<ArgumentException>(() => MeetingScheduler.Solve(problem, limits: Short));

        Assert.Contains("participant 1 already meets in slot 0", error.Message);
    }

    [Fact]
    public void Progress_is_reported_until_done()
    {
        var seen = new List<SchedulingProgress>();
        MeetingScheduler.Solve(RandomEvents.Create(3, 200, 1_500, 16, 40), new Inline<SchedulingProgress>(seen.Add), Short);

        Assert.Equal("done", seen[^1].Phase);
        var placing = seen.Where(p => p.Phase == "placing").Select(p => p.Placed).ToList();
        Assert.NotEmpty(placing);
        Assert.Equal(placing.Order(), placing);
        Assert.All(seen, p => Assert.Equal(1_500, p.Requested));
    }

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, so the list is complete when Solve returns.</summary>
    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
