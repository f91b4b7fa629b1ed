using GvcMatch.Events.Scheduling;
using Google.OrTools.Sat;

namespace GvcMatch.Events.Tests;

/// <summary>
/// The most meetings any schedule can place, solved exactly with CP-SAT: one yes/no per meeting and
/// slot both participants have, at most one slot per meeting, one meeting per person per slot, no more
/// meetings than tables in a slot, and locked placements fixed.
/// </summary>
public static class ExactSchedule
{
    public static int? Optimum(SchedulingProblem problem, TimeSpan limit)
    {
        var model = new CpModel();
        var people = problem.Participants.ToDictionary(p => p.Id);
        var bySlotAndPerson = new Dictionary<(int, int), List<ILiteral>>();
        var bySlot = new Dictionary<int, List<ILiteral>>();
        var all = new List<BoolVar>();
        var locked = problem.Locked.ToDictionary(l => l.MeetingId, l => l.Slot);
        foreach (var m in problem.Meetings)
        {
            var mine = new List<ILiteral>();
            for (var s = 0; s < problem.SlotCount; s++)
            {
                if (!people[m.First].Available.Contains(s) || !people[m.Second].Available.Contains(s)) continue;
                var x = model.NewBoolVar($"m{m.Id}s{s}");
                if (locked.TryGetValue(m.Id, out var at)) model.Add(x == (at == s ? 1 : 0));
                mine.Add(x);
                all.Add(x);
                Add(bySlot, s, x);
                Add(bySlotAndPerson, (s, m.First), x);
                Add(bySlotAndPerson, (s, m.Second), x);
            }
            if (mine.Count > 1) model.AddAtMostOne(mine);
        }
        foreach (var group in bySlotAndPerson.Values) if (group.Count > 1) model.AddAtMostOne(group);
        foreach (var (s, group) in bySlot) model.Add(LinearExpr.Sum(group.Cast<BoolVar>()) <= problem.TablesAt(s));
        model.Maximize(LinearExpr.Sum(all));
        var solver = new CpSolver { StringParameters = $"max_time_in_seconds:{limit.TotalSeconds};num_workers:2" };
        return solver.Solve(model) == CpSolverStatus.Optimal ? (int)solver.ObjectiveValue : null;
    }

    private static void Add<TKey>(Dictionary<TKey, List<ILiteral>> groups, TKey key, ILiteral x) where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
        list.Add(x);
    }
}
