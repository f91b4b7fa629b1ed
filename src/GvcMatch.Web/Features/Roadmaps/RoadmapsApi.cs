using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Roadmaps;

public static class RoadmapsApi
{
    public static IServiceCollection AddRoadmaps(this IServiceCollection services)
    {
        services.AddOptions<RoadmapOptions>().BindConfiguration(RoadmapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<RoadmapService>();
        services.AddScoped<RoadmapMessages>();
        services.AddScoped<RoadmapMatching>();
        services.AddScoped<RoadmapHandoff>();
        services.AddScoped<RoadmapInterest>();
        services.AddSingleton<RoadmapReleaseWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RoadmapReleaseWorker>());
        return services;
    }

    public static IEndpointRouteBuilder MapRoadmapsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/roadmap-items").WithTags("Road-maps");
        group.MapGet("/", ListAsync).AllowAnonymous()
            .WithSummary("Road-map items you may see (network-only items only for the buyer's network); q searches titles and descriptions");
        group.MapGet("/{id:int}", GetAsync).AllowAnonymous();
        group.MapPost("/", CreateAsync).RequireAuthorization().WithSummary("Draft a road-map item (buyers)");
        group.MapPut("/{id:int}", UpdateAsync).RequireAuthorization().WithSummary("Change an item; once published, a new version with a change note");
        group.MapDelete("/{id:int}", DeleteAsync).RequireAuthorization().WithSummary("Delete a draft");
        group.MapPost("/{id:int}/publish", PublishAsync).RequireAuthorization().WithSummary("Publish: the buyer's followers who may see it are told");
        group.MapPost("/{id:int}/withdraw", WithdrawAsync).RequireAuthorization();
        group.MapGet("/{id:int}/suppliers", SuppliersAsync).RequireAuthorization()
            .WithSummary("The buyer's view: suppliers that fit the item, ranked with the per-criterion explanation");
        group.MapPost("/{id:int}/requirement", ConvertAsync).RequireAuthorization()
            .WithSummary("Turn the item into a published requirement; interested SMEs hear first, followers after the head start");
        app.MapGet("/api/requirements/{requirementId:int}/roadmap-item", OriginAsync).RequireAuthorization().WithTags("Road-maps")
            .WithSummary("The road-map item a requirement came from");
        app.MapRoadmapSupplierApi();
        return app;
    }

    private static async Task<Ok<List<RoadmapItemDto>>> ListAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken ct,
        string? q = null, int? buyer = null, bool mine = false)
    {
        var actor = await user.GetActorAsync(db, ct);
        var items = (await RoadmapAccess.VisibleAsync(db, actor, ct)).AsNoTracking().Include(i => i.Organization);
        IQueryable<RoadmapItem> query = mine ? items.Where(i => i.OrganizationId == (actor!.OrganizationId ?? -1)) : items.Where(i => i.Status != RoadmapStatus.Draft);
        if (buyer is { } b) query = query.Where(i => i.OrganizationId == b);
        var list = await query.OrderByDescending(i => i.Id).Take(500).ToListAsync(ct);
        // Searched in memory over what the caller may see: nothing invisible can ever match.
        var words = (q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return TypedResults.Ok(list.Where(i => words.All(w => i.Title.Contains(w, StringComparison.OrdinalIgnoreCase) || i.Description.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Take(200).Select(RoadmapItemDto.From).ToList());
    }

    private static async Task<Results<Ok<RoadmapItemDto>, ProblemHttpResult>> GetAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
        await RoadmapAccess.FindVisibleAsync(db, await user.GetActorAsync(db, ct), id, ct) is { } item
            ? TypedResults.Ok(RoadmapItemDto.From(item)) : Problems.NotFound("The road-map item");

    private static async Task<Results<Created<RoadmapItemDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        RoadmapInput input, ClaimsPrincipal user, AppDbContext db, RoadmapService items, CancellationToken ct)
    {
        var created = await items.CreateAsync(await user.GetActorAsync(db, ct), input, ct);
        return created.Refusal switch
        {
            null => TypedResults.Created($"/api/roadmap-items/{created.Value!.Id}", RoadmapItemDto.From(created.Value)),
            { IsInvalid: true } r => r.ToValidationProblem(),
            var r => r.ToProblem(),
        };
    }

    private static Task<Results<Ok<RoadmapItemDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, RoadmapInput input, ClaimsPrincipal user, AppDbContext db, RoadmapService items, CancellationToken ct) =>
        OwnAsync(id, user, db, item => items.UpdateAsync(item, input, ct), ct);

    private static Task<Results<Ok<RoadmapItemDto>, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        int id, ClaimsPrincipal user, AppDbContext db, RoadmapService items, CancellationToken ct) =>
        OwnAsync(id, user, db, item => items.DeleteAsync(item, ct), ct);

    private static Task<Results<Ok<RoadmapItemDto>, ValidationProblem, ProblemHttpResult>> PublishAsync(
        int id, ClaimsPrincipal user, AppDbContext db, RoadmapService items, CancellationToken ct) =>
        OwnAsync(id, user, db, item => items.PublishAsync(item, ct), ct);

    private static Task<Results<Ok<RoadmapItemDto>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        int id, ClaimsPrincipal user, AppDbContext db, RoadmapService items, CancellationToken ct) =>
        OwnAsync(id, user, db, item => items.WithdrawAsync(item, ct), ct);

    private static async Task<Results<Ok<List<SupplierMatchDto>>, ValidationProblem, ProblemHttpResult>> SuppliersAsync(
        int id, ClaimsPrincipal user, AppDbContext db, RoadmapMatching matching, CancellationToken ct, int top = 20)
    {
        var own = await RoadmapAccess.FindOwnAsync(db, await user.GetActorAsync(db, ct), id, ct);
        if (own.Refusal is { } refused) return refused.ToProblem();
        if (top is < 1 or > 100) return Problems.Invalid("top", "Give a number from 1 to 100.");
        return TypedResults.Ok((await matching.SuppliersForAsync(own.Value!, top, ct)).ToList());
    }

    private static async Task<Results<Created<RoadmapLinkDto>, ValidationProblem, ProblemHttpResult>> ConvertAsync(
        int id, ConvertInput input, ClaimsPrincipal user, AppDbContext db, RoadmapHandoff handoff, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var own = await RoadmapAccess.FindOwnAsync(db, actor, id, ct);
        if (own.Refusal is { } refused) return refused.ToProblem();
        var item = own.Value!;
        var converted = await handoff.ConvertAsync(actor!, item, input, ct);
        return converted.Refusal switch
        {
            null => TypedResults.Created($"/api/requirements/{item.RequirementId}", Link(item)),
            { IsInvalid: true } r => r.ToValidationProblem(),
            var r => r.ToProblem(),
        };
    }

    private static async Task<Results<Ok<RoadmapLinkDto>, ProblemHttpResult>> OriginAsync(int requirementId, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var item = await db.Set<RoadmapItem>().AsNoTracking().Include(i => i.Organization).FirstOrDefaultAsync(i => i.RequirementId == requirementId, ct);
        // The link shows only to those who may see both the item and the requirement.
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requirementId, ct);
        if (item is null || requirement is null || !(requirement.IsVisibleToEveryone || Access.IsMember(actor, requirement.OrganizationId))
            || !await RoadmapAccess.CanSeeAsync(db, actor, item, ct))
            return Problems.NotFound("The road-map item of this requirement");
        return TypedResults.Ok(Link(item));
    }

    private static RoadmapLinkDto Link(RoadmapItem i) => new(i.Id, i.Title, i.RequirementId!.Value, i.ConvertedAt, i.FollowersDueAt);

    private static async Task<Results<Ok<RoadmapItemDto>, ValidationProblem, ProblemHttpResult>> OwnAsync(
        int id, ClaimsPrincipal user, AppDbContext db, Func<RoadmapItem, Task<Outcome<RoadmapItem>>> change, CancellationToken ct)
    {
        var own = await RoadmapAccess.FindOwnAsync(db, await user.GetActorAsync(db, ct), id, ct);
        if (own.Refusal is { } refused) return refused.ToProblem();
        return (await change(own.Value!)).Reply(RoadmapItemDto.From);
    }
}
