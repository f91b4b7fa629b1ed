using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.Consortia;

public static partial class ConsortiaApi
{
    private static void MapGroupCertificates(RouteGroupBuilder group)
    {
        group.MapGet("/group-certificates", ListGroupCertificatesAsync).WithSummary("Your cluster's group certificates and the member SMEs each covers");
        group.MapGet("/group-certificates/{id:int}", GetGroupCertificateAsync).WithSummary("One of your cluster's group certificates; its ETag is the version to send in If-Match");
        group.MapPost("/group-certificates", (GroupCertificateInput input, HttpRequest q, ClaimsPrincipal u, AppDbContext db, ReferenceData.ReferenceData r, TimeProvider c, CancellationToken ct) =>
            SaveGroupCertificateAsync(null, input, q, u, db, r, c, ct)).WithSummary("Add a group certificate to your cluster");
        group.MapPut("/group-certificates/{id:int}", (int id, GroupCertificateInput input, HttpRequest q, ClaimsPrincipal u, AppDbContext db, ReferenceData.ReferenceData r, TimeProvider c, CancellationToken ct) =>
            SaveGroupCertificateAsync(id, input, q, u, db, r, c, ct)).WithSummary("Replace a group certificate, member list included (If-Match: its ETag, optional)");
        group.MapDelete("/group-certificates/{id:int}", DeleteGroupCertificateAsync).WithSummary("Remove a group certificate (If-Match: its ETag, optional)");

        group.MapGet("/group-certificates/listings", ListingsAsync)
            .WithSummary("The group certificates that list your SME, pending and accepted (a listing counts only once your owner accepts it)");
        group.MapPost("/group-certificates/{id:int}/accept", (int id, ClaimsPrincipal u, AppDbContext db, TimeProvider c, CancellationToken ct) =>
            DecideListingAsync(id, accept: true, u, db, c, ct)).WithSummary("Accept your SME's listing on a group certificate (owner only)");
        group.MapPost("/group-certificates/{id:int}/decline", (int id, ClaimsPrincipal u, AppDbContext db, TimeProvider c, CancellationToken ct) =>
            DecideListingAsync(id, accept: false, u, db, c, ct)).WithSummary("Decline (or withdraw from) a group certificate: your SME is taken off it (owner only)");
    }

    private static async Task<Results<Ok<List<GroupCertificateListingDto>>, ProblemHttpResult>> ListingsAsync(
        ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        if (GroupCertificateListings.CannotSee(actor) is { } why) return Problems.Forbidden(why);
        return TypedResults.Ok(await GroupCertificateListings.ForSmeAsync(db, actor.OrganizationId!.Value, clock.Today(), ct));
    }

    private static async Task<Results<Ok<GroupCertificateListingDto>, NoContent, ProblemHttpResult>> DecideListingAsync(
        int id, bool accept, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var outcome = accept
            ? await GroupCertificateListings.AcceptAsync(db, actor, id, ct)
            : await GroupCertificateListings.DeclineAsync(db, actor, id, ct);
        if (!outcome.Ok) return outcome.Refusal!.ToProblem();
        if (!accept) return TypedResults.NoContent();
        return TypedResults.Ok((await GroupCertificateListings.ForSmeAsync(db, actor.OrganizationId!.Value, clock.Today(), ct)).First(l => l.Id == id));
    }

    private static async Task<Results<Ok<List<GroupCertificateDto>>, ProblemHttpResult>> ListGroupCertificatesAsync(
        ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        if (await GroupCertificateStore.CannotManageAsync(db, actor, ct) is { } why) return Problems.Forbidden(why);
        return TypedResults.Ok(await GroupCertificateStore.ListAsync(db, actor.OrganizationId!.Value, clock.Today(), ct));
    }

    private static async Task<Results<Ok<GroupCertificateDto>, ProblemHttpResult>> GetGroupCertificateAsync(
        int id, HttpResponse response, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        if (await GroupCertificateStore.CannotManageAsync(db, actor, ct) is { } why) return Problems.Forbidden(why);
        var dto = (await GroupCertificateStore.ListAsync(db, actor.OrganizationId!.Value, clock.Today(), ct)).FirstOrDefault(g => g.Id == id);
        if (dto is null) return Problems.NotFound("The group certificate");
        response.Tag(dto.ConcurrencyStamp);
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<Created<GroupCertificateDto>, Ok<GroupCertificateDto>, ValidationProblem, ProblemHttpResult>> SaveGroupCertificateAsync(
        int? id, GroupCertificateInput input, HttpRequest request, ClaimsPrincipal user, AppDbContext db, ReferenceData.ReferenceData reference, TimeProvider clock, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var outcome = await GroupCertificateStore.SaveAsync(db, reference, actor, id, input, IfMatch.From(request), ct);
        if (!outcome.Ok) return outcome.Refusal!.IsInvalid ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        var dto = (await GroupCertificateStore.ListAsync(db, actor.OrganizationId!.Value, clock.Today(), ct)).First(g => g.Id == outcome.Value);
        request.HttpContext.Response.Tag(dto.ConcurrencyStamp);
        return id is null ? TypedResults.Created($"/api/group-certificates/{dto.Id}", dto) : TypedResults.Ok(dto);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteGroupCertificateAsync(
        int id, HttpRequest request, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var outcome = await GroupCertificateStore.DeleteAsync(db, actor, id, IfMatch.From(request), ct);
        return outcome.Ok ? TypedResults.NoContent() : outcome.Refusal!.ToProblem();
    }
}
