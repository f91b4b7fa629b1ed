using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.IpListings;

public static class IpListingsApi
{
    public static IEndpointRouteBuilder MapIpListingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ip-listings").WithTags("IP listings");
        group.MapGet("/", BrowseAsync).AllowAnonymous().WithSummary("Browse published IP listings");
        group.MapGet("/{id:int}", GetAsync).AllowAnonymous().WithSummary("One IP listing (drafts only for its organisation)");
        group.MapPost("/", CreateAsync).RequireAuthorization().WithSummary("Create a draft IP listing for your SME");
        group.MapPut("/{id:int}", UpdateAsync).RequireAuthorization().WithSummary("Edit your IP listing");
        group.MapDelete("/{id:int}", DeleteAsync).RequireAuthorization().WithSummary("Delete your IP listing");
        group.MapPost("/{id:int}/publish", (int id, ClaimsPrincipal u, AppDbContext db, TimeProvider c, CancellationToken ct) => SetStatusAsync(id, PublicationStatus.Published, u, db, c, ct))
            .RequireAuthorization().WithSummary("Publish your IP listing");
        group.MapPost("/{id:int}/unpublish", (int id, ClaimsPrincipal u, AppDbContext db, TimeProvider c, CancellationToken ct) => SetStatusAsync(id, PublicationStatus.Draft, u, db, c, ct))
            .RequireAuthorization().WithSummary("Withdraw your IP listing to draft");

        app.MapGet("/api/organizations/{id:int}/ip-listings", ForOrganizationAsync).AllowAnonymous().WithTags("IP listings")
            .WithSummary("An SME's IP listings (drafts too for its members)");
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

    private static async Task<Results<Ok<IpListingDto>, ProblemHttpResult>> GetAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var ip = await db.IpListings.AsNoTracking().Include(i => i.Organization).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (ip is null) return Problems.NotFound("The IP listing");
        if (ip.Status != PublicationStatus.Published && !Access.IsMember(await user.GetActorAsync(db, ct), ip.OrganizationId))
            return Problems.NotFound("The IP listing");
        return TypedResults.Ok(IpListingDto.From(ip));
    }

    private static async Task<Results<Created<IpListingDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        IpListingInput input, ClaimsPrincipal user, AppDbContext db, ReferenceData.ReferenceData reference, TimeProvider clock, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor?.OrganizationId is not { } orgId) return Problems.Forbidden("Join an SME to list intellectual property.");
        if (Access.ClaimedOrganization(actor, input.OrganizationId) is { } claim) return Problems.Forbidden(claim);
        if (Access.CanManageIpListings(actor, orgId) is { } reason) return Problems.Forbidden(reason);

        var errors = new Errors();
        input.Validate(errors, reference);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        var now = clock.GetUtcNow();
        var org = await db.Organizations.FirstAsync(o => o.Id == orgId, ct);
        var ip = new IpListing { Key = Slug.NewKey("ip", input.Title), Title = "", OrganizationId = orgId, Organization = org, CreatedAt = now, UpdatedAt = now };
        input.ApplyTo(ip);
        db.IpListings.Add(ip);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/ip-listings/{ip.Id}", IpListingDto.From(ip));
    }

    private static async Task<Results<Ok<IpListingDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, IpListingInput input, ClaimsPrincipal user, AppDbContext db, ReferenceData.ReferenceData reference, TimeProvider clock, CancellationToken ct)
    {
        var (ip, actor, problem) = await LoadForEditAsync(id, user, db, ct);
        if (problem is not null) return problem;
        if (Access.ClaimedOrganization(actor!, input.OrganizationId) is { } claim) return Problems.Forbidden(claim);

        var errors = new Errors();
        input.Validate(errors, reference);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        input.ApplyTo(ip!);
        ip!.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(IpListingDto.From(ip));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var (ip, _, problem) = await LoadForEditAsync(id, user, db, ct);
        if (problem is not null) return problem;
        db.IpListings.Remove(ip!);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IpListingDto>, ProblemHttpResult>> SetStatusAsync(
        int id, PublicationStatus status, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (ip, _, problem) = await LoadForEditAsync(id, user, db, ct);
        if (problem is not null) return problem;
        IpListingPublishing.SetStatus(ip!, status, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(IpListingDto.From(ip!));
    }

    /// <summary>Another organisation's draft is reported as not found; its published listing as forbidden.</summary>
    private static async Task<(IpListing?, Actor?, ProblemHttpResult?)> LoadForEditAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var ip = await db.IpListings.Include(i => i.Organization).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (actor is null || ip is null) return (null, null, Problems.NotFound("The IP listing"));
        if (Access.CanManageIpListings(actor, ip.OrganizationId) is { } reason)
            return (null, null, ip.Status == PublicationStatus.Published ? Problems.Forbidden(reason) : Problems.NotFound("The IP listing"));
        return (ip, actor, null);
    }
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
