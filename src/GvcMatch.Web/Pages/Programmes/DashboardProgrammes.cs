using GvcMatch.Web.Features.DevelopmentProgrammes;

namespace GvcMatch.Web.Pages.Programmes;

/// <summary>What an SME's dashboard shows of development programmes: its own with their progress, and open ones in its sector.</summary>
public sealed record DashboardProgrammes(IReadOnlyList<EnrolmentProgressDto> Enrolments, IReadOnlyList<ProgrammeDto> Relevant);
