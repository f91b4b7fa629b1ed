using System.Security.Claims;
using GvcMatch.Matching;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Matching;

public static class MatchingApi
{
    public const int MaxTop = 100;

    public static IEndpointRouteBuilder MapMatchingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Matching").RequireAuthorization();
        group.MapGet("/requirements/{id:int}/matches", MatchesAsync)
            .WithSummary("Ranked, explained suppliers for your requirement (buyers)");
        group.MapGet("/requirements/{id:int}/my-score", MyScoreAsync)
            .WithSummary("Your SME's score on a requirement, criterion by criterion, and what is missing");
        group.MapGet("/organizations/{id:int}/recommended-requirements", RecommendedAsync)
            .WithSummary("Open requirements ranked for your SME, with the same explanations");
        return app;
    }

    private static async Task<Results<Ok<MatchListDto>, ValidationProblem, ProblemHttpResult>> MatchesAsync(
        int id, ClaimsPrincipal user, AppDbContext db, MatchingService matching, CancellationToken ct, int top = 20, bool diversify = false)
    {
        if (top is < 1 or > MaxTop) return Problems.Invalid("top", $"top is 1 to {MaxTop}.");
        var actor = await user.GetActorAsync(db, ct);
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (actor is null || requirement is null) return Problems.NotFound("The requirement");
        if (!actor.IsMemberOf(requirement.OrganizationId))
        {
            return requirement.IsVisibleToEveryone
                ? Problems.Forbidden("Only the buyer sees the ranked suppliers; use my-score to see your own.")
                : Problems.NotFound("The requirement");
        }
        return TypedResults.Ok(await matching.MatchSuppliersAsync(requirement, top, diversify, ct));
    }

    private static async Task<Results<Ok<RequirementMatchDto>, ProblemHttpResult>> MyScoreAsync(
        int id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, MatchContexts contexts, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var requirement = await db.Requirements.AsNoTracking().Include(r => r.Organization).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (actor is null || requirement is null || !(requirement.IsVisibleToEveryone || actor.IsMemberOf(requirement.OrganizationId)))
            return Problems.NotFound("The requirement");
        if (!actor.IsSme || actor.OrganizationId is not { } orgId) return Problems.Forbidden("Only SMEs have a score on a requirement.");

        var facts = await SupplierDocuments.LoadOwnFactsAsync(db, orgId, ct);
        if (facts is null) return Problems.NotFound("Your capability profile");
        var result = Scorer.Score(requirement.Criteria, facts, clock.Today(), contexts.For(requirement));
        return TypedResults.Ok(new RequirementMatchDto(requirement.Id, requirement.Title, requirement.Organization.Name, requirement.ResponseDeadline,
            result.Total, result.Qualified, result.Headline(), result.Criteria.Select(CriterionScoreDto.From).ToList()));
    }

    private static async Task<Results<Ok<List<RequirementMatchDto>>, ValidationProblem, ProblemHttpResult>> RecommendedAsync(
        int id, ClaimsPrincipal user, AppDbContext db, MatchingService matching, CancellationToken ct, int top = 20)
    {
        if (top is < 1 or > MaxTop) return Problems.Invalid("top", $"top is 1 to {MaxTop}.");
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null || !actor.IsMemberOf(id)) return Problems.Forbidden("Recommendations are for the SME's own members.");
        if (!actor.IsSme) return Problems.Forbidden("Only SMEs get recommended requirements.");
        var facts = await SupplierDocuments.LoadOwnFactsAsync(db, id, ct);
        if (facts is null) return Problems.NotFound("Your capability profile");

        var ranked = await matching.RecommendRequirementsAsync(facts, top, ct);
        var ids = ranked.Select(r => r.RequirementId).ToList();
        var details = await db.Requirements.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, OrganizationName = r.Organization.Name, r.ResponseDeadline }).ToDictionaryAsync(r => r.Id, ct);
        return TypedResults.Ok(ranked.Where(r => details.ContainsKey(r.RequirementId)).Select(r => new RequirementMatchDto(
            r.RequirementId, r.Title, details[r.RequirementId].OrganizationName, details[r.RequirementId].ResponseDeadline,
            r.Result.Total, r.Result.Qualified, r.Result.Headline(), r.Result.Criteria.Select(CriterionScoreDto.From).ToList())).ToList());
    }
}
