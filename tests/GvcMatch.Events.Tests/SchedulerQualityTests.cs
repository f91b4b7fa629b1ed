using System.Diagnostics;
using GvcMatch.Events.Scheduling;
using Xunit.Abstractions;

namespace GvcMatch.Events.Tests;

/// <summary>
/// How close the scheduler comes to the most meetings possible: on small, crowded events the exact
/// optimum from CP-SAT, and the bound it reports is checked to be a true bound.
/// </summary>
public sealed class SchedulerQualityTests(ITestOutputHelper output)
{
    [Theory]
    // Small and crowded: more requests than the slots and tables can hold.
    [InlineData(12, 30, 6, 2)]
    // A morning of a supplier day: 40 companies, 160 requests, 10 slots, a dozen tables.
    [InlineData(40, 160, 10, 12)]
    // People are the limit, not tables: everyone wants the same few buyers.
    [InlineData(30, 140, 8, 30)]
    public void On_events_small_enough_to_solve_exactly_the_scheduler_places_the_optimum_or_nearly(int people, int requests, int slots, int tables)
    {
        var ratios = new List<double>();
        int short_ = 0, boundGap = 0;
        TimeSpan exact = default, ours = default;
        for (var seed = 1; seed <= 8; seed++)
        {
            var problem = RandomEvents.Create(seed, people + seed % 7, requests + seed % 13, slots + seed % 3, tables + seed % 2);
            var started = Stopwatch.GetTimestamp();
            var optimum = ExactSchedule.Optimum(problem, TimeSpan.FromSeconds(10));
            exact += Stopwatch.GetElapsedTime(started);
            if (optimum is not { } best) continue;
            var schedule = MeetingScheduler.Solve(problem);
            ours += schedule.Elapsed;

            Assert.InRange(schedule.Placements.Count, 0, best);
            Assert.True(schedule.UpperBound >= best, $"seed {seed}: the bound {schedule.UpperBound} is below the optimum {best}");
            ratios.Add(best == 0 ? 1 : (double)schedule.Placements.Count / best);
            short_ += best - schedule.Placements.Count;
            boundGap += schedule.UpperBound - best;
        }

        output.WriteLine($"{people}+ participants, {requests}+ requests, {slots}+ slots, {tables}+ tables: {ratios.Count} events solved exactly; " +
                         $"placed/optimum mean {ratios.Average():0.0000}, min {ratios.Min():0.0000}; {short_} meetings short in all; the bound is {boundGap} above the optima in all; " +
                         $"CP-SAT {exact.TotalSeconds:0.0} s, the scheduler {ours.TotalSeconds:0.0} s");
        Assert.True(ratios.Count >= 6, "CP-SAT should prove most of these events optimal");
        Assert.True(ratios.Average() >= 0.99, $"mean {ratios.Average():0.0000}");
        Assert.True(ratios.Min() >= 0.95, $"min {ratios.Min():0.0000}");
    }
}
