using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Awards;

/// <summary>
/// Evaluation, award, cancellation, debrief, complaints and outcome statistics. Every call checks
/// the caller's organisation against the object: the buyer's members evaluate and award, the
/// bidding party reads its own debrief, admins and intermediaries read the statistics.
/// </summary>
public static class AwardsApi
{
    public static IEndpointRouteBuilder MapAwardsApi(this IEndpointRouteBuilder app)
    {
        var requirements = app.MapGroup("/api/requirements/{id:int}").WithTags("Awards").RequireAuthorization();
        requirements.MapGet("/evaluation", (int id, ClaimsPrincipal u, AppDbContext db, EvaluationService s, CancellationToken ct) =>
            Run(u, db, ct, a => s.GetAsync(a, id, ct))).WithSummary("Every submitted bid with its scores, total, rank and disqualification (the buyer, after the deadline)");
        requirements.MapPost("/award", (int id, AwardInput body, ClaimsPrincipal u, AppDbContext db, AwardService s, CancellationToken ct) =>
            Run(u, db, ct, a => s.AwardAsync(a, id, body, ct))).WithSummary("Award the requirement (lotNumber 0) or one lot to one scored, qualified bid");
        requirements.MapPost("/cancel", (int id, CancelInput body, ClaimsPrincipal u, AppDbContext db, AwardService s, CancellationToken ct) =>
            Run(u, db, ct, async a => Map(await s.CancelAsync(a, id, body, ct), RequirementDto.From))).WithSummary("Cancel with a reason every bidder sees");
        requirements.MapGet("/awards", AwardsAsync).WithSummary("The published award: winner, total and date per lot");
        requirements.MapGet("/complaints", (int id, ClaimsPrincipal u, AppDbContext db, ComplaintService s, CancellationToken ct) =>
            Run(u, db, ct, a => s.ForRequirementAsync(a, id, ct))).WithSummary("Every complaint about the evaluation (the buyer)");

        var bids = app.MapGroup("/api/bids/{bidId:int}").WithTags("Awards").RequireAuthorization();
        bids.MapGet("/scores/{criterionIndex:int}", ReadScoreAsync)
            .WithSummary("One criterion's score of a bid (the buyer); its ETag, once scored, is the version to send in If-Match");
        bids.MapPut("/scores/{criterionIndex:int}", ScoreAsync)
            .WithSummary("Score one criterion of a bid, with a reason (the buyer; If-Match: the score's ETag, optional)");
        bids.MapGet("/debrief", (int bidId, ClaimsPrincipal u, AppDbContext db, EvaluationService s, CancellationToken ct) =>
            Run(u, db, ct, a => s.DebriefAsync(a, bidId, ct))).WithSummary("The bidding party's own scores, total, rank and the winning total");
        bids.MapGet("/complaints", (int bidId, ClaimsPrincipal u, AppDbContext db, ComplaintService s, CancellationToken ct) =>
            Run(u, db, ct, a => s.ForBidAsync(a, bidId, ct))).WithSummary("The complaints about this bid's evaluation, with their threads");
        bids.MapPost("/complaints", LodgeAsync).WithSummary("Lodge a complaint about this bid's evaluation within the complaint period");

        app.MapPost("/api/complaints/{complaintId:int}/posts", (int complaintId, ComplaintPostInput body, ClaimsPrincipal u, AppDbContext db, ComplaintService s, CancellationToken ct) =>
            Run(u, db, ct, a => s.PostAsync(a, complaintId, body, ct))).WithTags("Awards").RequireAuthorization()
            .WithSummary("Add a post to a complaint thread (the bidder or the buyer; the buyer may close it)");

        app.MapGet("/api/statistics/outcomes", StatisticsAsync).WithTags("Awards").RequireAuthorization()
            .RequireActor(a => a.IsPlatformAdmin || a.OrganizationKind == OrganizationKind.Intermediary ? null : "Only admins and intermediaries read the outcome statistics.")
            .WithSummary("Per buyer: requirements decided, share awarded to SMEs by count and by contract value (unit price × quantity, per currency and converted at dated rates), median days to decision");
        app.MapAwardPaymentsApi();
        return app;
    }

    private static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> Run<T>(
        ClaimsPrincipal user, AppDbContext db, CancellationToken ct, Func<Actor, Task<Outcome<T>>> work) where T : class
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        return ToResult(await work(actor));
    }

    private static Results<Ok<T>, ValidationProblem, ProblemHttpResult> ToResult<T>(Outcome<T> outcome) where T : class
    {
        if (outcome.Refusal is { } refusal)
            return refusal.IsInvalid ? Problems.Invalid(refusal.Field ?? "", refusal.Detail) : refusal.ToProblem();
        return TypedResults.Ok(outcome.Value!);
    }

    private static async Task<Results<Ok<ScoreDto>, ValidationProblem, ProblemHttpResult>> ReadScoreAsync(
        int bidId, int criterionIndex, HttpResponse response, ClaimsPrincipal user, AppDbContext db, EvaluationService evaluation, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var read = await evaluation.ReadScoreAsync(actor, bidId, criterionIndex, ct);
        if (read.Value?.Stamp is { } stamp) response.Tag(stamp);
        return ToResult(Map(read, r => r.Score));
    }

    /// <summary>Answers the bid's evaluation, as before, with the written score's new ETag.</summary>
    private static async Task<Results<Ok<BidEvaluationDto>, ValidationProblem, ProblemHttpResult>> ScoreAsync(
        int bidId, int criterionIndex, ScoreInput body, HttpRequest request, ClaimsPrincipal user, AppDbContext db, EvaluationService evaluation, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var scored = await evaluation.ScoreAsync(actor, bidId, criterionIndex, body, IfMatch.From(request), ct);
        if (scored.Value is { } done) request.HttpContext.Response.Tag(done.Stamp);
        return ToResult(Map(scored, s => s.Bid));
    }

    private static Outcome<TOut> Map<TIn, TOut>(Outcome<TIn> outcome, Func<TIn, TOut> map) where TIn : class where TOut : class =>
        outcome.Refusal is { } r ? r : map(outcome.Value!);

    private static async Task<Results<Created<ComplaintDto>, ValidationProblem, ProblemHttpResult>> LodgeAsync(
        int bidId, ComplaintInput body, ClaimsPrincipal user, AppDbContext db, ComplaintService complaints, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var outcome = await complaints.LodgeAsync(actor, bidId, body, ct);
        if (outcome.Refusal is { } refusal)
            return refusal.IsInvalid ? Problems.Invalid(refusal.Field ?? "", refusal.Detail) : refusal.ToProblem();
        return TypedResults.Created($"/api/bids/{bidId}/complaints", outcome.Value!);
    }

    private static async Task<Results<Ok<IReadOnlyList<AwardDto>>, ProblemHttpResult>> AwardsAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var r = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || (!r.IsVisibleToEveryone && !Access.IsMember(await user.GetActorAsync(db, ct), r.OrganizationId)))
            return Problems.NotFound("The requirement");
        return TypedResults.Ok(await AwardSummary.ForRequirementAsync(db, r, ct));
    }

    private static async Task<Results<Ok<OutcomeStatisticsDto>, ValidationProblem>> StatisticsAsync(
        int? buyer, AppDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ExchangeRatesOptions> rates, CancellationToken ct)
    {
        if (buyer is <= 0) return Problems.Invalid("buyer", "A buyer organisation id is a positive number.");
        return TypedResults.Ok(await OutcomeStatistics.ComputeAsync(db, buyer, clock.GetUtcNow(), rates.Value, ct));
    }
}
