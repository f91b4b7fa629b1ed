namespace GvcMatch.Matching;

/// <summary>How one published criterion scored for one supplier, with the evidence behind it.</summary>
/// <param name="Index">Position of the criterion in the requirement's published list.</param>
/// <param name="Score">Sub-score in [0, 1].</param>
/// <param name="Met">Whether the criterion is satisfied (for mandatory ones: whether the supplier qualifies).</param>
/// <param name="Points">Weight × score: what this criterion adds to the total out of 100.</param>
public sealed record CriterionScore(int Index, CriterionKind Kind, bool Mandatory, int Weight, double Score, bool Met, double Points, string Summary, string Evidence);

/// <summary>A supplier's score for a requirement: the total out of 100 and one line per criterion.</summary>
public sealed record MatchResult(int OrganizationId, double Total, bool Qualified, IReadOnlyList<CriterionScore> Criteria)
{
    public IEnumerable<CriterionScore> FailedMandatory => Criteria.Where(c => c.Mandatory && !c.Met);
    public IEnumerable<CriterionScore> Unmet => Criteria.Where(c => !c.Met);

    /// <summary>
    /// Whether the supplier offers at least part of what the requirement asks: with capability
    /// criteria, one of them scores <see cref="Scorer.RelevanceFloor"/> or more. A match list of
    /// suppliers that meet the certificates but do none of the work would only bury the ones that do.
    /// </summary>
    public bool Relevant => !Criteria.Any(c => c.Kind == CriterionKind.CapabilityFit)
        || Criteria.Any(c => c.Kind == CriterionKind.CapabilityFit && c.Score >= Scorer.RelevanceFloor);

    /// <summary>"You meet 4 of 5 criteria; missing: Holds a valid ISO 13485 certificate".</summary>
    public string Headline()
    {
        var met = Criteria.Count(c => c.Met);
        var missing = Unmet.Select(c => c.Summary).ToList();
        return missing.Count == 0
            ? Say.Format("Meets all {0} criteria", Criteria.Count)
            : Say.Format("Meets {0} of {1} criteria; missing: {2}", met, Criteria.Count, Say.Clauses(missing));
    }
}
