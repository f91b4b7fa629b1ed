using System.Numerics;

namespace GvcMatch.Matching.Composition;

/// <summary>
/// Scores a set of suppliers as one party, each criterion by its scope (docs/criteria.md): for the
/// consortium as a whole a capability keyword is done as well as its best member does it, capacity
/// adds up over the members doing the work (converted to the criterion's unit and period), lead time
/// is the slowest of them, export markets are pooled, and any other fact needs one member; for every
/// member, or for the members doing a role, each of them must meet it (the score is their average).
/// A set of one therefore scores what <see cref="Scorer"/> gives that supplier (a test holds it to that).
/// </summary>
internal static class SetEvaluator
{
    /// <summary>
    /// The mandatory rules that add up over members, for sets of usable candidates (whose member-by-member
    /// and role rules already hold for the pieces they may do).
    /// </summary>
    public static bool IsValid(Shape shape, IReadOnlyList<Candidate> set)
    {
        if (set.Count == 0) return false;
        if ((Covered(set) & shape.Full) != shape.Full) return false;
        foreach (var i in shape.Capacity)
        {
            if (Capacity(shape, set, i) is not { } sum || sum < (shape.Criteria[i].Minimum ?? 0)) return false;
        }
        foreach (var i in shape.AnyMember)
        {
            if (!AnyMet(set, i)) return false;
        }
        for (var i = 0; i < shape.Criteria.Count; i++)
        {
            var c = shape.Criteria[i];
            if (!c.Mandatory || c.Kind is CriterionKind.CapacityAtLeast) continue;
            // A role nobody in the set does falls to every member; a lead time holds for whoever works.
            if (shape.RoleOf[i] is { } role && !set.Any(m => m.DoesRole(shape, role)) && !AllMet(set, i)) return false;
            if (c.Kind == CriterionKind.LeadTimeAtMost && shape.Scopes[i] == CriterionScope.Consortium && !AllMet(Working(shape, set), i)) return false;
        }
        return true;
    }

    /// <summary>The set's weighted total and whether it meets every mandatory criterion, from first principles.</summary>
    public static (double Total, bool Valid) Total(Shape shape, IReadOnlyList<Candidate> set)
    {
        var sum = 0.0;
        var valid = true;
        for (var i = 0; i < shape.Criteria.Count; i++)
        {
            var (score, met) = Evaluate(shape, set, i);
            var c = shape.Criteria[i];
            if (c.Mandatory) valid &= met;
            else sum += (c.Weight ?? 0) * score;
        }
        return (shape.AnyWeighted ? Math.Round(sum, 2) : valid ? 100 : 0, valid);
    }

    public static (double Score, bool Met) Evaluate(Shape shape, IReadOnlyList<Candidate> set, int i)
    {
        var c = shape.Criteria[i];
        var scope = shape.Scopes[i];
        if (c.Kind == CriterionKind.CapabilityFit && shape.KeywordBits[i] is { } bits) return Capability(set, i, c, bits);
        if (scope == CriterionScope.EveryMember || c.Kind == CriterionKind.CapabilityFit) return Each(set, i);
        var group = shape.RoleOf[i] is { } role ? Doers(shape, set, role) : Working(shape, set);
        switch (c.Kind)
        {
            case CriterionKind.CapacityAtLeast:
                if (Capacity(shape, set, i) is not { } total) return (0, false);
                var minimum = c.Minimum ?? 0;
                if (minimum <= 0 || total >= minimum) return (1, true);
                return (Math.Round((double)(total / minimum), 4), false);
            case CriterionKind.LeadTimeAtMost:
                // The slowest member doing the work sets the pace: its own score is the set's.
                var slowest = group.MaxBy(m => m.Facts.LeadTimeDays ?? int.MaxValue)!;
                return (slowest.Alone.Criteria[i].Score, slowest.Alone.Criteria[i].Met);
            case CriterionKind.ExportExperience:
                // Pooled over the members: their export markets, and the countries they are based in.
                var from = scope == CriterionScope.Role ? group : set;
                var markets = from.SelectMany(m => m.Facts.ExportMarkets).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var based = from.Select(m => m.Facts.Country).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var (score, met, _) = Places.Markets.Exports(c, markets, based);
                return (score, met);
            default:
                return scope == CriterionScope.Role ? Each(group, i) : (set.Max(m => m.Alone.Criteria[i].Score), AnyMet(set, i));
        }
    }

    /// <summary>The members doing any piece of work (all of them when the work is not split, or none does any).</summary>
    public static IReadOnlyList<Candidate> Working(Shape shape, IReadOnlyList<Candidate> set)
    {
        if (shape.EveryoneWorks) return set;
        var working = set.Where(m => m.Mask != 0).ToList();
        return working.Count > 0 ? working : set;
    }

    /// <summary>The members doing a role (every member when none does it: the role's rules then fall to all).</summary>
    public static IReadOnlyList<Candidate> Doers(Shape shape, IReadOnlyList<Candidate> set, string role)
    {
        var doers = set.Where(m => m.DoesRole(shape, role)).ToList();
        return doers.Count > 0 ? doers : set;
    }

    /// <summary>The capacity a set brings to a capacity criterion: the sum over the members it applies to that state one comparable to it.</summary>
    public static decimal? Capacity(Shape shape, IReadOnlyList<Candidate> set, int i)
    {
        var group = shape.RoleOf[i] is { } role ? Doers(shape, set, role) : Working(shape, set);
        decimal? sum = null;
        foreach (var m in group) if (m.CapacityIn[i] is { } amount) sum = (sum ?? 0) + amount;
        return sum;
    }

    public static ulong Covered(IReadOnlyList<Candidate> set)
    {
        var covered = 0UL;
        foreach (var m in set) covered |= m.Mask;
        return covered;
    }

    /// <summary>Share of the pieces of work the set does (1 when the requirement names none).</summary>
    public static double Coverage(Shape shape, IReadOnlyList<Candidate> set) => shape.AllPieces == 0 ? 1
        : Math.Round(BitOperations.PopCount(Covered(set) & shape.AllPieces) / (double)BitOperations.PopCount(shape.AllPieces), 4);

    /// <summary>Pieces done by more than one member.</summary>
    public static int Overlap(IReadOnlyList<Candidate> set)
    {
        ulong seen = 0, twice = 0;
        foreach (var m in set)
        {
            twice |= seen & m.Mask;
            seen |= m.Mask;
        }
        return BitOperations.PopCount(twice);
    }

    public static double Complementarity(Shape shape, IReadOnlyList<Candidate> set) =>
        shape.Keywords.Count == 0 ? 1 : Math.Round(1 - Overlap(set) / (double)shape.Keywords.Count, 4);

    public static IReadOnlyList<SetCriterionScore> Explain(Shape shape, IReadOnlyList<Candidate> set) => SetExplainer.Explain(shape, set);

    private static (double, bool) Capability(IReadOnlyList<Candidate> set, int i, Criterion c, int[] bits)
    {
        var count = bits.Length;
        if (count == 0) return (0, false);
        var best = new double[count];
        foreach (var m in set)
        {
            var coverage = m.Coverage[i]!;
            for (var k = 0; k < count; k++) best[k] = Math.Max(best[k], coverage[k]);
        }
        var share = Math.Round(best.Average(), 4);
        var covered = Covered(set);
        var done = bits.Count(b => b < Shape.MaxKeywords && (covered & (1UL << b)) != 0);
        // A consortium splits the work keyword by keyword, so a mandatory one needs each keyword done by a member.
        return (share, c.Mandatory ? done == count : done >= Scorer.CapabilityPass * count);
    }

    private static (double, bool) Each(IReadOnlyList<Candidate> group, int i) =>
        (Math.Round(group.Average(m => m.Alone.Criteria[i].Score), 4), AllMet(group, i));

    private static bool AllMet(IReadOnlyList<Candidate> group, int i)
    {
        foreach (var m in group) if (!m.Alone.Criteria[i].Met) return false;
        return true;
    }

    private static bool AnyMet(IReadOnlyList<Candidate> group, int i)
    {
        foreach (var m in group) if (m.Alone.Criteria[i].Met) return true;
        return false;
    }
}
