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
            return ($"every member: {string.Join("; ", set.Select(m => Own(m, i)))}", Meeting(set, i));
        if (shape.RoleOf[i] is { } role && c.Kind != CriterionKind.CapacityAtLeast)
        {
            var doers = set.Where(m => m.DoesRole(shape, role)).ToList();
            if (doers.Count == 0) return ($"no member does {role}, so every member: {string.Join("; ", set.Select(m => Own(m, i)))}", Meeting(set, i));
            var text = $"{role}: {string.Join("; ", doers.Select(m => Own(m, i)))}";
            var others = set.Except(doers).Select(m => m.Facts.Name).ToList();
            if (others.Count > 0) text += $"; not required of {string.Join(", ", others)} (not doing {role})";
            return (text, Meeting(doers, i));
        }
        var working = SetEvaluator.Working(shape, set);
        switch (c.Kind)
        {
            case CriterionKind.CapacityAtLeast:
                return Capacity(shape, set, i, c);
            case CriterionKind.LeadTimeAtMost:
                var slowest = working.MaxBy(m => m.Facts.LeadTimeDays ?? int.MaxValue)!;
                return ($"slowest member doing the work: {Own(slowest, i)}", working.Select(m => m.Id).ToList());
            default:
                var meeting = set.Where(m => m.Alone.Criteria[i].Met).ToList();
                return (meeting.Count == 0 ? $"no member meets it: {string.Join("; ", set.Select(m => Own(m, i)))}"
                    : $"for the consortium: {string.Join("; ", meeting.Select(m => Own(m, i)))}", meeting.Select(m => m.Id).ToList());
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
            var held = set.Where(m => (m.Offered & ~m.Mask & bit) != 0).Select(m => $"{m.Facts.Name} offers it but may not do it ({string.Join("; ", m.NotFor)})").ToList();
            var line = doing.Count > 0 ? $"{keywords[k]}: {string.Join(", ", how)}" : $"{keywords[k]}: no member does it";
            parts.Add(held.Count > 0 ? $"{line} — {string.Join("; ", held)}" : line);
        }
        var role = string.IsNullOrWhiteSpace(c.Role) ? "" : $"{c.Role.Trim()}: ";
        return (role + string.Join("; ", parts), by.ToList());
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
        var apart = group.Except(counted).Select(m => m.Facts.MonthlyCapacity is null ? $"{m.Facts.Name}: capacity not stated"
            : $"{m.Facts.Name}: {Why(m, c)}").ToList();
        var who = role is null ? "" : $"{role}: ";
        var text = counted.Count == 0 ? $"{who}no member states a capacity that compares with {c.Unit} {period}"
            : $"{who}{string.Join(" + ", terms)} = {CapacityMeasure.Number(counted.Sum(m => m.CapacityIn[i]!.Value))} {c.Unit} {period} (at least {CapacityMeasure.Number(c.Minimum ?? 0)} sought)";
        if (apart.Count > 0) text += "; not counted: " + string.Join("; ", apart);
        return (text, counted.Select(m => m.Id).ToList());
    }

    private static bool Same(Candidate m, Criterion c) =>
        string.Equals(Scorer.Unit(m.Facts.CapacityUnit), Scorer.Unit(c.Unit), StringComparison.Ordinal) && m.Facts.CapacityPeriod == (c.Period ?? CapacityPeriod.Month);

    private static string Why(Candidate m, Criterion c)
    {
        Scorer.CapacityIn(c, m.Facts, out var why);
        return $"capacity {Scorer.StatedCapacity(m.Facts)} is {why}";
    }

    private static List<int> Meeting(IReadOnlyList<Candidate> group, int i) => group.Where(m => m.Alone.Criteria[i].Met).Select(m => m.Id).ToList();
}
