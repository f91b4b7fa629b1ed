using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.GapPlans;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Roadmaps;

/// <summary>The SME's side: following items and buyers, the items it fits, and expressions of interest (private between SME and buyer).</summary>
public static class RoadmapSupplierApi
{
    public static IEndpointRouteBuilder MapRoadmapSupplierApi(this IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/api/roadmap-items/{id:int}").WithTags("Road-maps").RequireAuthorization();
        items.MapPut("/follow", (int id, ClaimsPrincipal user, AppDbContext db, RoadmapInterest interest, CancellationToken ct) =>
            ReplyAsync(user, db, actor => interest.FollowItemAsync(actor, id, true, ct), ct)).WithSummary("Follow an item (SMEs)");
        items.MapDelete("/follow", (int id, ClaimsPrincipal user, AppDbContext db, RoadmapInterest interest, CancellationToken ct) =>
            ReplyAsync(user, db, actor => interest.FollowItemAsync(actor, id, false, ct), ct));
        items.MapPut("/interest", (int id, InterestInput input, ClaimsPrincipal user, AppDbContext db, RoadmapInterest interest, CancellationToken ct) =>
            ReplyAsync(user, db, actor => interest.ExpressAsync(actor, id, input, ct), ct))
            .WithSummary("Express interest (SMEs): a short note, the capabilities and capacity you would bring; seen only by you and the buyer");
        items.MapGet("/interest", (int id, ClaimsPrincipal user, AppDbContext db, RoadmapInterest interest, CancellationToken ct) =>
            ReplyAsync(user, db, actor => interest.MineAsync(actor, id, ct), ct)).WithSummary("Your own expression of interest");
        items.MapGet("/interests", (int id, ClaimsPrincipal user, AppDbContext db, RoadmapInterest interest, CancellationToken ct) =>
            ReplyAsync(user, db, actor => interest.ForBuyerAsync(actor, id, ct), ct)).WithSummary("The buyer's list of expressions of interest");

        var orgs = app.MapGroup("/api/organizations/{orgId:int}").WithTags("Road-maps").RequireAuthorization();
        orgs.MapPut("/roadmap-follow", (int orgId, ClaimsPrincipal user, AppDbContext db, RoadmapInterest interest, CancellationToken ct) =>
            ReplyAsync(user, db, actor => interest.FollowBuyerAsync(actor, orgId, true, ct), ct)).WithSummary("Follow a buyer's road-map: hear of its new items (SMEs)");
        orgs.MapDelete("/roadmap-follow", (int orgId, ClaimsPrincipal user, AppDbContext db, RoadmapInterest interest, CancellationToken ct) =>
            ReplyAsync(user, db, actor => interest.FollowBuyerAsync(actor, orgId, false, ct), ct));
        orgs.MapGet("/roadmap-fits", FitsAsync).WithSummary("Road-map items your SME fits, with the score and the per-criterion explanation (the SME only)");
        return app;
    }

    private static async Task<Results<Ok<List<RoadmapFitDto>>, ValidationProblem, ProblemHttpResult>> FitsAsync(
        int orgId, ClaimsPrincipal user, AppDbContext db, RoadmapMatching matching, CancellationToken ct, int top = 20)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (GapPlansApi.Refusal(actor, orgId) is { } refused) return refused;
        if (top is < 1 or > 100) return Problems.Invalid("top", "Give a number from 1 to 100.");
        var facts = await SupplierDocuments.LoadOwnFactsAsync(db, orgId, ct);
        if (facts is null) return Problems.NotFound("Your capability profile");
        return TypedResults.Ok((await matching.ItemsForAsync(actor!, facts, top, ct)).Select(f => RoadmapFitDto.From(f, orgId)).ToList());
    }

    private static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> ReplyAsync<T>(
        ClaimsPrincipal user, AppDbContext db, Func<Actor?, Task<Outcome<T>>> work, CancellationToken ct) =>
        (await work(await user.GetActorAsync(db, ct))).Reply(v => v);
}
