using GvcMatch.Matching;

namespace GvcMatch.Web.Features.Matching;

public sealed record CriterionScoreDto(int Index, CriterionKind Kind, bool Mandatory, int Weight, double Score, bool Met, double Points, string Summary, string Evidence)
{
    public static CriterionScoreDto From(CriterionScore c) => new(c.Index, c.Kind, c.Mandatory, c.Weight, c.Score, c.Met, c.Points, c.Summary, c.Evidence);
}

public sealed record SupplierMatchDto(
    int Rank, int OrganizationId, string Name, string Country, string SizeBand, bool Verified, double Total, bool Qualified,
    string Headline, IReadOnlyList<CriterionScoreDto> Criteria);

/// <summary>The ranked suppliers for one requirement version, with what was checked.</summary>
public sealed record MatchListDto(
    int RequirementId, int Version, DateTimeOffset EvaluatedAt, int CandidatesRetrieved, int CandidatesQualified,
    IReadOnlyList<string> MandatoryCriteriaChecked, bool Diversified, IReadOnlyList<SupplierMatchDto> Matches);

public sealed record RequirementMatchDto(
    int RequirementId, string Title, string OrganizationName, DateOnly? ResponseDeadline, double Total, bool Qualified,
    string Headline, IReadOnlyList<CriterionScoreDto> Criteria);
