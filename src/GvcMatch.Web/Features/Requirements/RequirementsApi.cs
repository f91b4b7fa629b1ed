using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Requirements;

public static class RequirementsApi
{
    public static IEndpointRouteBuilder MapRequirementsApi(this IEndpointRouteBuilder app)
    {
        // Published requirements and their criteria are open to every signed-in organisation.
        var group = app.MapGroup("/api/requirements").WithTags("Requirements").RequireAuthorization();
        group.MapGet("/", BrowseAsync).WithSummary("Browse published requirements (or your own with mine=true)");
        group.MapGet("/{id:int}", GetAsync).WithSummary("One requirement with its published criteria");
        group.MapGet("/{id:int}/versions", VersionsAsync).WithSummary("Every published version of a requirement");
        group.MapPost("/", CreateAsync).WithSummary("Create a draft requirement for your MNE");
        group.MapPut("/{id:int}", UpdateAsync).WithSummary("Edit your requirement (a published one gets a new version)");
        group.MapDelete("/{id:int}", DeleteAsync).WithSummary("Delete a draft requirement");
        group.MapPost("/{id:int}/publish", PublishAsync).WithSummary("Publish a draft");
        group.MapPost("/{id:int}/close", (int id, ClaimsPrincipal u, AppDbContext db, TimeProvider c, CancellationToken ct) =>
            ChangeStatusAsync(id, u, db, ct, r => RequirementLifecycle.Close(r, c.GetUtcNow()))).WithSummary("Close to responses");
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

    private static async Task<Results<Ok<RequirementDto>, ProblemHttpResult>> GetAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var (requirement, problem) = await LoadVisibleAsync(id, user, db, ct);
        return problem ?? (Results<Ok<RequirementDto>, ProblemHttpResult>)TypedResults.Ok(RequirementDto.From(requirement!));
    }

    private static async Task<Results<Ok<List<RequirementVersionDto>>, ProblemHttpResult>> VersionsAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var (_, problem) = await LoadVisibleAsync(id, user, db, ct);
        if (problem is not null) return problem;
        var versions = await db.RequirementVersions.AsNoTracking().Where(v => v.RequirementId == id).OrderBy(v => v.Number).ToListAsync(ct);
        return TypedResults.Ok(versions.Select(RequirementVersionDto.From).ToList());
    }

    private static async Task<Results<Created<RequirementDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        RequirementInput input, ClaimsPrincipal user, AppDbContext db, ReferenceData.ReferenceData reference, TimeProvider clock, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor?.OrganizationId is not { } orgId) return Problems.Forbidden("Join an MNE to post requirements.");
        if (Access.ClaimedOrganization(actor, input.OrganizationId) is { } claim) return Problems.Forbidden(claim);
        if (Access.CanManageRequirements(actor, orgId) is { } reason) return Problems.Forbidden(reason);

        var errors = new Errors();
        input.Validate(errors, reference, clock.Today());
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        var now = clock.GetUtcNow();
        var org = await db.Organizations.FirstAsync(o => o.Id == orgId, ct);
        var requirement = new Requirement
        {
            Key = Slug.NewKey("req", input.Title), Title = "", OrganizationId = orgId, Organization = org,
            Status = RequirementStatus.Draft, CreatedAt = now, UpdatedAt = now,
        };
        input.ApplyTo(requirement);
        db.Requirements.Add(requirement);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/requirements/{requirement.Id}", RequirementDto.From(requirement));
    }

    private static async Task<Results<Ok<RequirementDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, RequirementInput input, ClaimsPrincipal user, AppDbContext db, ReferenceData.ReferenceData reference, TimeProvider clock,
        Questions.QuestionBoard board, CancellationToken ct)
    {
        var (requirement, actor, problem) = await LoadForEditAsync(id, user, db, ct);
        if (problem is not null) return problem;
        if (Access.ClaimedOrganization(actor!, input.OrganizationId) is { } claim) return Problems.Forbidden(claim);
        if (RequirementLifecycle.CanEdit(requirement!) is { } locked) return Problems.Conflict(locked);

        var errors = new Errors();
        input.Validate(errors, reference, clock.Today());
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        if (await RequirementLots.FrozenAsync(db, requirement!, input.Lots, ct) is { } frozen) return Problems.Conflict(frozen);

        var versionBefore = requirement!.Version;
        input.ApplyTo(requirement);
        RequirementLifecycle.RecordEdit(requirement, clock.GetUtcNow(), input.ChangeNote);
        await db.SaveChangesAsync(ct);
        // Committed: bidders learn of the new version, so they can review their answers.
        if (requirement.Version > versionBefore) await board.NotifyNewVersionAsync(requirement, ct);
        return TypedResults.Ok(RequirementDto.From(requirement));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var (requirement, _, problem) = await LoadForEditAsync(id, user, db, ct);
        if (problem is not null) return problem;
        if (requirement!.Status != RequirementStatus.Draft)
            return Problems.Conflict("Only drafts can be deleted; cancel a published requirement instead, so responders see why.");
        db.Requirements.Remove(requirement);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<RequirementDto>, ProblemHttpResult>> PublishAsync(
        int id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, RequirementAlertQueue alerts, CancellationToken ct)
    {
        var result = await ChangeStatusAsync(id, user, db, ct, r => RequirementLifecycle.Publish(r, clock.GetUtcNow()));
        // Committed: matching suppliers are told in the background, so publishing stays fast.
        if (result.Result is Ok<RequirementDto>) alerts.Enqueue(id);
        return result;
    }

    private static async Task<Results<Ok<RequirementDto>, ProblemHttpResult>> ChangeStatusAsync(
        int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct, Func<Requirement, string?> change)
    {
        var (requirement, _, problem) = await LoadForEditAsync(id, user, db, ct);
        if (problem is not null) return problem;
        if (change(requirement!) is { } refused) return Problems.Conflict(refused);
        requirement!.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RequirementDto.From(requirement));
    }

    /// <summary>Drafts are visible to their own organisation only; to anyone else they do not exist.</summary>
    private static async Task<(Requirement?, ProblemHttpResult?)> LoadVisibleAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var requirement = await db.Requirements.AsNoTracking().Include(r => r.Organization).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (requirement is null) return (null, Problems.NotFound("The requirement"));
        if (!requirement.IsVisibleToEveryone && !Access.IsMember(await user.GetActorAsync(db, ct), requirement.OrganizationId))
            return (null, Problems.NotFound("The requirement"));
        return (requirement, null);
    }

    private static async Task<(Requirement?, Actor?, ProblemHttpResult?)> LoadForEditAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var requirement = await db.Requirements.Include(r => r.Organization).Include(r => r.Versions).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (actor is null || requirement is null) return (null, null, Problems.NotFound("The requirement"));
        if (Access.CanManageRequirements(actor, requirement.OrganizationId) is { } reason)
            return (null, null, requirement.IsVisibleToEveryone ? Problems.Forbidden(reason) : Problems.NotFound("The requirement"));
        return (requirement, actor, null);
    }
}
