using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.GapPlans;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consolidation;

/// <summary>The affected SME's side: the notices that concern it, its score, its gap plan and its debrief. Its own members only.</summary>
public static class ConsolidationSupplierApi
{
    public static IEndpointRouteBuilder MapConsolidationSupplierApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organizations/{orgId:int}").WithTags("Consolidation notices").RequireAuthorization();
        group.MapGet("/consolidation-notices", MineAsync)
            .WithSummary("The consolidation notices that affect your SME, your score on each and, once decided, your debrief");
        group.MapGet("/gap-plans/consolidation-notices/{noticeId:int}", GapPlanAsync)
            .WithSummary("Your SME's gap plan against a published notice's criteria (the SME only)");
        group.MapGet("/consolidation-notices/{noticeId:int}/matches", MatchesAsync)
            .WithSummary("Open requirements of other buyers your affected SME fits, ranked with the explanation (the SME only)");
        return app;
    }

    private static async Task<Results<Ok<List<NoticeMatchDto>>, ValidationProblem, ProblemHttpResult>> MatchesAsync(
        int orgId, int noticeId, ClaimsPrincipal user, AppDbContext db, Rematch rematch, CancellationToken ct, int top = 10)
    {
        if (GapPlansApi.Refusal(await user.GetActorAsync(db, ct), orgId) is { } refused) return refused;
        if (top is < 1 or > 50) return Problems.Invalid(new Dictionary<string, string[]> { ["top"] = ["Give a number from 1 to 50."] });
        var buyer = await (from a in db.AffectedSuppliers where a.NoticeId == noticeId && a.OrganizationId == orgId
                           join n in db.ConsolidationNotices on a.NoticeId equals n.Id select (int?)n.OrganizationId).FirstOrDefaultAsync(ct);
        if (buyer is null) return Problems.NotFound("The notice affecting your SME");
        var facts = await SupplierDocuments.LoadOwnFactsAsync(db, orgId, ct);
        if (facts is null) return Problems.NotFound("Your capability profile");
        return TypedResults.Ok((await rematch.ForAsync(facts, buyer.Value, top, ct)).Select(NoticeMatchDto.From).ToList());
    }

    private static async Task<Results<Ok<List<SupplierNoticeDto>>, ProblemHttpResult>> MineAsync(
        int orgId, ClaimsPrincipal user, AppDbContext db, ConsolidationService notices, CancellationToken ct)
    {
        if (GapPlansApi.Refusal(await user.GetActorAsync(db, ct), orgId) is { } refused) return refused;
        var affected = await db.AffectedSuppliers.AsNoTracking().Where(a => a.OrganizationId == orgId).ToListAsync(ct);
        var ids = affected.Select(a => a.NoticeId).ToList();
        var byId = await db.ConsolidationNotices.AsNoTracking().Include(n => n.Organization).Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        var list = new List<SupplierNoticeDto>(affected.Count);
        foreach (var a in affected.OrderBy(a => byId[a.NoticeId].DecisionDate))
        {
            var notice = byId[a.NoticeId];
            var now = (await notices.ScoresNowAsync(notice, [orgId], ct)).GetValueOrDefault(orgId);
            list.Add(new SupplierNoticeDto(NoticeDto.From(notice, forBuyer: false), a.ScoreAtNotice, a.QualifiedAtNotice, now?.Total, now?.Qualified,
                a.Outcome, a.OutcomeReason, a.ScoreAtDecision, a.DecidedAt, $"/api/organizations/{orgId}/gap-plans/consolidation-notices/{a.NoticeId}"));
        }
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<GapPlanDto>, ProblemHttpResult>> GapPlanAsync(
        int orgId, int noticeId, ClaimsPrincipal user, AppDbContext db, GapPlanService plans, MatchContexts contexts, CancellationToken ct)
    {
        if (GapPlansApi.Refusal(await user.GetActorAsync(db, ct), orgId) is { } refused) return refused;
        var notice = await db.ConsolidationNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId && n.Status == NoticeStatus.Published, ct);
        if (notice is null) return Problems.NotFound("The notice");
        var plan = await plans.PlanAsync(orgId, "consolidation-notice", notice.Id, notice.Title, notice.Version, notice.Criteria, contexts.For((string?)null), ct);
        return plan is null ? Problems.NotFound("Your capability profile") : TypedResults.Ok(plan);
    }
}
