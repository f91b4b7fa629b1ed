namespace GvcMatch.Matching;

/// <summary>One accepted consortium member as the coverage rule sees it: its own facts and the criteria its work covers.</summary>
/// <param name="Criteria">0-based indexes into the requirement's criteria that this member's work covers.</param>
public sealed record CoverageMember(SupplierFacts Facts, IReadOnlyList<int> Criteria);

/// <summary>
/// A certificate a cluster holds on behalf of its member SMEs: each organisation in
/// <see cref="MemberOrganizationIds"/> may rely on it as if it held the certificate itself.
/// </summary>
public sealed record GroupCertificateFact(
    string Standard, DateOnly? ValidUntil, string ClusterName, IReadOnlyList<int> MemberOrganizationIds, bool Verified = false);

/// <summary>How one published criterion is met by a consortium, and which members provide it.</summary>
/// <param name="Score">Sub-score in [0, 1].</param>
/// <param name="Points">Weight × score (0 for a mandatory criterion).</param>
/// <param name="CoveredBy">Organisation ids of the accepted members whose declared work covers the criterion.</param>
/// <param name="Evidence">Who provides it, in words: "ISO 13485 held by Kawaguchi Precision, who does C2".</param>
public sealed record CriterionCoverage(
    int Index, CriterionKind Kind, bool Mandatory, int Weight, double Score, bool Met, double Points,
    string Summary, string Evidence, IReadOnlyList<int> CoveredBy)
{
    /// <summary>How people name the criterion: C1, C2, ...</summary>
    public string Label => ConsortiumCoverage.Label(Index);
}

/// <summary>The consortium's coverage of a requirement, one line per published criterion.</summary>
/// <param name="MandatoryMet">Every mandatory criterion is met.</param>
/// <param name="Total">The weighted total out of 100 (100 or 0 when nothing is weighted), as for a single supplier.</param>
public sealed record ConsortiumCoverageResult(IReadOnlyList<CriterionCoverage> Criteria, bool MandatoryMet, double Total)
{
    public IEnumerable<CriterionCoverage> FailedMandatory => Criteria.Where(c => c.Mandatory && !c.Met);
    public IEnumerable<CriterionCoverage> Uncovered => Criteria.Where(c => c.CoveredBy.Count == 0);
}
