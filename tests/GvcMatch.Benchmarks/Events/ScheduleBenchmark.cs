using System.Diagnostics;
using GvcMatch.Benchmarks.Infrastructure;
using GvcMatch.Events.Scheduling;
using GvcMatch.Events.Tests;

namespace GvcMatch.Benchmarks.Events;

/// <summary>
/// <c>schedule</c>: the meeting scheduler on a large supplier day (by default 2,000 participants and
/// 10,000 accepted requests over 2 days of 16 half-hour slots), run as the app's background job runs
/// it: the time to a schedule, the progress it reports, and the meetings placed beside the proven
/// bound (too large to solve exactly; the tests compare with the exact optimum on small events).
/// </summary>
public static class ScheduleBenchmark
{
    public static Task<int> RunAsync(Args args)
    {
        var participants = args.Int("participants", 2_000);
        var meetings = args.Int("meetings", 10_000);
        var slots = args.Int("days", 2) * args.Int("slots-per-day", 16);
        var tables = args.Int("tables", 400);
        var problem = RandomEvents.Create(args.Int("seed", 1), participants, meetings, slots, tables);
        Console.WriteLine($"schedule: {participants:N0} participants, {problem.Meetings.Count:N0} accepted requests, {slots} slots, {tables} tables");
        Console.WriteLine($"Start: {Machine.Describe()}");

        var clock = Stopwatch.StartNew();
        var phases = new List<string>();
        string? last = null;
        var schedule = MeetingScheduler.Solve(problem, new Inline(p =>
        {
            if (p.Phase == last) return;
            last = p.Phase;
            phases.Add($"{clock.Elapsed.TotalSeconds:0.00} s {p.Phase} ({p.Placed:N0} placed)");
        }), SchedulerLimits.Default with { Budget = TimeSpan.FromSeconds(args.Int("budget-seconds", 20)) });

        Console.WriteLine($"End: {Machine.Describe()}; peak memory {Machine.PeakMemoryMiB():0} MiB");
        Console.WriteLine("Phases: " + string.Join("; ", phases));
        Console.WriteLine("| participants | requests | slots | tables | placed | bound | placed / bound | unplaced: no common time / people booked / no table | time |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var reasons = schedule.Unplaced.GroupBy(u => u.Reason).ToDictionary(g => g.Key, g => g.Count());
        Console.WriteLine($"| {participants:N0} | {schedule.Requested:N0} | {slots} | {tables} | {schedule.Placements.Count:N0} | {schedule.UpperBound:N0} | {schedule.ShareOfBound:P2} | " +
                          $"{reasons.GetValueOrDefault(UnplacedReason.NoCommonAvailability)} / {reasons.GetValueOrDefault(UnplacedReason.ParticipantsBooked)} / {reasons.GetValueOrDefault(UnplacedReason.NoTableFree)} | {schedule.Elapsed.TotalSeconds:0.00} s |");
        var problems = ScheduleValidator.Check(problem, schedule.Placements);
        Console.WriteLine(problems.Count == 0 ? "Schedule checked: no double booking, availability and tables respected." : "INVALID: " + string.Join(" ", problems.Take(5)));
        return Task.FromResult(problems.Count == 0 ? 0 : 1);
    }

    private sealed class Inline(Action<SchedulingProgress> report) : IProgress<SchedulingProgress>
    {
        public void Report(SchedulingProgress value) => report(value);
    }
}
