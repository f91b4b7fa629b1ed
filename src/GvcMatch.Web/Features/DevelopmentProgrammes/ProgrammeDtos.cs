namespace GvcMatch.Web.Features.DevelopmentProgrammes;

/// <summary>A programme as anyone sees it: what it is, who runs it, and the milestones it sets for everyone.</summary>
public sealed record ProgrammeDto(int Id, int RunnerId, string RunnerName, string Title, string Aim, DateOnly StartsOn, DateOnly EndsOn,
    IReadOnlyList<string> IsicCodes, IReadOnlyList<string> HsCodes, bool Open, IReadOnlyList<MilestoneDto> MilestonesForAll);

public sealed record MilestoneDto(int Id, MilestoneKind Kind, string Title, string Target, DateOnly? Due, int? EnrolmentId);

/// <summary>One enrolled SME's progress: milestones met out of its total, each with its status.</summary>
public sealed record EnrolmentProgressDto(int EnrolmentId, int ProgrammeId, string ProgrammeTitle, int OrganizationId, string OrganizationName,
    EnrolmentStatus Status, DateOnly? CompletedOn, int Met, int Total, IReadOnlyList<MilestoneStatusDto> Milestones);

/// <summary>The runner's view: the programme and every enrolled SME's progress.</summary>
public sealed record ProgrammeProgressDto(ProgrammeDto Programme, IReadOnlyList<EnrolmentProgressDto> Enrolments);

/// <summary>A completed programme on an SME's public page: the programme, who ran it and when the SME completed it.</summary>
public sealed record CompletedProgrammeDto(int ProgrammeId, string Title, int RunnerId, string RunnerName, DateOnly CompletedOn);

public sealed record CandidateDto(int OrganizationId, string Name, string Country);

public sealed record EnrolInput(int? OrganizationId);

public sealed record AnswerInput(bool? Accept);

public sealed record MarkInput(string? Note);

public sealed record ConversationOpenedDto(long ConversationId, bool Created);
