using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Dependency;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Dashboards;

/// <summary>The dashboards' numbers for API clients: an organisation's own figures, and the platform's for admins.</summary>
public static class DashboardsApi
{
    public static IServiceCollection AddDashboards(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CounterRecorder>();
        services.AddHostedService<CounterFlushWorker>();
        services.AddScoped<SupplierDashboard>();
        return services;
    }

    public static IEndpointRouteBuilder MapDashboardsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dashboard").WithTags("Dashboards").RequireAuthorization();
        group.MapGet("/suppliers/{orgId:int}", SupplierAsync)
            .WithSummary("Your SME's appearances in matches and profile views per week, win rate per quarter and scores on open requirements (the SME only)");
        group.MapGet("/buyers/{orgId:int}", BuyerAsync)
            .WithSummary("Your requirements' pipeline and the share of award value to SMEs and new suppliers (the buyer only)");
        group.MapGet("/figures", FiguresAsync)
            .WithSummary("Platform figures per month and awards by country (platform admins)");
        return app;
    }

    private static async Task<Results<Ok<SupplierDashboardDto>, ProblemHttpResult>> SupplierAsync(
        int orgId, ClaimsPrincipal user, AppDbContext db, SupplierDashboard dashboard, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (!Access.IsMember(actor, orgId)) return Problems.Forbidden("Only the organisation itself reads its dashboard.");
        if (!actor!.IsSme) return Problems.Forbidden("The supplier dashboard is for SME suppliers.");
        return TypedResults.Ok(await dashboard.ForAsync(orgId, ct));
    }

    private static async Task<Results<Ok<BuyerDashboardDto>, ProblemHttpResult>> BuyerAsync(
        int orgId, ClaimsPrincipal user, AppDbContext db, IOptions<DependencyOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (!Access.IsMember(actor, orgId)) return Problems.Forbidden("Only the organisation itself reads its dashboard.");
        if (!actor!.IsMne) return Problems.Forbidden("The buyer dashboard is for buyers.");
        return TypedResults.Ok(await BuyerDashboard.ForAsync(db, orgId, options.Value, clock.GetUtcNow(), ct));
    }

    private static async Task<Results<Ok<PlatformFiguresDto>, ProblemHttpResult>> FiguresAsync(
        ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await user.GetActorAsync(db, ct) is not { IsPlatformAdmin: true }) return Problems.Forbidden("Only platform admins read the platform figures.");
        return TypedResults.Ok(await PlatformFigures.ComputeAsync(db, clock.Today(), ct));
    }
}
