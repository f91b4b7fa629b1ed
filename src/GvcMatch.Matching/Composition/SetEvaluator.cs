using System.Globalization;
using System.Numerics;

namespace GvcMatch.Matching.Composition;

/// <summary>
/// Scores a set of suppliers as one party, with the scorer's formulas applied to what the set has
/// together: each capability keyword as well as its best member offers it; capacity summed over the
/// members doing the work; lead time of the slowest of them; export markets of all members together;
/// location, size and verification as the share of members that meet them; a certificate as the
/// share of the members doing the work that hold it. A set of one therefore scores what
/// <see cref="Scorer"/> gives that supplier (a test holds it to that).
/// </summary>
internal static class SetEvaluator
{
    /// <summary>
    /// The mandatory rules that add up over members, for sets of usable candidates (whose member-by-member
    /// rules already hold): every mandatory keyword offered, capacities summed, one exporter.
    /// </summary>
    public static bool IsValid(Shape shape, IReadOnlyList<Candidate> set)
    {
        var covered = 0UL;
        foreach (var m in set) covered |= m.Mask;
        if (covered != shape.Full) return false;
        foreach (var i in shape.Capacity)
        {
            if (Capacity(shape, set, i) < (shape.Criteria[i].Minimum ?? 0)) return false;
        }
        foreach (var i in shape.Export)
        {
            if (!set.Any(m => m.Alone.Criteria[i].Met)) return false;
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
        var working = Working(shape, set);
        switch (c.Kind)
        {
            case CriterionKind.CapabilityFit:
                var keywords = c.Keywords ?? [];
                if (keywords.Count == 0) return (0, false);
                var best = Best(set, i, keywords.Count);
                var share = Math.Round(best.Average(), 4);
                // A consortium splits the work keyword by keyword, so each one needs a member that offers it.
                return (share, c.Mandatory ? best.All(b => b >= 1) : share >= Scorer.CapabilityPass);
            case CriterionKind.CertificationHeld:
                var holders = working.Count(m => m.Alone.Criteria[i].Met);
                return (Math.Round(holders / (double)working.Count, 4), holders == working.Count);
            case CriterionKind.CapacityAtLeast:
                var minimum = c.Minimum ?? 0;
                var total = Capacity(shape, set, i);
                if (!working.Any(m => m.CapacityInUnit[i] is not null)) return (0, false);
                if (minimum <= 0 || total >= minimum) return (1, true);
                return (Math.Round((double)(total / minimum), 4), false);
            case CriterionKind.LeadTimeAtMost:
                if (working.Any(m => m.Facts.LeadTimeDays is null)) return (0, false);
                var slowest = working.Max(m => m.Facts.LeadTimeDays!.Value);
                var days = c.Days ?? 0;
                if (slowest <= days) return (1, true);
                return (Math.Round(Math.Max(0, 1 - (slowest - days) / (double)Math.Max(1, days)), 4), false);
            case CriterionKind.ExportExperience:
                var wanted = c.Countries ?? [];
                var markets = set.SelectMany(m => m.Facts.ExportMarkets).ToHashSet(StringComparer.OrdinalIgnoreCase);
                if (wanted.Count == 0) return markets.Count > 0 ? (1, true) : (0, false);
                var hits = wanted.Count(markets.Contains);
                return (Math.Round(hits / (double)wanted.Count, 4), hits > 0);
            default:
                // Location, size, verification and anything member-by-member: every member must meet it.
                var meeting = set.Count(m => m.Alone.Criteria[i].Met);
                return (Math.Round(meeting / (double)set.Count, 4), meeting == set.Count);
        }
    }

    /// <summary>The members doing the sought work (all of them when the requirement does not split the work, or none offers it).</summary>
    public static IReadOnlyList<Candidate> Working(Shape shape, IReadOnlyList<Candidate> set)
    {
        if (shape.EveryoneWorks) return set;
        var working = set.Where(m => m.Works).ToList();
        return working.Count > 0 ? working : set;
    }

    public static decimal Capacity(Shape shape, IReadOnlyList<Candidate> set, int i)
    {
        var sum = 0m;
        foreach (var m in Working(shape, set)) sum += m.CapacityInUnit[i] ?? 0;
        return sum;
    }

    /// <summary>Mandatory keywords offered by more than one member.</summary>
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

    private static double[] Best(IReadOnlyList<Candidate> set, int i, int count)
    {
        var best = new double[count];
        foreach (var m in set)
        {
            var coverage = m.Coverage[i]!;
            for (var k = 0; k < count; k++) best[k] = Math.Max(best[k], coverage[k]);
        }
        return best;
    }

    /// <summary>The per-criterion lines of a proposal: score, who meets it, and the evidence in words.</summary>
    public static IReadOnlyList<SetCriterionScore> Explain(Shape shape, IReadOnlyList<Candidate> set)
    {
        var lines = new List<SetCriterionScore>(shape.Criteria.Count);
        var working = Working(shape, set);
        for (var i = 0; i < shape.Criteria.Count; i++)
        {
            var c = shape.Criteria[i];
            var (score, met) = Evaluate(shape, set, i);
            var (evidence, coveredBy) = Evidence(shape, set, working, i);
            var weight = c.Mandatory ? 0 : c.Weight ?? 0;
            lines.Add(new SetCriterionScore(i, c.Kind, c.Mandatory, weight, score, met, Math.Round(weight * score, 2), c.Summary(), evidence, coveredBy));
        }
        return lines;
    }

    private static (string Evidence, IReadOnlyList<int> CoveredBy) Evidence(Shape shape, IReadOnlyList<Candidate> set, IReadOnlyList<Candidate> working, int i)
    {
        var c = shape.Criteria[i];
        string Own(Candidate m) => $"{m.Facts.Name}: {m.Alone.Criteria[i].Evidence}";
        switch (c.Kind)
        {
            case CriterionKind.CapabilityFit:
                var keywords = c.Keywords ?? [];
                var parts = new List<string>();
                var by = new HashSet<int>();
                for (var k = 0; k < keywords.Count; k++)
                {
                    var offering = set.Where(m => m.Offers[i]![k]).ToList();
                    by.UnionWith(offering.Select(m => m.Id));
                    parts.Add(offering.Count > 0
                        ? $"{keywords[k]}: {string.Join(", ", offering.Select(m => m.Facts.Name))}"
                        : $"{keywords[k]}: no member offers it");
                }
                return (string.Join("; ", parts), by.ToList());
            case CriterionKind.CertificationHeld:
                var idle = set.Except(working).Select(m => m.Facts.Name).ToList();
                var text = $"members doing the work: {string.Join("; ", working.Select(Own))}";
                if (idle.Count > 0) text += $"; not required of {string.Join(", ", idle)} (does none of the sought work)";
                return (text, working.Where(m => m.Alone.Criteria[i].Met).Select(m => m.Id).ToList());
            case CriterionKind.CapacityAtLeast:
                var contributing = working.Where(m => m.CapacityInUnit[i] is > 0).ToList();
                var sum = Capacity(shape, set, i);
                var terms = string.Join(" + ", contributing.Select(m => $"{m.Facts.Name} {Number(m.CapacityInUnit[i]!.Value)}"));
                return (contributing.Count == 0 ? $"no member doing the work states a capacity in {c.Unit}"
                    : $"{terms} = {Number(sum)} {c.Unit} a month (at least {Number(c.Minimum ?? 0)} sought)", contributing.Select(m => m.Id).ToList());
            case CriterionKind.LeadTimeAtMost:
                var slowest = working.OrderByDescending(m => m.Facts.LeadTimeDays ?? int.MaxValue).First();
                return ($"slowest member doing the work: {Own(slowest)}", working.Select(m => m.Id).ToList());
            case CriterionKind.ExportExperience:
                var exporters = set.Where(m => m.Alone.Criteria[i].Met).ToList();
                return (exporters.Count == 0 ? "no member has the export experience" : string.Join("; ", exporters.Select(Own)),
                    exporters.Select(m => m.Id).ToList());
            default:
                return ($"every member: {string.Join("; ", set.Select(Own))}", set.Where(m => m.Alone.Criteria[i].Met).Select(m => m.Id).ToList());
        }
    }

    private static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
