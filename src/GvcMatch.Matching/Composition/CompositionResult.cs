namespace GvcMatch.Matching.Composition;

/// <summary>One member of a proposed consortium and what it brings.</summary>
/// <param name="Offers">The pieces of work (capability keywords) this member does in the set.</param>
/// <param name="Roles">The roles it takes (named roles whose pieces it does).</param>
/// <param name="DoesWork">Whether it does any of the sought work (then lead time and the work's rules apply to it).</param>
/// <param name="NotFor">Work it offers but may not do, and why ("not for software: no ISO/IEC 27001 certificate").</param>
/// <param name="Contribution">One line: what the set would miss without this member.</param>
public sealed record ProposalMember(
    int OrganizationId, string Name, string Country, string SizeBand, bool Verified,
    IReadOnlyList<string> Offers, IReadOnlyList<string> Roles, bool DoesWork, IReadOnlyList<string> NotFor, string Contribution);

/// <summary>How one published criterion is met by a set, whom it applied to, the members that meet it and the evidence.</summary>
public sealed record SetCriterionScore(
    int Index, CriterionKind Kind, bool Mandatory, int Weight, double Score, bool Met, double Points,
    string Summary, string Evidence, IReadOnlyList<int> CoveredBy, CriterionScope AppliesTo, string? Role);

/// <summary>A proposed set of SMEs that together meet every mandatory criterion.</summary>
/// <param name="Coverage">Share of the pieces of work (capability keywords, mandatory and weighted) the set does; the first sort key.</param>
/// <param name="Total">The set's weighted total out of 100 (100 when nothing is weighted); the second sort key.</param>
/// <param name="Complementarity">1 − the share of pieces done by more than one member.</param>
/// <param name="NotCovered">Pieces of work no member of the set does (weighted ones only: mandatory ones are always done).</param>
public sealed record ConsortiumProposal(
    int Rank, IReadOnlyList<ProposalMember> Members, double Coverage, double Total, double Complementarity,
    IReadOnlyList<string> NotCovered, IReadOnlyList<SetCriterionScore> Criteria);

/// <summary>A supplier that meets every mandatory criterion alone and does every piece of work: no consortium is needed for it.</summary>
public sealed record SoleSupplier(int OrganizationId, string Name, string Country, double Total);

/// <summary>The size of the search, so that every answer states what was looked at.</summary>
/// <param name="Candidates">Distinct suppliers handed to the composer.</param>
/// <param name="Usable">Candidates that can be a member (meet the every-member rules and contribute something).</param>
/// <param name="MandatoryKeywords">Pieces of work (capability keywords) some member must do.</param>
/// <param name="CoverageClasses">Distinct patterns of pieces of work done among the usable candidates.</param>
/// <param name="ClassCombinations">Combinations of patterns examined.</param>
/// <param name="SetsExamined">Concrete sets of suppliers checked against the mandatory criteria.</param>
/// <param name="ValidSets">Distinct sets found that meet every mandatory criterion with every member needed.</param>
/// <param name="Truncated">The examination budget ran out before the search finished.</param>
/// <param name="Pieces">All pieces of work, mandatory and weighted.</param>
public sealed record CompositionSearch(
    int Candidates, int Usable, int MandatoryKeywords, int CoverageClasses, long ClassCombinations,
    long SetsExamined, int ValidSets, bool Truncated, int Pieces = 0);

/// <summary>The composer's answer for one requirement.</summary>
/// <param name="NoConsortiumNeeded">The best candidates that meet everything alone (not proposed as sets).</param>
/// <param name="Note">Why nothing is proposed (no consortium needed, or none possible), when that is the case.</param>
public sealed record CompositionResult(
    IReadOnlyList<ConsortiumProposal> Proposals,
    IReadOnlyList<SoleSupplier> NoConsortiumNeeded,
    int NoConsortiumNeededCount,
    CompositionSearch Search,
    string? Note);
