using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GvcMatch.Web.Features.Audit;

public static class AuditApi
{
    public const string AdminsOnly = "Only platform admins read the audit trail.";

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/audit", ListAsync).RequireAuthorization().WithTags("Admin")
            .RequireActor(a => a.IsPlatformAdmin ? null : AdminsOnly)
            .WithSummary("The audit trail, newest first (platform admins)");
        return app;
    }

    private static async Task<Results<Ok<Paged<AuditEntryDto>>, ValidationProblem>> ListAsync(
        [AsParameters] AuditFilter filter, AppDbContext db, CancellationToken ct)
    {
        var errors = new Errors();
        filter.Validate(errors);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        return TypedResults.Ok(await AuditQuery.ListAsync(db, filter, ct));
    }
}

public static class AuditRegistration
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<AuditTrail>();
        return services;
    }
}
