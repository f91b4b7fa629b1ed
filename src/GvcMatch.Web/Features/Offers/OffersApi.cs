using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Offers;

/// <summary>
/// Offers over REST, with the same rules as the hub: a non-participant gets 404 for anything it
/// names, bad terms a 400 naming the fields, a transition the offer's state forbids a 409 saying why.
/// </summary>
public static class OffersApi
{
    public static IEndpointRouteBuilder MapOffersApi(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/api/conversations/{id:long}/offers").WithTags("Offers").RequireAuthorization();
        conversations.MapGet("/", ListAsync).WithSummary("Every offer in a conversation, oldest first");
        conversations.MapPost("/", ProposeAsync).WithSummary("Propose terms to the other party");

        var offers = app.MapGroup("/api/offers/{offerId:long}").WithTags("Offers").RequireAuthorization();
        offers.MapGet("/", GetAsync).WithSummary("One offer");
        offers.MapGet("/agreement", AgreementAsync).WithSummary("The agreement summary of an accepted offer");
        app.MapHeadsOfTermsApi();
        app.MapOfferPaymentsApi();
        offers.MapPost("/counter", CounterAsync).WithSummary("Answer an open offer with new terms (the other party)");
        offers.MapPost("/accept", (long offerId, ClaimsPrincipal u, AppDbContext db, OfferService s, CancellationToken ct) =>
            DecideAsync(u, db, ct, a => s.AcceptAsync(a, offerId, ct))).WithSummary("Accept an open offer (the other party)");
        offers.MapPost("/reject", (long offerId, ClaimsPrincipal u, AppDbContext db, OfferService s, CancellationToken ct) =>
            DecideAsync(u, db, ct, a => s.RejectAsync(a, offerId, ct))).WithSummary("Reject an open offer (the other party)");
        offers.MapPost("/withdraw", (long offerId, ClaimsPrincipal u, AppDbContext db, OfferService s, CancellationToken ct) =>
            DecideAsync(u, db, ct, a => s.WithdrawAsync(a, offerId, ct))).WithSummary("Withdraw your own open offer");
        return app;
    }

    private static async Task<Results<Ok<List<OfferDto>>, ProblemHttpResult>> ListAsync(
        long id, ClaimsPrincipal user, AppDbContext db, ConversationStore store, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (!await store.IsPartyAsync(id, actor?.OrganizationId, ct)) return Problems.NotFound("The conversation");
        var offers = await db.Set<Offer>().AsNoTracking().Where(o => o.ConversationId == id).OrderBy(o => o.Id).ToListAsync(ct);
        return TypedResults.Ok(offers.Select(OfferDto.From).ToList());
    }

    private static async Task<Results<Ok<OfferDto>, ProblemHttpResult>> GetAsync(long offerId, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor?.OrganizationId is not { } org) return Problems.NotFound("The offer");
        var offer = await db.Set<Offer>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId
            && db.Set<ConversationParty>().Any(p => p.ConversationId == o.ConversationId && p.OrganizationId == org), ct);
        return offer is null ? Problems.NotFound("The offer") : TypedResults.Ok(OfferDto.From(offer));
    }

    private static async Task<Results<Ok<AgreementDto>, ProblemHttpResult>> AgreementAsync(long offerId, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var (agreement, missing) = await AgreementQuery.LoadAsync(db, await user.GetActorAsync(db, ct), offerId, ct);
        return agreement is null
            ? TypedResults.Problem(missing, statusCode: StatusCodes.Status404NotFound, title: "Not found")
            : TypedResults.Ok(agreement);
    }

    private static async Task<Results<Created<OfferDto>, ValidationProblem, ProblemHttpResult>> ProposeAsync(
        long id, OfferTerms terms, ClaimsPrincipal user, AppDbContext db, OfferService offers, CancellationToken ct)
    {
        // The path names the conversation; a different one in the body is a mistake, not a choice.
        if (terms.ConversationId != 0 && terms.ConversationId != id)
            return Problems.Invalid("conversationId", "Must be the conversation in the path or left out.");
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.NotFound("The conversation");
        return Created(await offers.ProposeAsync(actor, id, terms, ct));
    }

    private static async Task<Results<Created<OfferDto>, ValidationProblem, ProblemHttpResult>> CounterAsync(
        long offerId, OfferTerms terms, ClaimsPrincipal user, AppDbContext db, OfferService offers, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.NotFound("The offer");
        return Created(await offers.CounterAsync(actor, offerId, terms, ct));
    }

    private static async Task<Results<Ok<OfferDto>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        ClaimsPrincipal user, AppDbContext db, CancellationToken ct, Func<Actor, Task<Outcome<OfferDto>>> decide)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.NotFound("The offer");
        var outcome = await decide(actor);
        if (outcome.Refusal is not { } refusal) return TypedResults.Ok(outcome.Value!);
        return refusal.IsInvalid ? refusal.ToValidationProblem() : refusal.ToProblem();
    }

    private static Results<Created<OfferDto>, ValidationProblem, ProblemHttpResult> Created(Outcome<OfferDto> outcome)
    {
        if (outcome.Refusal is not { } refusal) return TypedResults.Created($"/api/offers/{outcome.Value!.Id}", outcome.Value);
        return refusal.IsInvalid ? refusal.ToValidationProblem() : refusal.ToProblem();
    }
}
