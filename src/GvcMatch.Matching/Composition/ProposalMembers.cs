namespace GvcMatch.Matching.Composition;

/// <summary>Who does what in a proposed set, and what the set would lose without each member.</summary>
internal static class ProposalMembers
{
    public static List<ProposalMember> Of(Shape shape, IReadOnlyList<Candidate> set)
    {
        var named = shape.Criteria.Where(c => c.Kind == CriterionKind.CapabilityFit && !string.IsNullOrWhiteSpace(c.Role)).Select(c => c.Role!.Trim())
            .Concat(shape.RoleOf.OfType<string>()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return set.Select(m =>
        {
            var f = m.Facts;
            var roles = named.Where(r => m.DoesRole(shape, r)).ToList();
            return new ProposalMember(f.OrganizationId, f.Name, f.Country, f.SizeBand, f.Verified, Pieces(shape, m.Mask), roles,
                m.Works(shape), m.NotFor, Contribution(shape, set, m));
        }).ToList();
    }

    private static List<string> Pieces(Shape shape, ulong mask) =>
        Enumerable.Range(0, Math.Min(shape.Keywords.Count, Shape.MaxKeywords)).Where(b => (mask & (1UL << b)) != 0).Select(b => shape.Keywords[b]).ToList();

    /// <summary>What the set would lose without this member (every proposed member is needed for something).</summary>
    private static string Contribution(Shape shape, IReadOnlyList<Candidate> set, Candidate m)
    {
        var others = set.Where(o => o != m).ToList();
        var parts = new List<string>();
        var only = Pieces(shape, m.Mask & ~SetEvaluator.Covered(others));
        if (only.Count > 0) parts.Add(Say.Format("the only member doing {0}", Say.List(only)));
        foreach (var i in shape.Capacity)
        {
            var c = shape.Criteria[i];
            if ((SetEvaluator.Capacity(shape, others, i) ?? 0) < (c.Minimum ?? 0) && m.CapacityIn[i] is > 0)
                parts.Add(Say.Format("capacity needed to reach {0} {1} {2}", CapacityMeasure.Number(c.Minimum ?? 0), c.Unit, CapacityMeasure.PeriodWords(c.Period ?? CapacityPeriod.Month)));
        }
        foreach (var i in shape.AnyMember)
        {
            if (!others.Any(o => o.Alone.Criteria[i].Met) && m.Alone.Criteria[i].Met) parts.Add(Say.Format("the consortium's only member that meets \"{0}\"", shape.Criteria[i].Summary()));
        }
        return parts.Count > 0 ? Say.Clauses(parts) : Say.Text("shares the work with the others");
    }
}
