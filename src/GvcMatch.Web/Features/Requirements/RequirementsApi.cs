using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Authorization;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Requirements;

public static class RequirementsApi
{
    public static IServiceCollection AddRequirements(this IServiceCollection services)
    {
        services.AddScoped<RequirementService>();
        return services;
    }

    public static IEndpointRouteBuilder MapRequirementsApi(this IEndpointRouteBuilder app)
    {
        // Published requirements and their criteria are open to every signed-in organisation.
        var group = app.MapGroup("/api/requirements").WithTags("Requirements").RequireAuthorization();
        group.MapGet("/", BrowseAsync).WithSummary("Browse published requirements (or your own with mine=true)");
        group.MapGet("/{id:int}", GetAsync).WithSummary("One requirement with its published criteria; its ETag is the version to send in If-Match");
        group.MapGet("/{id:int}/versions", VersionsAsync).WithSummary("Every published version of a requirement");
        group.MapPost("/", CreateAsync).WithSummary("Create a draft requirement for your MNE");
        group.MapPut("/{id:int}", UpdateAsync)
            .WithSummary("Edit your requirement (a published one gets a new version and needs If-Match and a change note)");
        group.MapDelete("/{id:int}", DeleteAsync).WithSummary("Delete a draft requirement");
        group.MapPost("/{id:int}/publish", (int id, HttpRequest rq, ClaimsPrincipal u, AppDbContext db, RequirementService s, CancellationToken ct) =>
            ChangeAsync(rq, u, db, ct, (actor, expected) => s.PublishAsync(actor, id, expected, ct))).WithSummary("Publish a draft");
        group.MapPost("/{id:int}/close", (int id, HttpRequest rq, ClaimsPrincipal u, AppDbContext db, RequirementService s, CancellationToken ct) =>
            ChangeAsync(rq, u, db, ct, (actor, expected) => s.CloseAsync(actor, id, expected, ct))).WithSummary("Close to responses");
        // Award and cancel belong to the evaluation: Features/Awards/AwardsApi.cs maps them.
        return app;
    }

    private static async Task<Results<Ok<Paged<RequirementCard>>, ValidationProblem>> BrowseAsync(
        [AsParameters] RequirementFilter filter, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var errors = new Errors();
        filter.Validate(errors);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        var actor = await user.GetActorAsync(db, ct);
        return TypedResults.Ok(await RequirementQueries.BrowseAsync(db, filter, actor?.OrganizationId, ct));
    }

    private static async Task<Results<Ok<RequirementDto>, ProblemHttpResult>> GetAsync(
        int id, HttpResponse response, ClaimsPrincipal user, AppDbContext db, ResourceAccess access, CancellationToken ct)
    {
        var (requirement, problem) = await LoadVisibleAsync(id, user, db, access, ct);
        if (problem is not null) return problem;
        response.Tag(requirement!.ConcurrencyStamp);
        return TypedResults.Ok(RequirementDto.From(requirement));
    }

    private static async Task<Results<Ok<List<RequirementVersionDto>>, ProblemHttpResult>> VersionsAsync(
        int id, ClaimsPrincipal user, AppDbContext db, ResourceAccess access, CancellationToken ct)
    {
        var (_, problem) = await LoadVisibleAsync(id, user, db, access, ct);
        if (problem is not null) return problem;
        var versions = await db.RequirementVersions.AsNoTracking().Where(v => v.RequirementId == id).OrderBy(v => v.Number).ToListAsync(ct);
        return TypedResults.Ok(versions.Select(RequirementVersionDto.From).ToList());
    }

    private static async Task<Results<Created<RequirementDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        RequirementInput input, HttpResponse response, ClaimsPrincipal user, AppDbContext db, RequirementService service, CancellationToken ct) =>
        (await service.CreateAsync(await user.GetActorAsync(db, ct), input, ct))
            .ReplyCreated(response, r => r.ConcurrencyStamp, r => $"/api/requirements/{r.Id}", RequirementDto.From);

    private static async Task<Results<Ok<RequirementDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, RequirementInput input, HttpRequest request, ClaimsPrincipal user, AppDbContext db, RequirementService service, CancellationToken ct) =>
        await ChangeAsync(request, user, db, ct, (actor, expected) => service.UpdateAsync(actor, id, input, expected, ct));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        int id, HttpRequest request, ClaimsPrincipal user, AppDbContext db, RequirementService service, CancellationToken ct) =>
        (await service.DeleteAsync(await user.GetActorAsync(db, ct), id, IfMatch.From(request), ct)).ReplyNoContent();

    /// <summary>Runs a change with the caller and the version it names in If-Match, and answers the requirement with its new ETag.</summary>
    private static async Task<Results<Ok<RequirementDto>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        HttpRequest request, ClaimsPrincipal user, AppDbContext db, CancellationToken ct, Func<Actor?, IfMatch, Task<Outcome<Requirement>>> change) =>
        (await change(await user.GetActorAsync(db, ct), IfMatch.From(request))).Reply(request.HttpContext.Response, r => r.ConcurrencyStamp, RequirementDto.From);

    /// <summary>Drafts are visible to their own organisation only; to anyone else they do not exist.</summary>
    private static async Task<(Requirement?, ProblemHttpResult?)> LoadVisibleAsync(int id, ClaimsPrincipal user, AppDbContext db, ResourceAccess access, CancellationToken ct)
    {
        var requirement = await db.Requirements.AsNoTracking().Include(r => r.Organization).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (requirement is null || !await access.AllowsAsync(await user.GetActorAsync(db, ct), requirement, AccessOperations.Read))
            return (null, Problems.NotFound("The requirement"));
        return (requirement, null);
    }
}
