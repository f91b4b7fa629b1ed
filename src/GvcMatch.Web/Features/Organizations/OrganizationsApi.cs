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

    private static async Task<Results<Ok<OrganizationDto>, ProblemHttpResult>> GetAsync(int id, AppDbContext db, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is { } org
            ? TypedResults.Ok(OrganizationDto.From(org))
            : Problems.NotFound("The organisation");

    private static async Task<Results<Ok<OrganizationDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, OrganizationInput input, ClaimsPrincipal user, AppDbContext db, ReferenceData.ReferenceData reference, TimeProvider clock, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (actor is null || org is null) return Problems.NotFound("The organisation");
        if (Access.CanEditOrganization(actor, org.Id) is { } reason) return Problems.Forbidden(reason);

        var errors = new Errors();
        input.Validate(errors, reference);
        if (input.Kind != org.Kind) errors.Add("kind", "The kind of an organisation cannot change.");
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        input.ApplyTo(org);
        org.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OrganizationDto.From(org));
    }

    private static async Task<Results<Ok<OrganizationDto>, ValidationProblem, ProblemHttpResult>> VerifyAsync(
        int id, VerificationRequest request, ClaimsPrincipal user, AppDbContext db, VerificationService verification, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var (result, org, problem) = await verification.DecideAsync(actor, id, request.Verified, request.Reason ?? request.Note, ct);
        return result switch
        {
            VerificationResult.Done => TypedResults.Ok(OrganizationDto.From(org!)),
            VerificationResult.NotFound => Problems.NotFound("The organisation"),
            VerificationResult.Invalid => Problems.Invalid(VerificationService.ReasonField, problem!),
            _ => Problems.Forbidden(problem!),
        };
    }
}
