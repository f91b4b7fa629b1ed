using GvcMatch.Matching;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Localization;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Features.SupportProgrammes;
using GvcMatch.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace GvcMatch.Web.Features.GapPlans;

/// <summary>
/// Builds an SME's gap plan from its current profile on every request: nothing is stored, so the
/// plan follows the profile the moment it changes.
/// </summary>
public sealed class GapPlanService(AppDbContext db, TimeProvider clock, MatchContexts contexts, IStringLocalizer<SharedResource> l)
{
    /// <summary>The plan against a requirement, or null when the SME has no profile yet.</summary>
    public Task<GapPlanDto?> ForRequirementAsync(int organizationId, Requirement requirement, CancellationToken ct) =>
        PlanAsync(organizationId, "requirement", requirement.Id, requirement.Title, requirement.Version, requirement.Criteria,
            contexts.For(requirement), ct);

    /// <summary>The plan against any published set of criteria (a requirement, a consolidation notice).</summary>
    public async Task<GapPlanDto?> PlanAsync(int organizationId, string subject, int subjectId, string title, int version,
        IReadOnlyList<Criterion> criteria, GvcMatch.Matching.Understanding.MatchContext context, CancellationToken ct)
    {
        var facts = await SupplierDocuments.LoadOwnFactsAsync(db, organizationId, ct);
        return facts is null ? null : await PlanAsync(subject, subjectId, title, version, criteria, context, facts, ct);
    }

    public async Task<GapPlanDto> PlanAsync(string subject, int subjectId, string title, int version,
        IReadOnlyList<Criterion> criteria, GvcMatch.Matching.Understanding.MatchContext context, SupplierFacts facts, CancellationToken ct)
    {
        var analysis = GapAnalysis.Analyse(criteria, Scorer.For(criteria, context), facts, clock.Today());
        var now = analysis.Now;
        var programmes = await ProgrammeDirectory.RelevantAsync(db, facts.Country, facts.SizeBand, analysis.Gaps.Select(g => g.Now.Kind), ct);
        var development = await DevelopmentProgrammes.GapProgrammes.ForAsync(db, context.Vocabulary, clock.Today(), ct);
        var groups = await Consortia.GapGroupCertifications.ForAsync(db, facts.OrganizationId, facts.Country, clock.Today(), ct);
        var gaps = analysis.Gaps.Select(g => new GapDto(
            g.Now.Index, g.Now.Kind, g.Now.Mandatory, g.Now.Weight, g.Now.Summary, g.Now.Evidence, g.Now.Score, g.Now.Points,
            g.Closable, g.Change, GapWords.Action(g.Change, l), g.ScoreIfClosed, g.TotalIfClosed,
            g.TotalIfClosed is { } after ? Math.Round(after - now.Total, 2) : null, g.QualifiedIfClosed,
            programmes(g.Now.Kind).Select(p => new GapProgrammeDto(p.Id, p.Name, p.Provider, p.Country, p.Kind, p.Url)).ToList())
            { DevelopmentProgrammes = development(criteria[g.Now.Index]), GroupCertifications = groups(criteria[g.Now.Index]) }).ToList();
        return new GapPlanDto(facts.OrganizationId, subject, subjectId, title, version, clock.GetUtcNow(),
            now.Total, now.Qualified, analysis.TotalIfAllClosed, analysis.QualifiedIfAllClosed, gaps);
    }
}
