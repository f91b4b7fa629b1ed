using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Authorization;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Profiles;

public static class ProfilesApi
{
    public static IServiceCollection AddProfiles(this IServiceCollection services)
    {
        services.AddScoped<ProfileService>();
        return services;
    }

    public static IEndpointRouteBuilder MapProfilesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/suppliers", BrowseAsync).AllowAnonymous().WithTags("Suppliers").WithSummary("Browse published supplier profiles");

        var group = app.MapGroup("/api/organizations/{id:int}/profile").WithTags("Suppliers");
        group.MapGet("/", GetAsync).AllowAnonymous().WithSummary("An SME's capability profile (drafts only for its members)");
        group.MapPut("/", UpdateAsync).RequireAuthorization().WithSummary("Create or edit your SME's profile");
        group.MapPost("/publish", (int id, HttpRequest rq, ClaimsPrincipal u, AppDbContext db, ProfileService s, TimeProvider c, CancellationToken ct) =>
            ChangeAsync(rq, u, db, c, ct, (actor, expected) => s.PublishAsync(actor, id, expected, ct))).RequireAuthorization().WithSummary("Publish your SME's profile");
        group.MapPost("/unpublish", (int id, HttpRequest rq, ClaimsPrincipal u, AppDbContext db, ProfileService s, TimeProvider c, CancellationToken ct) =>
            ChangeAsync(rq, u, db, c, ct, (actor, expected) => s.UnpublishAsync(actor, id, expected, ct))).RequireAuthorization()
            .WithSummary("Withdraw your SME's profile to draft");
        return app;
    }

    private static async Task<Results<Ok<Paged<SupplierCard>>, ValidationProblem>> BrowseAsync(
        [AsParameters] SupplierFilter filter, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Errors();
        filter.Validate(errors);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        return TypedResults.Ok(await SupplierQueries.BrowseAsync(db, filter, clock.Today(), ct));
    }

    private static async Task<Results<Ok<ProfileDto>, ProblemHttpResult>> GetAsync(
        int id, HttpResponse response, ClaimsPrincipal user, AppDbContext db, ResourceAccess access, TimeProvider clock, CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().Include(p => p.Organization).Include(p => p.Certifications).FirstOrDefaultAsync(p => p.OrganizationId == id, ct);
        if (profile is null) return Problems.NotFound("The profile");
        // A published profile is public (no sign-in needed); a draft only for its own SME.
        if (profile.Status != PublicationStatus.Published && !await access.AllowsAsync(await user.GetActorAsync(db, ct), profile, AccessOperations.Read))
            return Problems.NotFound("The profile");
        response.Tag(profile.ConcurrencyStamp);
        return TypedResults.Ok(ProfileDto.From(profile, clock.Today()));
    }

    private static async Task<Results<Ok<ProfileDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, ProfileInput input, HttpRequest request, ClaimsPrincipal user, AppDbContext db, ProfileService service, TimeProvider clock, CancellationToken ct) =>
        (await service.SaveAsync(await user.GetActorAsync(db, ct), id, input, IfMatch.From(request), ct))
            .Reply(request.HttpContext.Response, p => p.ConcurrencyStamp, p => ProfileDto.From(p, clock.Today()));

    /// <summary>Publish or unpublish, with the version named in If-Match if the caller sends one.</summary>
    private static async Task<Results<Ok<ProfileDto>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        HttpRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct,
        Func<Actor?, IfMatch, Task<Outcome<CapabilityProfile>>> change) =>
        (await change(await user.GetActorAsync(db, ct), IfMatch.From(request)))
            .Reply(request.HttpContext.Response, p => p.ConcurrencyStamp, p => ProfileDto.From(p, clock.Today()));
}
