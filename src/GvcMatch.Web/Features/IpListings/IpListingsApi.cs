using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Authorization;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.IpListings;

public static class IpListingsApi
{
    public static IServiceCollection AddIpListings(this IServiceCollection services)
    {
        services.AddScoped<IpListingService>();
        services.AddScoped<IpMatching>();
        return services;
    }

    public static IEndpointRouteBuilder MapIpListingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ip-listings").WithTags("IP listings");
        group.MapGet("/", BrowseAsync).AllowAnonymous().WithSummary("Browse published IP listings");
        group.MapGet("/{id:int}", GetAsync).AllowAnonymous().WithSummary("One IP listing (drafts only for its organisation)");
        group.MapPost("/", CreateAsync).RequireAuthorization().WithSummary("Create a draft IP listing for your SME");
        group.MapPut("/{id:int}", UpdateAsync).RequireAuthorization().WithSummary("Edit your IP listing");
        group.MapDelete("/{id:int}", DeleteAsync).RequireAuthorization().WithSummary("Delete your IP listing");
        group.MapPost("/{id:int}/publish", (int id, HttpRequest rq, ClaimsPrincipal u, AppDbContext db, IpListingService s, CancellationToken ct) =>
            ChangeAsync(rq, u, db, ct, (actor, expected) => s.SetStatusAsync(actor, id, PublicationStatus.Published, expected, ct)))
            .RequireAuthorization().WithSummary("Publish your IP listing");
        group.MapPost("/{id:int}/unpublish", (int id, HttpRequest rq, ClaimsPrincipal u, AppDbContext db, IpListingService s, CancellationToken ct) =>
            ChangeAsync(rq, u, db, ct, (actor, expected) => s.SetStatusAsync(actor, id, PublicationStatus.Draft, expected, ct)))
            .RequireAuthorization().WithSummary("Withdraw your IP listing to draft");

        app.MapGet("/api/organizations/{id:int}/ip-listings", ForOrganizationAsync).AllowAnonymous().WithTags("IP listings")
            .WithSummary("An SME's IP listings (drafts too for its members)");
        app.MapIpMatchingApi();
        return app;
    }

    private static async Task<Results<Ok<Paged<IpListingCard>>, ValidationProblem>> BrowseAsync(
        [AsParameters] IpListingFilter filter, AppDbContext db, CancellationToken ct)
    {
        var errors = new Errors();
        filter.Validate(errors);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        return TypedResults.Ok(await IpListingQueries.BrowseAsync(db, filter, null, ct));
    }

    private static async Task<Results<Ok<Paged<IpListingCard>>, ValidationProblem>> ForOrganizationAsync(
        int id, [AsParameters] IpListingFilter filter, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var errors = new Errors();
        filter.Validate(errors);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        var actor = await user.GetActorAsync(db, ct);
        var own = Access.IsMember(actor, id) ? id : (int?)null;
        return TypedResults.Ok(await IpListingQueries.BrowseAsync(db, filter with { OrganizationId = id }, own, ct));
    }

    private static async Task<Results<Ok<IpListingDto>, ProblemHttpResult>> GetAsync(
        int id, HttpResponse response, ClaimsPrincipal user, AppDbContext db, ResourceAccess access, CancellationToken ct)
    {
        var ip = await db.IpListings.AsNoTracking().Include(i => i.Organization).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (ip is null) return Problems.NotFound("The IP listing");
        // A published listing is public (no sign-in needed); a draft only for its own SME.
        if (ip.Status != PublicationStatus.Published && !await access.AllowsAsync(await user.GetActorAsync(db, ct), ip, AccessOperations.Read))
            return Problems.NotFound("The IP listing");
        response.Tag(ip.ConcurrencyStamp);
        return TypedResults.Ok(IpListingDto.From(ip));
    }

    private static async Task<Results<Created<IpListingDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        IpListingInput input, HttpResponse response, ClaimsPrincipal user, AppDbContext db, IpListingService service, CancellationToken ct) =>
        (await service.CreateAsync(await user.GetActorAsync(db, ct), input, ct))
            .ReplyCreated(response, i => i.ConcurrencyStamp, i => $"/api/ip-listings/{i.Id}", IpListingDto.From);

    private static Task<Results<Ok<IpListingDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, IpListingInput input, HttpRequest request, ClaimsPrincipal user, AppDbContext db, IpListingService service, CancellationToken ct) =>
        ChangeAsync(request, user, db, ct, (actor, expected) => service.UpdateAsync(actor, id, input, expected, ct));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        int id, HttpRequest request, ClaimsPrincipal user, AppDbContext db, IpListingService service, CancellationToken ct) =>
        (await service.DeleteAsync(await user.GetActorAsync(db, ct), id, IfMatch.From(request), ct)).ReplyNoContent();

    /// <summary>Runs a change with the caller and the version it names in If-Match, and answers the listing with its new ETag.</summary>
    private static async Task<Results<Ok<IpListingDto>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        HttpRequest request, ClaimsPrincipal user, AppDbContext db, CancellationToken ct, Func<Actor?, IfMatch, Task<Outcome<IpListing>>> change) =>
        (await change(await user.GetActorAsync(db, ct), IfMatch.From(request))).Reply(request.HttpContext.Response, i => i.ConcurrencyStamp, IpListingDto.From);
}

public static class IpListingPublishing
{
    public static void SetStatus(IpListing ip, PublicationStatus status, DateTimeOffset now)
    {
        if (status == PublicationStatus.Published && ip.Status != PublicationStatus.Published) ip.PublishedAt = now;
        ip.Status = status;
        ip.UpdatedAt = now;
    }
}
