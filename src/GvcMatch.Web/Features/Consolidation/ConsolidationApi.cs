using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.GapPlans;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consolidation;

public static class ConsolidationApi
{
    public static IServiceCollection AddConsolidation(this IServiceCollection services)
    {
        services.AddOptions<ConsolidationOptions>().BindConfiguration(ConsolidationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AffectedQueue>();
        services.AddHostedService<AffectedJob>();
        services.AddScoped<ConsolidationService>();
        services.AddScoped<ConsolidationMessages>();
        services.AddScoped<Rematch>();
        return services;
    }

    public static IEndpointRouteBuilder MapConsolidationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/consolidation-notices").WithTags("Consolidation notices");
        group.MapGet("/", ListAsync).AllowAnonymous().WithSummary("Published consolidation notices (never naming the suppliers affected)");
        group.MapGet("/{id:int}", GetAsync).AllowAnonymous();
        group.MapPost("/", CreateAsync).RequireAuthorization().WithSummary("Draft a consolidation notice (buyers)");
        group.MapPut("/{id:int}", UpdateAsync).RequireAuthorization()
            .WithSummary("Change a notice; once published, a new version whose decision date can only move later");
        group.MapPost("/{id:int}/publish", PublishAsync).RequireAuthorization()
            .WithSummary("Publish: the affected suppliers are then found and told in the background");
        group.MapGet("/{id:int}/suppliers", SuppliersAsync).RequireAuthorization()
            .WithSummary("The buyer's view: the job's progress and each affected supplier's score then and now");
        group.MapPost("/{id:int}/outcomes", OutcomeAsync).RequireAuthorization()
            .WithSummary("Record one supplier's outcome with a reason, on or after the decision date");
        app.MapConsolidationSupplierApi();
        app.MapNoticeRecordApi();
        app.MapBuyerRecordApi();
        return app;
    }

    private static async Task<Ok<List<NoticeDto>>> ListAsync(AppDbContext db, CancellationToken ct)
    {
        var notices = await db.ConsolidationNotices.AsNoTracking().Include(n => n.Organization)
            .Where(n => n.Status == NoticeStatus.Published).OrderBy(n => n.DecisionDate).ThenBy(n => n.Id).Take(200).ToListAsync(ct);
        return TypedResults.Ok(notices.Select(n => NoticeDto.From(n, forBuyer: false)).ToList());
    }

    private static async Task<Results<Ok<NoticeDto>, ProblemHttpResult>> GetAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var notice = await db.ConsolidationNotices.AsNoTracking().Include(n => n.Organization).FirstOrDefaultAsync(n => n.Id == id, ct);
        var buyer = notice is not null && Access.IsMember(actor, notice.OrganizationId);
        if (notice is null || (notice.Status == NoticeStatus.Draft && !buyer)) return Problems.NotFound("The notice");
        return TypedResults.Ok(NoticeDto.From(notice, buyer));
    }

    private static async Task<Results<Created<NoticeDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        NoticeInput input, ClaimsPrincipal user, AppDbContext db, ConsolidationService notices, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is not { IsMne: true, OrganizationId: { } buyer }) return Problems.Forbidden("Only MNE buyers announce consolidations.");
        var errors = notices.Validate(input, null);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        var notice = await notices.CreateAsync(buyer, input, ct);
        await db.Entry(notice).Reference(n => n.Organization).LoadAsync(ct);
        return TypedResults.Created($"/api/consolidation-notices/{notice.Id}", NoticeDto.From(notice, forBuyer: true));
    }

    private static async Task<Results<Ok<NoticeDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, NoticeInput input, ClaimsPrincipal user, AppDbContext db, ConsolidationService notices, CancellationToken ct)
    {
        var (notice, refused) = await OwnAsync(id, user, db, ct);
        if (notice is null) return refused!;
        var errors = notices.Validate(input, notice);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        await notices.UpdateAsync(notice, input, ct);
        return TypedResults.Ok(NoticeDto.From(notice, forBuyer: true));
    }

    private static async Task<Results<Ok<NoticeDto>, ProblemHttpResult>> PublishAsync(
        int id, ClaimsPrincipal user, AppDbContext db, ConsolidationService notices, CancellationToken ct)
    {
        var (notice, refused) = await OwnAsync(id, user, db, ct);
        if (notice is null) return refused!;
        if (await notices.PublishAsync(notice, ct) is { } why) return Problems.Conflict(why);
        return TypedResults.Ok(NoticeDto.From(notice, forBuyer: true));
    }

    private static async Task<Results<Ok<NoticeProgressDto>, ProblemHttpResult>> SuppliersAsync(
        int id, ClaimsPrincipal user, AppDbContext db, ConsolidationService notices, CancellationToken ct)
    {
        var (notice, refused) = await OwnAsync(id, user, db, ct);
        return notice is null ? refused! : TypedResults.Ok(await notices.ProgressAsync(notice, ct));
    }

    private static async Task<Results<Ok<SupplierProgressDto>, ValidationProblem, ProblemHttpResult>> OutcomeAsync(
        int id, OutcomeInput input, ClaimsPrincipal user, AppDbContext db, ConsolidationService notices, TimeProvider clock, CancellationToken ct)
    {
        var (notice, refused) = await OwnAsync(id, user, db, ct);
        if (notice is null) return refused!;
        var errors = new Errors();
        if (input.Outcome is not { } outcome || !Enum.IsDefined(outcome)) errors.Add("outcome", "Give Retained or NotRetained.");
        errors.Required("reason", input.Reason, NoticeLimits.Reason);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        if (notice.Status != NoticeStatus.Published) return Problems.Conflict("The notice is not published.");
        if (clock.Today() < notice.DecisionDate)
            return Problems.Conflict($"Outcomes are recorded from the decision date, {notice.DecisionDate:yyyy-MM-dd}: the notice period runs until then.");
        var supplier = await db.AffectedSuppliers.FirstOrDefaultAsync(a => a.NoticeId == id && a.OrganizationId == input.OrganizationId, ct);
        if (supplier is null) return Problems.NotFound("The affected supplier");
        await notices.RecordOutcomeAsync(notice, supplier, input.Outcome!.Value, input.Reason!, ct);
        var progress = await notices.ProgressAsync(notice, ct);
        return TypedResults.Ok(progress.Suppliers.Single(s => s.OrganizationId == input.OrganizationId));
    }

    /// <summary>The notice for its buyer's members; others get 403 for a published notice and 404 for a draft.</summary>
    private static async Task<(ConsolidationNotice?, ProblemHttpResult?)> OwnAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var notice = await db.ConsolidationNotices.Include(n => n.Organization).Include(n => n.Versions).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null) return (null, Problems.NotFound("The notice"));
        if (Access.IsMember(actor, notice.OrganizationId)) return (notice, null);
        return (null, notice.Status == NoticeStatus.Published ? Problems.Forbidden("Only the buyer that published the notice manages it.") : Problems.NotFound("The notice"));
    }
}
