using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Authorization;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Roadmaps;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.IpListings;

/// <summary>Two-way IP matching over REST: what a listing could serve, and what could meet a requirement.</summary>
public static class IpMatchingApi
{
    public static IEndpointRouteBuilder MapIpMatchingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("IP listings").RequireAuthorization();
        group.MapGet("/ip-listings/{id:int}/requirement-matches", RequirementsAsync)
            .WithSummary("Open requirements (and their buyers) an IP listing could serve, explained criterion by criterion");
        group.MapGet("/requirements/{id:int}/ip-matches", ListingsAsync)
            .WithSummary("Published IP listings that could meet a requirement, explained criterion by criterion");
        group.MapGet("/ip-listings/{id:int}/roadmap-matches", RoadmapItemsAsync)
            .WithSummary("Published road-map items the listing's owner may see that the listing could serve, explained criterion by criterion (the owner's members only)");
        group.MapGet("/roadmap-items/{id:int}/ip-matches", ListingsForItemAsync)
            .WithSummary("Published IP listings that could serve a road-map item, explained criterion by criterion (the buyer's members only)");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<IpMatchDto>>, ValidationProblem, ProblemHttpResult>> RequirementsAsync(
        int id, ClaimsPrincipal user, AppDbContext db, ResourceAccess access, IpMatching matching, CancellationToken ct, int top = 20)
    {
        if (top is < 1 or > MatchingApi.MaxTop) return Problems.Invalid("top", $"top is 1 to {MatchingApi.MaxTop}.");
        var ip = await db.IpListings.AsNoTracking().Include(i => i.Organization).FirstOrDefaultAsync(i => i.Id == id, ct);
        // A draft is only its own SME's; to anyone else it does not exist.
        if (ip is null || (ip.Status != PublicationStatus.Published && !await access.AllowsAsync(await user.GetActorAsync(db, ct), ip, AccessOperations.Read)))
            return Problems.NotFound("The IP listing");
        return TypedResults.Ok(await matching.RequirementsForAsync(ip, top, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<IpMatchDto>>, ValidationProblem, ProblemHttpResult>> ListingsAsync(
        int id, ClaimsPrincipal user, AppDbContext db, ResourceAccess access, IpMatching matching, CancellationToken ct, int top = 20)
    {
        if (top is < 1 or > MatchingApi.MaxTop) return Problems.Invalid("top", $"top is 1 to {MatchingApi.MaxTop}.");
        var actor = await user.GetActorAsync(db, ct);
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (actor is null || requirement is null || !await access.AllowsAsync(actor, requirement, AccessOperations.Read))
            return Problems.NotFound("The requirement");
        return TypedResults.Ok(await matching.ListingsForAsync(requirement, top, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<IpMatchDto>>, ValidationProblem, ProblemHttpResult>> RoadmapItemsAsync(
        int id, ClaimsPrincipal user, AppDbContext db, IpMatching matching, CancellationToken ct, int top = 20)
    {
        if (top is < 1 or > MatchingApi.MaxTop) return Problems.Invalid("top", $"top is 1 to {MatchingApi.MaxTop}.");
        var actor = await user.GetActorAsync(db, ct);
        var ip = await db.IpListings.AsNoTracking().Include(i => i.Organization).FirstOrDefaultAsync(i => i.Id == id, ct);
        var member = ip is not null && Access.IsMember(actor, ip.OrganizationId);
        if (ip is null || (ip.Status != PublicationStatus.Published && !member)) return Problems.NotFound("The IP listing");
        // Which items are listed depends on the owner's supplier networks: that is the owner's to read, nobody else's.
        if (!member) return Problems.Forbidden("Only the listing's own organisation sees the road-map items it could serve.");
        return TypedResults.Ok(await matching.RoadmapItemsForAsync(ip, top, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<IpMatchDto>>, ValidationProblem, ProblemHttpResult>> ListingsForItemAsync(
        int id, ClaimsPrincipal user, AppDbContext db, IpMatching matching, CancellationToken ct, int top = 20)
    {
        if (top is < 1 or > MatchingApi.MaxTop) return Problems.Invalid("top", $"top is 1 to {MatchingApi.MaxTop}.");
        var own = await RoadmapAccess.FindOwnAsync(db, await user.GetActorAsync(db, ct), id, ct);
        if (own.Refusal is { } refused) return refused.ToProblem();
        return TypedResults.Ok(await matching.ListingsForAsync(own.Value!, top, ct));
    }
}
