using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Roadmaps;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.GapPlans;

public static class GapPlansApi
{
    public static IServiceCollection AddGapPlans(this IServiceCollection services) => services.AddScoped<GapPlanService>();

    public static IEndpointRouteBuilder MapGapPlansApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organizations/{orgId:int}/gap-plans").WithTags("Gap plans").RequireAuthorization();
        group.MapGet("/requirements/{requirementId:int}", ForRequirementAsync)
            .WithSummary("Your SME's gap plan for a requirement: each criterion missed and what closing it would add (the SME only)");
        group.MapGet("/roadmap-items/{itemId:int}", ForRoadmapItemAsync)
            .WithSummary("Your SME's gap plan for a road-map item you may see: what to build up before it becomes a requirement (the SME only)");
        return app;
    }

    private static async Task<Results<Ok<GapPlanDto>, ProblemHttpResult>> ForRequirementAsync(
        int orgId, int requirementId, ClaimsPrincipal user, AppDbContext db, GapPlanService plans, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (Refusal(actor, orgId) is { } refused) return refused;
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requirementId, ct);
        if (requirement is null || !requirement.IsVisibleToEveryone) return Problems.NotFound("The requirement");
        return await plans.ForRequirementAsync(orgId, requirement, ct) is { } plan ? TypedResults.Ok(plan) : Problems.NotFound("Your capability profile");
    }

    private static async Task<Results<Ok<GapPlanDto>, ProblemHttpResult>> ForRoadmapItemAsync(
        int orgId, int itemId, ClaimsPrincipal user, AppDbContext db, GapPlanService plans, MatchContexts contexts, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (Refusal(actor, orgId) is { } refused) return refused;
        var item = await RoadmapAccess.FindVisibleAsync(db, actor, itemId, ct);
        if (item is null || item.Status == RoadmapStatus.Draft) return Problems.NotFound("The road-map item");
        var plan = await plans.PlanAsync(orgId, GapSubjects.RoadmapItem, item.Id, item.Title, item.Version, item.Criteria, contexts.For(item.Description), ct);
        return plan is null ? Problems.NotFound("Your capability profile") : TypedResults.Ok(plan);
    }

    /// <summary>A gap plan shows what an SME lacks: only its own members read it, never the buyer or a competitor.</summary>
    public static ProblemHttpResult? Refusal(Actor? actor, int orgId) =>
        actor is null || !actor.IsMemberOf(orgId) ? Problems.Forbidden("Only the SME itself reads its gap plan.")
        : !actor.IsSme ? Problems.Forbidden("Gap plans are for SME suppliers.")
        : null;
}
