using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Organizations;

public static class OrganizationsApi
{
    public static IEndpointRouteBuilder MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organizations").WithTags("Organisations");
        group.MapGet("/", ListAsync).AllowAnonymous().WithSummary("List organisations");
        group.MapGet("/{id:int}", GetAsync).AllowAnonymous().WithSummary("One organisation");
        group.MapPut("/{id:int}", UpdateAsync).RequireAuthorization().WithSummary("Edit your organisation (owners)");
        group.MapPost("/{id:int}/verification", VerifyAsync).RequireAuthorization()
            .WithSummary("Grant or withdraw the verified badge, with a reason (platform admins: anyone; verified intermediaries: SMEs of their country)");

        app.MapGet("/api/admin/organizations", ListAsync).RequireAuthorization().WithTags("Admin")
            .RequireActor(Access.CanVerify)
            .WithSummary("Organisations for review (platform admins and verified intermediaries)");
        return app;
    }

    private static async Task<Results<Ok<Paged<OrganizationSummary>>, ValidationProblem>> ListAsync(
        [AsParameters] OrganizationFilter filter, AppDbContext db, CancellationToken ct)
    {
        var errors = new Errors();
        filter.Validate(errors);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        var query = db.Organizations.AsNoTracking();
        if (filter.Kind is { } kind) query = query.Where(o => o.Kind == kind);
        if (!string.IsNullOrWhiteSpace(filter.Country)) query = query.Where(o => o.Country == filter.Country.ToUpper());
        if (filter.Verified is { } verified) query = query.Where(o => o.Verified == verified);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim().ToLower();
            query = query.Where(o => o.Name.ToLower().Contains(q));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(o => o.Name).Skip(filter.Skip).Take(filter.Size)
            .Select(o => new OrganizationSummary(o.Id, o.Key, o.Name, o.Kind, o.Country, o.City, o.SizeBand, o.Verified))
            .ToListAsync(ct);
        return TypedResults.Ok(new Paged<OrganizationSummary>(items, total, filter.PageNumber, filter.Size));
    }

    private static async Task<Results<Ok<OrganizationDto>, ProblemHttpResult>> GetAsync(int id, HttpResponse response, AppDbContext db, CancellationToken ct)
    {
        if (await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is not { } org) return Problems.NotFound("The organisation");
        response.Tag(org.ConcurrencyStamp);
        return TypedResults.Ok(OrganizationDto.From(org));
    }

    private static async Task<Results<Ok<OrganizationDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, OrganizationInput input, HttpRequest request, ClaimsPrincipal user, AppDbContext db, OrganizationService service, CancellationToken ct) =>
        (await service.UpdateAsync(await user.GetActorAsync(db, ct), id, input, IfMatch.From(request), ct))
            .Reply(request.HttpContext.Response, o => o.ConcurrencyStamp, OrganizationDto.From);

    private static async Task<Results<Ok<OrganizationDto>, ValidationProblem, ProblemHttpResult>> VerifyAsync(
        int id, VerificationRequest request, HttpResponse response, ClaimsPrincipal user, AppDbContext db, VerificationService verification, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        return (await verification.DecideAsync(actor, id, request.Verified, request.Reason ?? request.Note, ct))
            .Reply(response, o => o.ConcurrencyStamp, OrganizationDto.From);
    }
}
