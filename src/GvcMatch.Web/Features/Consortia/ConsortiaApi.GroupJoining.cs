using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consortia;

public static partial class ConsortiaApi
{
    private static void MapGroupJoining(RouteGroupBuilder group)
    {
        group.MapPut("/group-certificates/{id:int}/openness", SetOpennessAsync)
            .WithSummary("Open your cluster's group certificate to new members (the country it covers, its scope, what joining takes), or close it");
        group.MapGet("/group-certificates/{id:int}/join-requests", JoinRequestsAsync).WithSummary("Requests to join your cluster's group certificate, pending first");
        group.MapPost("/group-certificates/{id:int}/join-requests/{requestId:int}/accept", (int id, int requestId, ClaimsPrincipal u, AppDbContext db, GroupCertificationMessages m, TimeProvider c, CancellationToken ct) =>
            DecideJoinAsync(id, requestId, accept: true, u, db, m, c, ct)).WithSummary("Accept a request: the SME is listed on the certificate, already accepted");
        group.MapPost("/group-certificates/{id:int}/join-requests/{requestId:int}/decline", (int id, int requestId, ClaimsPrincipal u, AppDbContext db, GroupCertificationMessages m, TimeProvider c, CancellationToken ct) =>
            DecideJoinAsync(id, requestId, accept: false, u, db, m, c, ct)).WithSummary("Decline a request to join");

        group.MapGet("/group-certificates/open", OpenGroupCertificationsAsync)
            .WithSummary("Open group certifications your SME could join (its country), optionally of one standard, with your request's status");
        group.MapPost("/group-certificates/{id:int}/join-requests", RequestToJoinAsync).WithSummary("Ask to join an open group certificate (the SME's owner)");
        group.MapGet("/group-certificates/join-requests", MyJoinRequestsAsync).WithSummary("Your SME's requests to join group certificates");
    }

    private static async Task<Results<Ok<GroupOpennessDto>, ValidationProblem, ProblemHttpResult>> SetOpennessAsync(
        int id, GroupOpennessInput input, ClaimsPrincipal user, AppDbContext db, ReferenceData.ReferenceData reference, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var outcome = await GroupCertificateJoining.SetOpennessAsync(db, reference, actor, id, input, ct);
        if (!outcome.Ok) return outcome.Refusal!.IsInvalid ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        var g = await db.GroupCertificates.AsNoTracking().FirstAsync(g => g.Id == id, ct);
        return TypedResults.Ok(new GroupOpennessDto(g.OpenToNewMembers, g.OpenCountry, g.OpenScope, g.JoiningTakes));
    }

    private static async Task<Results<Ok<List<JoinRequestDto>>, ProblemHttpResult>> JoinRequestsAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var outcome = await GroupCertificateJoining.RequestsAsync(db, actor, id, ct);
        return outcome.Ok ? TypedResults.Ok(outcome.Value!) : outcome.Refusal!.ToProblem();
    }

    private static async Task<Results<Ok<JoinRequestDto>, ProblemHttpResult>> DecideJoinAsync(
        int id, int requestId, bool accept, ClaimsPrincipal user, AppDbContext db, GroupCertificationMessages messages, TimeProvider clock, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var outcome = await GroupCertificateJoining.DecideAsync(db, actor, id, requestId, accept, clock.GetUtcNow(), ct);
        if (!outcome.Ok) return outcome.Refusal!.ToProblem();
        var dto = (await GroupCertificateJoining.MineAsync(db, outcome.Value!.OrganizationId, ct)).First(r => r.Id == requestId);
        await messages.DecidedAsync(dto.OrganizationId, dto.ClusterName, dto.Standard, accept, ct);
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<List<OpenGroupCertificationDto>>, ProblemHttpResult>> OpenGroupCertificationsAsync(
        ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct, string? standard = null)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        if (GroupCertificateListings.CannotSee(actor) is { } why) return Problems.Forbidden(why);
        var country = await db.Organizations.Where(o => o.Id == actor.OrganizationId).Select(o => o.Country).FirstAsync(ct);
        var code = string.IsNullOrWhiteSpace(standard) ? null
            : GvcMatch.Matching.Certifications.CertificationRegistry.Default.Resolve(standard.Trim())?.Standard.Code ?? standard.Trim();
        return TypedResults.Ok(await GroupCertificateJoining.OpenForAsync(db, actor.OrganizationId!.Value, country, code is null ? null : [code], clock.Today(), ct));
    }

    private static async Task<Results<Ok<JoinRequestDto>, ValidationProblem, ProblemHttpResult>> RequestToJoinAsync(
        int id, JoinRequestInput? input, ClaimsPrincipal user, AppDbContext db, GroupCertificationMessages messages, TimeProvider clock, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var now = clock.GetUtcNow();
        var outcome = await GroupCertificateJoining.RequestAsync(db, actor, id, input ?? new(), now, ct);
        if (!outcome.Ok) return outcome.Refusal!.IsInvalid ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        var dto = (await GroupCertificateJoining.MineAsync(db, actor.OrganizationId!.Value, ct)).First(r => r.Id == outcome.Value!.Id);
        var cluster = await db.GroupCertificates.Where(g => g.Id == id).Select(g => g.ClusterOrganizationId).FirstAsync(ct);
        // Asking again while a request is pending changes nothing and tells the cluster nothing new.
        if (outcome.Value!.CreatedAt == now) await messages.RequestedAsync(cluster, dto.OrganizationName, dto.Standard, ct);
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<List<JoinRequestDto>>, ProblemHttpResult>> MyJoinRequestsAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        if (GroupCertificateListings.CannotSee(actor) is { } why) return Problems.Forbidden(why);
        return TypedResults.Ok(await GroupCertificateJoining.MineAsync(db, actor.OrganizationId!.Value, ct));
    }
}
