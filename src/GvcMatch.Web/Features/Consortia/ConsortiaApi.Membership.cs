using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>The caller's membership after answering or leaving (it may no longer see the consortium itself).</summary>
public sealed record MembershipDto(int ConsortiumId, int OrganizationId, ConsortiumMemberStatus Status, ConsortiumStatus ConsortiumStatus);

public static partial class ConsortiaApi
{
    private static void MapMembership(RouteGroupBuilder group)
    {
        group.MapGet("/consortia", MineAsync).WithSummary("Your organisation's consortia and open invitations");
        group.MapPost("/consortia", CreateAsync).WithSummary("Form a consortium for a published requirement (your SME leads) and invite partners in the same step");
        group.MapGet("/consortia/{id:int}", GetAsync).WithSummary("One consortium (its members and invitees only)");
        group.MapGet("/consortia/{id:int}/coverage", CoverageAsync).WithSummary("How the accepted members together meet each criterion, and who provides it");
        group.MapPost("/consortia/{id:int}/invitations", InviteAsync).WithSummary("The lead invites an SME");
        group.MapPost("/consortia/{id:int}/accept", (int id, ClaimsPrincipal u, AppDbContext db, ConsortiumService s, CancellationToken ct) => AnswerAsync(id, true, u, db, s, ct))
            .WithSummary("Accept your organisation's invitation");
        group.MapPost("/consortia/{id:int}/decline", (int id, ClaimsPrincipal u, AppDbContext db, ConsortiumService s, CancellationToken ct) => AnswerAsync(id, false, u, db, s, ct))
            .WithSummary("Decline your organisation's invitation");
        group.MapPut("/consortia/{id:int}/members/{organizationId:int}", UpdateMemberAsync)
            .WithSummary("The lead sets a member's share, work, criteria and lots, or hands over the lead (If-Match: the consortium's ETag, optional)");
        group.MapPost("/consortia/{id:int}/leave", LeaveAsync).WithSummary("Your organisation leaves the consortium (not the lead)");
        group.MapPost("/consortia/{id:int}/dissolve", DissolveAsync).WithSummary("The lead dissolves the consortium");
        group.MapPost("/consortia/{id:int}/conversation", ConversationAsync)
            .WithSummary("Open the consortium's conversation with the buyer (any accepted member), or the existing one");
    }

    private static Results<TOk, ValidationProblem, ProblemHttpResult> Refused<TOk, T>(Outcome<T> outcome) where TOk : IResult =>
        outcome.Refusal!.IsInvalid ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();

    private static async Task<Results<Ok<List<ConsortiumSummaryDto>>, ProblemHttpResult>> MineAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        return TypedResults.Ok(await ConsortiumQueries.MineAsync(db, actor, ct));
    }

    private static async Task<Results<Created<ConsortiumDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateConsortiumRequest request, ClaimsPrincipal user, AppDbContext db, ConsortiumService service, HttpResponse response, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var outcome = await service.CreateAsync(actor, request, ct);
        if (!outcome.Ok) return Refused<Created<ConsortiumDto>, int>(outcome);
        return TypedResults.Created($"/api/consortia/{outcome.Value}", await TaggedAsync(db, actor, outcome.Value, response, ct));
    }

    private static async Task<Results<Ok<ConsortiumDto>, ProblemHttpResult>> GetAsync(
        int id, ClaimsPrincipal user, AppDbContext db, HttpResponse response, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var dto = actor is null ? null : await TaggedAsync(db, actor, id, response, ct);
        return dto is null ? Problems.NotFound("The consortium") : TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<ConsortiumCoverageDto>, ProblemHttpResult>> CoverageAsync(
        int id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, Matching.MatchContexts contexts, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null || !await ConsortiumQueries.CanSeeAsync(db, actor, id, ct)) return Problems.NotFound("The consortium");
        return TypedResults.Ok((await ConsortiumCoverageLoader.EvaluateAsync(db, id, clock.GetUtcNow(), contexts, ct))!);
    }

    private static async Task<Results<Ok<ConsortiumDto>, ValidationProblem, ProblemHttpResult>> InviteAsync(
        int id, InviteInput request, ClaimsPrincipal user, AppDbContext db, ConsortiumService service, HttpResponse response, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var outcome = await service.InviteAsync(actor, id, request, ct);
        if (!outcome.Ok) return Refused<Ok<ConsortiumDto>, int>(outcome);
        return TypedResults.Ok((await TaggedAsync(db, actor, id, response, ct))!);
    }

    private static async Task<Results<Ok<MembershipDto>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        int id, bool accept, ClaimsPrincipal user, AppDbContext db, ConsortiumService service, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var outcome = await service.AnswerAsync(actor, id, accept, ct);
        if (!outcome.Ok) return Refused<Ok<MembershipDto>, ConsortiumMemberStatus>(outcome);
        return TypedResults.Ok(await MembershipAsync(db, id, actor.OrganizationId!.Value, outcome.Value, ct));
    }

    private static async Task<Results<Ok<ConsortiumDto>, ValidationProblem, ProblemHttpResult>> UpdateMemberAsync(
        int id, int organizationId, MemberUpdateInput request, ClaimsPrincipal user, AppDbContext db, ConsortiumService service, HttpContext http,
        CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var outcome = await service.UpdateMemberAsync(actor, id, organizationId, request, IfMatch.From(http.Request), ct);
        if (!outcome.Ok) return Refused<Ok<ConsortiumDto>, int>(outcome);
        return TypedResults.Ok((await TaggedAsync(db, actor, id, http.Response, ct))!);
    }

    private static async Task<Results<Ok<MembershipDto>, ValidationProblem, ProblemHttpResult>> LeaveAsync(
        int id, ClaimsPrincipal user, AppDbContext db, ConsortiumService service, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var outcome = await service.LeaveAsync(actor, id, ct);
        if (!outcome.Ok) return Refused<Ok<MembershipDto>, ConsortiumMemberStatus>(outcome);
        return TypedResults.Ok(await MembershipAsync(db, id, actor.OrganizationId!.Value, outcome.Value, ct));
    }

    private static async Task<Results<Ok<ConsortiumDto>, ValidationProblem, ProblemHttpResult>> DissolveAsync(
        int id, ClaimsPrincipal user, AppDbContext db, ConsortiumService service, HttpResponse response, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var outcome = await service.DissolveAsync(actor, id, ct);
        if (!outcome.Ok) return Refused<Ok<ConsortiumDto>, ConsortiumStatus>(outcome);
        return TypedResults.Ok((await TaggedAsync(db, actor, id, response, ct))!);
    }

    private static async Task<Results<Created<ConsortiumConversationDto>, Ok<ConsortiumConversationDto>, ValidationProblem, ProblemHttpResult>> ConversationAsync(
        int id, ClaimsPrincipal user, AppDbContext db, ConsortiumConversations conversations, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var outcome = await conversations.StartAsync(actor, id, ct);
        if (!outcome.Ok)
            return outcome.Refusal!.IsInvalid ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        var dto = outcome.Value!;
        return dto.Created ? TypedResults.Created($"/api/conversations/{dto.ConversationId}", dto) : TypedResults.Ok(dto);
    }

    /// <summary>
    /// The consortium as the caller may see it (null when it may not), with its ETag on the answer. The
    /// stamp is read first: a change landing in between leaves an older tag, which If-Match then refuses,
    /// never a tag newer than the members the caller was shown.
    /// </summary>
    private static async Task<ConsortiumDto?> TaggedAsync(AppDbContext db, Actor actor, int id, HttpResponse response, CancellationToken ct)
    {
        var stamp = await db.Consortia.Where(c => c.Id == id).Select(c => (Guid?)c.ConcurrencyStamp).FirstOrDefaultAsync(ct);
        var dto = await ConsortiumQueries.GetAsync(db, actor, id, ct);
        if (dto is not null && stamp is { } s) response.Tag(s);
        return dto;
    }

    private static async Task<MembershipDto> MembershipAsync(AppDbContext db, int id, int organizationId, ConsortiumMemberStatus status, CancellationToken ct) =>
        new(id, organizationId, status, await db.Consortia.Where(c => c.Id == id).Select(c => c.Status).FirstAsync(ct));
}
