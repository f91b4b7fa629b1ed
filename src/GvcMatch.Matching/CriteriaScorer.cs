namespace GvcMatch.Matching;

/// <summary>
/// A requirement's criteria prepared for <see cref="Scorer"/>: each criterion's summary and folded
/// keywords depend only on the criteria, so they are made once rather than for every candidate.
/// </summary>
public sealed class CriteriaScorer
{
    private readonly IReadOnlyList<Criterion> _criteria;
    private readonly string[] _summaries;
    private readonly TextMatch.Phrase[][] _keywords;

    internal CriteriaScorer(IReadOnlyList<Criterion> criteria)
    {
        _criteria = criteria;
        _summaries = criteria.Select(c => c.Summary()).ToArray();
        _keywords = criteria.Select(c => (c.Keywords ?? []).Select(k => new TextMatch.Phrase(k)).ToArray()).ToArray();
        _needsText = criteria.Select((c, i) => c.Kind == CriterionKind.CapabilityFit && _keywords[i].Length > 0).Any(x => x);
    }

    // Whether any criterion reads the supplier's text: only then is its haystack built.
    private readonly bool _needsText;

    public MatchResult Score(SupplierFacts s, DateOnly today)
    {
        var haystack = _needsText ? new TextMatch.Haystack(s.Capabilities.Concat(s.Materials).Concat(s.Equipment).Append(s.Summary)) : null;
        var scores = new List<CriterionScore>(_criteria.Count);
        var anyWeighted = false;
        for (var i = 0; i < _criteria.Count; i++)
        {
            var c = _criteria[i];
            var (score, met, evidence) = Scorer.Evaluate(c, _keywords[i], s, today, haystack);
            var weight = c.Mandatory ? 0 : c.Weight ?? 0;
            anyWeighted |= weight > 0;
            scores.Add(new CriterionScore(i, c.Kind, c.Mandatory, weight, score, met, Math.Round(weight * score, 2), _summaries[i], evidence));
        }
        var qualified = scores.All(x => !x.Mandatory || x.Met);
        var total = anyWeighted ? Math.Round(scores.Sum(x => x.Weight * x.Score), 2) : qualified ? 100 : 0;
        return new MatchResult(s.OrganizationId, total, qualified, scores);
    }
}
