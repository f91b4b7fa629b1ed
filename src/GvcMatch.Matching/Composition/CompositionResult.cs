namespace GvcMatch.Matching.Composition;

/// <summary>One member of a proposed consortium and what it brings.</summary>
/// <param name="Offers">The mandatory capability keywords this member offers (it does that part of the work).</param>
/// <param name="DoesWork">Whether it does any of the sought work (then it must hold the mandatory certificates and meet the lead time).</param>
/// <param name="Contribution">One line: what the set would miss without this member.</param>
public sealed record ProposalMember(
    int OrganizationId, string Name, string Country, string SizeBand, bool Verified,
    IReadOnlyList<string> Offers, bool DoesWork, string Contribution);

/// <summary>How one published criterion is met by a set, with the members that meet it and the evidence.</summary>
public sealed record SetCriterionScore(
    int Index, CriterionKind Kind, bool Mandatory, int Weight, double Score, bool Met, double Points,
    string Summary, string Evidence, IReadOnlyList<int> CoveredBy);

/// <summary>A proposed set of SMEs that together meet every mandatory criterion.</summary>
/// <param name="Total">The set's weighted total out of 100 (100 when nothing is weighted).</param>
/// <param name="RankScore">Total minus the penalty for members beyond two; the first sort key.</param>
/// <param name="Complementarity">1 − the share of mandatory keywords offered by more than one member.</param>
public sealed record ConsortiumProposal(
    int Rank, IReadOnlyList<ProposalMember> Members, double Total, double RankScore, double Complementarity,
    IReadOnlyList<SetCriterionScore> Criteria);

/// <summary>A supplier that meets every mandatory criterion alone: no consortium is needed for it.</summary>
public sealed record SoleSupplier(int OrganizationId, string Name, string Country, double Total);

/// <summary>The size of the search, so that every answer states what was looked at.</summary>
/// <param name="Candidates">Distinct suppliers handed to the composer.</param>
/// <param name="Usable">Candidates that can be a member (meet the every-member rules and contribute something).</param>
/// <param name="MandatoryKeywords">Capability keywords that some member must offer.</param>
/// <param name="CoverageClasses">Distinct patterns of mandatory keywords offered among the usable candidates.</param>
/// <param name="ClassCombinations">Combinations of patterns that cover every keyword, examined.</param>
/// <param name="SetsExamined">Concrete sets of suppliers checked against the mandatory criteria.</param>
/// <param name="ValidSets">Distinct sets found that meet every mandatory criterion with every member needed.</param>
/// <param name="Truncated">The examination budget ran out before the search finished.</param>
public sealed record CompositionSearch(
    int Candidates, int Usable, int MandatoryKeywords, int CoverageClasses, long ClassCombinations,
    long SetsExamined, int ValidSets, bool Truncated);

/// <summary>The composer's answer for one requirement.</summary>
/// <param name="NoConsortiumNeeded">The best candidates that meet everything alone (not proposed as sets).</param>
/// <param name="Note">Why nothing could be proposed, when that is the case.</param>
public sealed record CompositionResult(
    IReadOnlyList<ConsortiumProposal> Proposals,
    IReadOnlyList<SoleSupplier> NoConsortiumNeeded,
    int NoConsortiumNeededCount,
    CompositionSearch Search,
    string? Note);
