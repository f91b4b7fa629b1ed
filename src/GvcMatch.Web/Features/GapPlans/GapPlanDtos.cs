using GvcMatch.Matching;

namespace GvcMatch.Web.Features.GapPlans;

/// <param name="Gain">Points the total gains with this one gap closed (0 for a mandatory criterion, which qualifies rather than scores).</param>
public sealed record GapDto(
    int Index, CriterionKind Kind, bool Mandatory, int Weight, string Summary, string Evidence, double Score, double Points,
    bool Closable, GapChange Change, string Action, double? ScoreIfClosed, double? TotalIfClosed, double? Gain, bool? QualifiedIfClosed,
    IReadOnlyList<GapProgrammeDto> Programmes)
{
    /// <summary>Open development programmes with a milestone that closes this gap (Features/DevelopmentProgrammes).</summary>
    public IReadOnlyList<Features.DevelopmentProgrammes.GapDevelopmentProgrammeDto> DevelopmentProgrammes { get; init; } = [];

    /// <summary>Open group certifications of an accepted standard the SME could join (Features/Consortia).</summary>
    public IReadOnlyList<Features.Consortia.GapGroupCertificationDto> GroupCertifications { get; init; } = [];
}

/// <summary>A support programme that helps close a gap, open to the SME's country (or international) and size.</summary>
public sealed record GapProgrammeDto(int Id, string Name, string Provider, string? Country, SupportProgrammes.ProgrammeKind Kind, string? Url);

/// <summary>The subjects a gap plan is drawn against, as its <c>subject</c> field names them.</summary>
public static class GapSubjects
{
    public const string Requirement = "requirement";
    public const string ConsolidationNotice = "consolidation-notice";
    public const string RoadmapItem = "roadmap-item";
}

/// <summary>An SME's gap plan for one subject (a requirement, a consolidation notice, a road-map item): its score now, each gap, and the score with every closable gap closed.</summary>
public sealed record GapPlanDto(
    int OrganizationId, string Subject, int SubjectId, string Title, int Version, DateTimeOffset ComputedAt,
    double Total, bool Qualified, double TotalIfAllClosed, bool QualifiedIfAllClosed, IReadOnlyList<GapDto> Gaps);
