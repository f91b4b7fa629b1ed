using System.Numerics;

namespace GvcMatch.Matching.Composition;

/// <summary>
/// Proposes small sets (2 to <see cref="ComposerOptions.MaxMembers"/>) of SMEs that together meet
/// every mandatory criterion of a requirement, each criterion by its scope, ranked by the share of
/// the pieces of work they do, then weighted total, then fewer members. Pure and deterministic: the
/// caller retrieves the candidates (see docs/consortium-composer.md for the rules and the search).
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
            return Empty(distinct.Count, shape, Say.Format("The requirement names {0} capability keywords; the composer handles at most {1}.",
                shape.Keywords.Count, Shape.MaxKeywords));
        }

        // Preparing a candidate (reading its profile, scoring it) is most of the composer's time and
        // independent per supplier: done in parallel, in the candidates' order, so the answer is the same.
        var all = distinct.Count < 64 ? distinct.Select(f => new Candidate(shape, f)).ToList()
            : distinct.AsParallel().AsOrdered().Select(f => new Candidate(shape, f)).ToList();
        var usable = all.Where(c => c.Useful).ToList();
        // A supplier that meets everything alone and does every piece of work is reported, not proposed:
        // any set with it has members it does not need.
        var sole = usable.Where(c => DoesEverything(shape, c)).ToList();
        var soleList = sole.Select(c => (Candidate: c, SetEvaluator.Total(shape, [c]).Total))
            .OrderByDescending(x => x.Total).ThenBy(x => x.Candidate.Id).Take(options.Top)
            .Select(x => new SoleSupplier(x.Candidate.Id, x.Candidate.Facts.Name, x.Candidate.Facts.Country, x.Total)).ToList();
        var pool = usable.Except(sole).ToList();

        Candidate? me = null;
        if (required is not null)
        {
            me = new Candidate(shape, required);
            var note = me.Rejection is { } why ? Say.Format("Your organisation cannot be a member: {0}.", why)
                : !me.Useful ? Say.Text("Your organisation may do none of the pieces of work and brings none of the capacity or facts sought.")
                : DoesEverything(shape, me) ? Say.Text("Your organisation meets every mandatory criterion and does every piece of work alone: no consortium is needed.")
                : null;
            if (note is not null)
                return new CompositionResult([], soleList, sole.Count, Stats(all.Count, usable.Count, shape, 0, 0, 0, 0, false), note);
        }
        else if (sole.Count > 0)
        {
            var names = Say.List(soleList.Select(s => s.Name)) + (sole.Count > soleList.Count ? ", ..." : "");
            return new CompositionResult([], soleList, sole.Count, Stats(all.Count, usable.Count, shape, 0, 0, 0, 0, false), sole.Count == 1
                ? Say.Format("No consortium is proposed: {0} supplier ({1}) meets every mandatory criterion and does every piece of work alone, so any consortium would have members the work does not need.", sole.Count, names)
                : Say.Format("No consortium is proposed: {0} suppliers ({1}) meet every mandatory criterion and do every piece of work alone, so any consortium would have members the work does not need.", sole.Count, names));
        }

        var search = new CompositionSearchRun(shape, options, pool, me);
        search.Run();
        var ranked = search.Found
            .Select(set => (Set: set, Coverage: SetEvaluator.Coverage(shape, set), SetEvaluator.Total(shape, set).Total, Overlap: SetEvaluator.Overlap(set)))
            .OrderByDescending(x => x.Coverage).ThenByDescending(x => x.Total).ThenBy(x => x.Set.Count).ThenBy(x => x.Overlap)
            .ThenBy(x => string.Join(',', x.Set.Select(m => m.Id.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Order()), StringComparer.Ordinal)
            .Take(options.Top)
            .Select((x, n) => new ConsortiumProposal(n + 1, ProposalMembers.Of(shape, x.Set), x.Coverage, x.Total,
                SetEvaluator.Complementarity(shape, x.Set), NotCovered(shape, x.Set), SetEvaluator.Explain(shape, x.Set)))
            .ToList();

        var stats = Stats(all.Count, usable.Count, shape, search.Classes, search.ClassCombinations, search.SetsExamined, search.Found.Count, search.Truncated);
        var none = ranked.Count > 0 ? null
            : pool.Count == 0 && me is null ? Say.Text("No candidate can be a member of a consortium for this requirement.")
            : Say.Format("No set of 2 to {0} candidates meets every mandatory criterion.", options.MaxMembers);
        return new CompositionResult(ranked, soleList, sole.Count, stats, none);
    }

    private static bool DoesEverything(Shape shape, Candidate c) =>
        SetEvaluator.IsValid(shape, [c]) && (c.Mask & shape.AllPieces) == shape.AllPieces;

    private static List<string> NotCovered(Shape shape, IReadOnlyList<Candidate> set)
    {
        var covered = SetEvaluator.Covered(set);
        return Enumerable.Range(0, Math.Min(shape.Keywords.Count, Shape.MaxKeywords)).Where(b => (covered & (1UL << b)) == 0).Select(b => shape.Keywords[b]).ToList();
    }

    private static CompositionSearch Stats(int candidates, int usable, Shape shape, int classes, long combinations, long sets, int valid, bool truncated) =>
        new(candidates, usable, BitOperations.PopCount(shape.Full), classes, combinations, sets, valid, truncated, shape.Keywords.Count);

    private static CompositionResult Empty(int candidates, Shape shape, string note) =>
        new([], [], 0, Stats(candidates, 0, shape, 0, 0, 0, 0, false), note);
}
