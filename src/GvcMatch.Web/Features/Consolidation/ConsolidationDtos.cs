using GvcMatch.Matching;

namespace GvcMatch.Web.Features.Consolidation;

/// <summary>Where computing the affected suppliers stands (the buyer's view only).</summary>
public sealed record AffectedJobDto(AffectedJobStatus Status, int Processed, int Total);

/// <summary>A notice as anyone may read it once published: never the names of the suppliers it affects.</summary>
public sealed record NoticeDto(
    int Id, int BuyerId, string BuyerName, string Title, string Reason,
    IReadOnlyList<string> IsicCodes, IReadOnlyList<string> HsCodes, IReadOnlyList<string> Concepts, IReadOnlyList<string> Countries, IReadOnlyList<string> Regions,
    IReadOnlyList<Criterion> Criteria, IReadOnlyList<string> CriteriaSummaries, DateOnly DecisionDate, int? NoticeDays,
    NoticeStatus Status, int Version, DateTimeOffset? PublishedAt, AffectedJobDto? Job)
{
    public static NoticeDto From(ConsolidationNotice n, bool forBuyer) => new(
        n.Id, n.OrganizationId, n.Organization.Name, n.Title, n.Reason, n.IsicCodes, n.HsCodes, n.Concepts, n.Countries, n.Regions,
        n.Criteria, n.Criteria.Select(c => c.Summary()).ToList(), n.DecisionDate, n.NoticeDays, n.Status, n.Version, n.PublishedAt,
        forBuyer ? new AffectedJobDto(n.AffectedStatus, n.AffectedProcessed, n.AffectedTotal) : null);
}

/// <summary>One affected supplier as the buyer follows it: its score when told and now, and the outcome once recorded.</summary>
public sealed record SupplierProgressDto(
    int OrganizationId, string Name, string Country, double ScoreAtNotice, bool QualifiedAtNotice,
    double? ScoreNow, bool? QualifiedNow, int? CriteriaMet, int CriteriaCount,
    ConsolidationOutcome? Outcome, string? OutcomeReason, DateTimeOffset? DecidedAt);

public sealed record NoticeProgressDto(int NoticeId, AffectedJobDto Job, IReadOnlyList<SupplierProgressDto> Suppliers);

/// <summary>A notice as an affected SME sees it: its own score and, after the decision, its debrief.</summary>
public sealed record SupplierNoticeDto(
    NoticeDto Notice, double ScoreAtNotice, bool QualifiedAtNotice, double? ScoreNow, bool? QualifiedNow,
    ConsolidationOutcome? Outcome, string? OutcomeReason, double? ScoreAtDecision, DateTimeOffset? DecidedAt, string GapPlan);

/// <summary>An open requirement of another buyer that an affected SME matches, with the criteria explanation and where to find partners when it does not qualify alone.</summary>
public sealed record NoticeMatchDto(int RequirementId, string Title, double Total, bool Qualified, string Headline,
    IReadOnlyList<Matching.CriterionScoreDto> Criteria, string? Partners)
{
    public static NoticeMatchDto From(NoticeMatch m) => new(m.RequirementId, m.Title, m.Result.Total, m.Result.Qualified, m.Result.Headline(),
        m.Result.Criteria.Select(Matching.CriterionScoreDto.From).ToList(), m.Result.Qualified ? null : $"/Consortia/Partners/{m.RequirementId}");
}
