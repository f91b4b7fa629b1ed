namespace GvcMatch.Matching.Composition;

/// <summary>
/// Proposes small sets (2 to <see cref="ComposerOptions.MaxMembers"/>) of SMEs that together meet
/// every mandatory criterion of a requirement, ranked by fewer members, then weighted score and
/// complementary skills. Pure and deterministic: the caller retrieves the candidates (see
/// docs/consortium-composer.md for the rules and the search).
/// </summary>
public static class ConsortiumComposer
{
    /// <param name="candidates">Suppliers retrieved for the requirement (duplicates by organisation are ignored).</param>
    /// <param name="required">A supplier every proposal must include ("partners who would complete your bid"), or null.</param>
    public static CompositionResult Compose(
        IReadOnlyList<Criterion> criteria, IEnumerable<SupplierFacts> candidates, DateOnly today,
        ComposerOptions? options = null, SupplierFacts? required = null, Understanding.MatchContext? context = null)
    {
        options ??= new ComposerOptions();
        options.Validate();
        var shape = new Shape(criteria, today, context);
        var distinct = candidates.Where(f => f.OrganizationId != required?.OrganizationId)
            .DistinctBy(f => f.OrganizationId).ToList();
        if (shape.TooManyKeywords)
        {
            return Empty(distinct.Count, shape, $"The requirement has {shape.Keywords.Count} mandatory capability keywords; " +
                $"the composer handles at most {Shape.MaxKeywords}.");
        }

        var all = distinct.Select(f => new Candidate(shape, f)).ToList();
        var usable = all.Where(c => c.Useful).ToList();
        // A supplier that meets everything alone is reported, not proposed: any set with it has members it does not need.
        var sole = usable.Where(c => SetEvaluator.IsValid(shape, [c])).ToList();
        var soleList = sole.Select(c => (Candidate: c, SetEvaluator.Total(shape, [c]).Total))
            .OrderByDescending(x => x.Total).ThenBy(x => x.Candidate.Id).Take(options.Top)
            .Select(x => new SoleSupplier(x.Candidate.Id, x.Candidate.Facts.Name, x.Candidate.Facts.Country, x.Total)).ToList();
        var pool = usable.Except(sole).ToList();

        Candidate? me = null;
        if (required is not null)
        {
            me = new Candidate(shape, required);
            var note = me.Rejection is { } why ? $"Your organisation cannot be a member: {why}."
                : !me.Useful ? "Your organisation offers none of the mandatory capabilities, capacity or export experience sought."
                : SetEvaluator.IsValid(shape, [me]) ? "Your organisation meets every mandatory criterion alone: no consortium is needed."
                : null;
            if (note is not null)
                return new CompositionResult([], soleList, sole.Count, Stats(all.Count, usable.Count, shape, 0, 0, 0, 0, false), note);
        }

        var search = new CompositionSearchRun(shape, options, pool, me);
        search.Run();
        var ranked = search.Found
            .Select(set => (Set: set, Total: SetEvaluator.Total(shape, set).Total, Overlap: SetEvaluator.Overlap(set)))
            .Select(x => (x.Set, x.Total, x.Overlap, Rank: Math.Round(x.Total - options.PointsPerExtraMember * (x.Set.Count - 2), 2)))
            .OrderByDescending(x => x.Rank).ThenBy(x => x.Overlap).ThenByDescending(x => x.Total)
            .ThenBy(x => string.Join(',', x.Set.Select(m => m.Id.ToString("D10", System.Globalization.CultureInfo.InvariantCulture))), StringComparer.Ordinal)
            .Take(options.Top)
            .Select((x, n) => new ConsortiumProposal(n + 1, Members(shape, x.Set), x.Total, x.Rank,
                SetEvaluator.Complementarity(shape, x.Set), SetEvaluator.Explain(shape, x.Set)))
            .ToList();

        var stats = Stats(all.Count, usable.Count, shape, search.Classes, search.ClassCombinations, search.SetsExamined, search.Found.Count, search.Truncated);
        var none = ranked.Count > 0 ? null
            : pool.Count == 0 && me is null ? "No candidate can be a member of a consortium for this requirement."
            : $"No set of 2 to {options.MaxMembers} candidates meets every mandatory criterion.";
        return new CompositionResult(ranked, soleList, sole.Count, stats, none);
    }

    private static List<ProposalMember> Members(Shape shape, IReadOnlyList<Candidate> set) => set.Select(m =>
    {
        var offers = Enumerable.Range(0, shape.Keywords.Count).Where(b => (m.Mask & (1UL << b)) != 0).Select(b => shape.Keywords[b]).ToList();
        var f = m.Facts;
        return new ProposalMember(f.OrganizationId, f.Name, f.Country, f.SizeBand, f.Verified, offers, SetEvaluator.Working(shape, set).Contains(m),
            Contribution(shape, set, m));
    }).ToList();

    /// <summary>What the set would lose without this member (every proposed member is needed for something).</summary>
    private static string Contribution(Shape shape, IReadOnlyList<Candidate> set, Candidate m)
    {
        var others = set.Where(o => o != m).ToList();
        var parts = new List<string>();
        var othersMask = others.Aggregate(0UL, (acc, o) => acc | o.Mask);
        var only = Enumerable.Range(0, shape.Keywords.Count).Where(b => (m.Mask & ~othersMask & (1UL << b)) != 0).Select(b => shape.Keywords[b]).ToList();
        if (only.Count > 0) parts.Add($"the only member offering {string.Join(", ", only)}");
        foreach (var i in shape.Capacity)
        {
            if (SetEvaluator.Capacity(shape, others, i) < (shape.Criteria[i].Minimum ?? 0) && m.CapacityInUnit[i] is > 0)
                parts.Add($"capacity needed to reach {shape.Criteria[i].Minimum:0.##} {shape.Criteria[i].Unit} a month");
        }
        foreach (var i in shape.Export)
        {
            if (!others.Any(o => o.Alone.Criteria[i].Met) && m.Alone.Criteria[i].Met) parts.Add("the set's export experience");
        }
        return parts.Count > 0 ? string.Join("; ", parts) : "shares the work with the others";
    }

    private static CompositionSearch Stats(int candidates, int usable, Shape shape, int classes, long combinations, long sets, int valid, bool truncated) =>
        new(candidates, usable, shape.Keywords.Count, classes, combinations, sets, valid, truncated);

    private static CompositionResult Empty(int candidates, Shape shape, string note) =>
        new([], [], 0, Stats(candidates, 0, shape, 0, 0, 0, 0, false), note);
}
