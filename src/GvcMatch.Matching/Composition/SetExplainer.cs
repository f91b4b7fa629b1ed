namespace GvcMatch.Matching.Composition;

/// <summary>The per-criterion lines of a proposal: score, who meets it, and the evidence in words, naming the scope.</summary>
internal static class SetExplainer
{
    public static IReadOnlyList<SetCriterionScore> Explain(Shape shape, IReadOnlyList<Candidate> set)
    {
        var lines = new List<SetCriterionScore>(shape.Criteria.Count);
        for (var i = 0; i < shape.Criteria.Count; i++)
        {
            var c = shape.Criteria[i];
            var (score, met) = SetEvaluator.Evaluate(shape, set, i);
            var (evidence, coveredBy) = Evidence(shape, set, i);
            var weight = c.Mandatory ? 0 : c.Weight ?? 0;
            lines.Add(new SetCriterionScore(i, c.Kind, c.Mandatory, weight, score, met, Math.Round(weight * score, 2), c.Summary(), evidence,
                coveredBy, shape.Scopes[i], shape.RoleOf[i]));
        }
        return lines;
    }

    private static string Own(Candidate m, int i) => $"{m.Facts.Name}: {m.Alone.Criteria[i].Evidence}";

    private static (string Evidence, IReadOnlyList<int> CoveredBy) Evidence(Shape shape, IReadOnlyList<Candidate> set, int i)
    {
        var c = shape.Criteria[i];
        var scope = shape.Scopes[i];
        if (c.Kind == CriterionKind.CapabilityFit && shape.KeywordBits[i] is { } bits) return Capability(shape, set, i, c, bits);
        if (scope == CriterionScope.EveryMember || c.Kind == CriterionKind.CapabilityFit)
            return (Say.Format("every member: {0}", Say.Clauses(set.Select(m => Own(m, i)))), Meeting(set, i));
        if (shape.RoleOf[i] is { } role && c.Kind != CriterionKind.CapacityAtLeast)
        {
            var doers = set.Where(m => m.DoesRole(shape, role)).ToList();
            if (doers.Count == 0) return (Say.Format("no member does {0}, so every member: {1}", role, Say.Clauses(set.Select(m => Own(m, i)))), Meeting(set, i));
            var text = $"{role}: {Say.Clauses(doers.Select(m => Own(m, i)))}";
            var others = set.Except(doers).Select(m => m.Facts.Name).ToList();
            if (others.Count > 0) text += Say.Text("; ") + Say.Format("not required of {0} (not doing {1})", Say.List(others), role);
            return (text, Meeting(doers, i));
        }
        var working = SetEvaluator.Working(shape, set);
        switch (c.Kind)
        {
            case CriterionKind.CapacityAtLeast:
                return Capacity(shape, set, i, c);
            case CriterionKind.LeadTimeAtMost:
                var slowest = working.MaxBy(m => m.Facts.LeadTimeDays ?? int.MaxValue)!;
                return (Say.Format("slowest member doing the work: {0}", Own(slowest, i)), working.Select(m => m.Id).ToList());
            default:
                var meeting = set.Where(m => m.Alone.Criteria[i].Met).ToList();
                return (meeting.Count == 0 ? Say.Format("no member meets it: {0}", Say.Clauses(set.Select(m => Own(m, i))))
                    : Say.Format("for the consortium: {0}", Say.Clauses(meeting.Select(m => Own(m, i)))), meeting.Select(m => m.Id).ToList());
        }
    }

    private static (string, IReadOnlyList<int>) Capability(Shape shape, IReadOnlyList<Candidate> set, int i, Criterion c, int[] bits)
    {
        var keywords = c.Keywords ?? [];
        var parts = new List<string>(keywords.Count);
        var by = new HashSet<int>();
        for (var k = 0; k < keywords.Count; k++)
        {
            var bit = bits[k] < Shape.MaxKeywords ? 1UL << bits[k] : 0;
            var doing = set.Where(m => (m.Mask & bit) != 0).ToList();
            by.UnionWith(doing.Select(m => m.Id));
            // Name the pair that made each member count as doing it ("'fresado CNC' = CNC milling (vocabulary)").
            var how = doing.Select(m => Why(m, i, k)).ToList();
            var held = set.Where(m => (m.Offered & ~m.Mask & bit) != 0).Select(m => Say.Format("{0} offers it but may not do it ({1})", m.Facts.Name, Say.Clauses(m.NotFor))).ToList();
            var line = doing.Count > 0 ? $"{keywords[k]}: {Say.List(how)}" : $"{keywords[k]}: {Say.Text("no member does it")}";
            parts.Add(held.Count > 0 ? $"{line} — {Say.Clauses(held)}" : line);
        }
        var role = string.IsNullOrWhiteSpace(c.Role) ? "" : $"{c.Role.Trim()}: ";
        return (role + Say.Clauses(parts), by.ToList());
    }

    /// <summary>"S2" when the member uses the buyer's words; "S2 ('fresado CNC' = CNC milling (vocabulary))" otherwise.</summary>
    private static string Why(Candidate m, int i, int k)
    {
        var fit = m.Fits(i)?[k];
        return fit is { Plain: false } f && f.Explanation.Length > 0 ? $"{m.Facts.Name} ({f.Explanation})" : m.Facts.Name;
    }

    private static (string, IReadOnlyList<int>) Capacity(Shape shape, IReadOnlyList<Candidate> set, int i, Criterion c)
    {
        var role = shape.RoleOf[i];
        var group = role is null ? SetEvaluator.Working(shape, set) : SetEvaluator.Doers(shape, set, role);
        var counted = group.Where(m => m.CapacityIn[i] is not null).ToList();
        var period = CapacityMeasure.PeriodWords(c.Period ?? CapacityPeriod.Month);
        var terms = counted.Select(m => Same(m, c)
            ? $"{m.Facts.Name} {CapacityMeasure.Number(m.CapacityIn[i]!.Value)}"
            : $"{m.Facts.Name} {Scorer.StatedCapacity(m.Facts)} = {CapacityMeasure.Number(m.CapacityIn[i]!.Value)}").ToList();
        var apart = group.Except(counted).Select(m => m.Facts.MonthlyCapacity is null ? $"{m.Facts.Name}: {Say.Text("capacity not stated")}"
            : $"{m.Facts.Name}: {Why(m, c)}").ToList();
        var who = role is null ? "" : $"{role}: ";
        var text = counted.Count == 0 ? who + Say.Format("no member states a capacity that compares with {0} {1}", c.Unit, period)
            : who + Say.Format("{0} = {1} {2} {3} (at least {4} sought)", string.Join(" + ", terms), CapacityMeasure.Number(counted.Sum(m => m.CapacityIn[i]!.Value)), c.Unit, period, CapacityMeasure.Number(c.Minimum ?? 0));
        if (apart.Count > 0) text += Say.Text("; ") + Say.Format("not counted: {0}", Say.Clauses(apart));
        return (text, counted.Select(m => m.Id).ToList());
    }

    private static bool Same(Candidate m, Criterion c) =>
        string.Equals(Scorer.Unit(m.Facts.CapacityUnit), Scorer.Unit(c.Unit), StringComparison.Ordinal) && m.Facts.CapacityPeriod == (c.Period ?? CapacityPeriod.Month);

    private static string Why(Candidate m, Criterion c)
    {
        Scorer.CapacityIn(c, m.Facts, out var why);
        return Say.Format("capacity {0} is {1}", Scorer.StatedCapacity(m.Facts), why);
    }

    private static List<int> Meeting(IReadOnlyList<Candidate> group, int i) => group.Where(m => m.Alone.Criteria[i].Met).Select(m => m.Id).ToList();
}
