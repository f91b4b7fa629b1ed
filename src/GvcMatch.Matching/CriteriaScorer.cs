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
    }

    public MatchResult Score(SupplierFacts s, DateOnly today)
    {
        var haystack = new Lazy<TextMatch.Haystack>(() => new TextMatch.Haystack(
            s.Capabilities.Concat(s.Materials).Concat(s.Equipment).Append(s.Summary)));
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
