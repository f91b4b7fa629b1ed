using GvcMatch.Matching.Composition;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>Proposed consortia for one requirement version, with the search space that was looked at.</summary>
/// <param name="IncludedOrganizationId">The caller's SME when it asked for partners that complete its own bid.</param>
public sealed record ConsortiaDto(
    int RequirementId, int Version, DateTimeOffset EvaluatedAt, int? IncludedOrganizationId,
    IReadOnlyList<string> MandatoryCriteriaChecked, IReadOnlyList<CandidateGroupDto> CandidateGroups, CompositionSearch Search,
    IReadOnlyList<ConsortiumProposal> Proposals, IReadOnlyList<SoleSupplier> NoConsortiumNeeded, int NoConsortiumNeededCount,
    string? Note, double ElapsedMs);
