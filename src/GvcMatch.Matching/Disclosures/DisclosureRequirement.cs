using System.Globalization;
using GvcMatch.Matching.Certifications;

namespace GvcMatch.Matching.Disclosures;

/// <summary>
/// A <see cref="CriterionKind.DisclosureProvided"/> criterion: the topic disclosed for a recent year
/// (at most <see cref="MaxAgeYears"/> before this one) at the minimum evidence level or above, and for
/// a topic with a figure, optionally a bound on it. The disclosure that counts is the current one,
/// <see cref="Current"/>: the scorer, the bid evaluation and the search filters all read that one,
/// so a good old year never hides a worse recent one.
/// </summary>
public static class DisclosureRequirement
{
    /// <summary>A disclosure for a year more than this many years before the current one no longer counts.</summary>
    public const int MaxAgeYears = 3;

    /// <summary>The keyword field of the (topic, evidence) tokens a supplier's disclosures satisfy.</summary>
    public const string Field = "disclosure";

    /// <summary>
    /// The disclosure of <paramref name="topic"/> that counts at <paramref name="minimum"/>: the latest
    /// year's with at least that evidence; within a year (two audits) the better figure, then the stronger evidence.
    /// </summary>
    public static DisclosedFact? Current(IReadOnlyList<DisclosedFact> facts, DisclosureTopic topic, EvidenceLevel minimum)
    {
        var atMost = DisclosureTopics.Bound(topic) == BoundDirection.AtMost;
        return facts.Where(f => f.Topic == topic && f.Evidence >= minimum)
            .OrderByDescending(f => f.Year)
            .ThenBy(f => f.Measure is null ? 1 : 0)
            .ThenBy(f => atMost ? f.Measure ?? 0 : -(f.Measure ?? 0))
            .ThenByDescending(f => f.Evidence)
            .FirstOrDefault();
    }

    public static (double Score, bool Met, string Evidence) Evaluate(Criterion c, IReadOnlyList<DisclosedFact> facts, DateOnly today)
    {
        if (c.Topic is not { } topic) return (0, false, Say.Text("criterion kind not supported"));
        var minimum = c.MinimumEvidence ?? EvidenceLevel.SelfDeclared;
        var name = DisclosureTopics.Describe(topic);
        if (Current(facts, topic, minimum) is not { } current)
        {
            return Current(facts, topic, EvidenceLevel.SelfDeclared) is { } weaker
                ? (0, false, Say.Format("{0} disclosed for {1} ({2}); {3} sought", name, Year(weaker.Year), Evidence(weaker), EvidenceLevels.Describe(minimum)))
                : (0, false, Say.Format("{0} not disclosed", name));
        }
        if (current.Year < today.Year - MaxAgeYears)
            return (0, false, Say.Format("{0} last disclosed for {1}, more than {2} years ago", name, Year(current.Year), MaxAgeYears));
        var said = Say.Format("{0} disclosed for {1} ({2})", name, Year(current.Year), Evidence(current));
        if (Bound(c) is not { } bound) return (1, true, said);
        if (current.Measure is not { } measure)
            return (0, false, Say.Clauses([said, Say.Format("no figure for {0}", DisclosureTopics.DescribeBound(topic, bound))]));
        var ok = DisclosureTopics.Bound(topic) == BoundDirection.AtMost ? measure <= bound : measure >= bound;
        var figure = DisclosureTopics.DescribeMeasure(topic, measure);
        return ok
            ? (1, true, Say.Clauses([said, figure]))
            : (0, false, Say.Clauses([said, Say.Format("{0}, where {1} is asked", figure, DisclosureTopics.DescribeBound(topic, bound))]));
    }

    /// <summary>The bound the criterion sets on its topic's figure: <see cref="Criterion.Minimum"/> or <see cref="Criterion.Maximum"/>, as the topic reads it.</summary>
    public static decimal? Bound(Criterion c) => c.Topic is { } topic ? DisclosureTopics.Bound(topic) switch
    {
        BoundDirection.AtLeast => c.Minimum,
        BoundDirection.AtMost => c.Maximum,
        _ => null,
    } : null;

    public static string Summary(Criterion c)
    {
        var name = DisclosureTopics.Describe(c.Topic ?? DisclosureTopic.CarbonFootprint);
        var text = c.MinimumEvidence is { } level and > EvidenceLevel.SelfDeclared
            ? Say.Format("{0} disclosed ({1} or stronger)", name, EvidenceLevels.Describe(level))
            : Say.Format("{0} disclosed", name);
        return Bound(c) is { } bound ? Say.Clauses([text, DisclosureTopics.DescribeBound(c.Topic!.Value, bound)]) : text;
    }

    /// <summary>"document attached", "verified by an intermediary, document attached", "self-declared".</summary>
    public static string Evidence(DisclosedFact f)
    {
        var parts = new List<string>(2);
        if (f.Evidence > EvidenceLevel.SelfDeclared) parts.Add(EvidenceLevels.Describe(f.Evidence));
        if (f.DocumentAttached) parts.Add(Say.Text("document attached"));
        return parts.Count == 0 ? EvidenceLevels.Describe(EvidenceLevel.SelfDeclared) : Say.List(parts);
    }

    /// <summary>The index token for a topic at an evidence level ("energy", "energy@2").</summary>
    public static string Token(DisclosureTopic topic, EvidenceLevel minimum) =>
        minimum > EvidenceLevel.SelfDeclared ? $"{Key(topic)}@{(int)minimum}" : Key(topic);

    /// <summary>The index number holding the figure of the disclosure that counts at <paramref name="minimum"/>.</summary>
    public static string MeasureField(DisclosureTopic topic, EvidenceLevel minimum) =>
        $"disclosure{topic}{((int)minimum).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Every token a supplier's disclosures satisfy (the age is left to the scorer, which checks it again).</summary>
    public static IEnumerable<string> Tokens(IReadOnlyList<DisclosedFact> facts) =>
        facts.SelectMany(f => Enumerable.Range(0, (int)f.Evidence + 1).Select(l => Token(f.Topic, (EvidenceLevel)l))).Distinct();

    /// <summary>For each topic and level, the figure of the disclosure that counts there (<see cref="Current"/>), when it has one.</summary>
    public static IEnumerable<(string Field, double Value)> Measures(IReadOnlyList<DisclosedFact> facts)
    {
        foreach (var topic in facts.Select(f => f.Topic).Distinct())
            foreach (var level in Enum.GetValues<EvidenceLevel>())
                if (Current(facts, topic, level)?.Measure is { } measure) yield return (MeasureField(topic, level), (double)measure);
    }

    private static string Key(DisclosureTopic topic) => topic.ToString().ToLowerInvariant();

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
