using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Dependency;

/// <summary>
/// The revenue shares an SME declares itself (customers on or off the platform, per year). Its own
/// members read and replace them; nobody else, platform admins included, reads them anywhere.
/// </summary>
public static class DeclaredSharesApi
{
    public static IEndpointRouteBuilder MapDeclaredSharesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organizations/{orgId:int}/revenue-shares/declared").RequireAuthorization().WithTags("Dependency");
        group.MapGet("/", GetAsync).WithSummary("The revenue shares your SME declared (the SME only)");
        group.MapPut("/", PutAsync).WithSummary("Replace your SME's declared revenue shares: customers by name, shares or amounts per year (the SME only)");
        return app;
    }

    private static async Task<Results<Ok<List<DeclaredShareDto>>, ProblemHttpResult>> GetAsync(int orgId, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        if (Refusal(await user.GetActorAsync(db, ct), orgId) is { } refused) return Problems.Forbidden(refused);
        return TypedResults.Ok(await ReadAsync(db, orgId, ct));
    }

    private static async Task<Results<Ok<List<DeclaredShareDto>>, ValidationProblem, ProblemHttpResult>> PutAsync(
        int orgId, DeclaredSharesInput? input, ClaimsPrincipal user, AppDbContext db, ReferenceData.ReferenceData reference, TimeProvider clock, CancellationToken ct)
    {
        if (Refusal(await user.GetActorAsync(db, ct), orgId) is { } refused) return Problems.Forbidden(refused);
        if (input is null) return Problems.Invalid("customers", "Send the customers (an empty list withdraws the declaration).");
        var errors = await input.ValidateAsync(db, reference, orgId, clock.GetUtcNow().Year, ct);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        await SaveAsync(db, orgId, input, clock.GetUtcNow(), ct);
        return TypedResults.Ok(await ReadAsync(db, orgId, ct));
    }

    /// <summary>Only the SME's own members; the same rule for the page.</summary>
    public static string? Refusal(Actor? actor, int orgId) =>
        !Access.IsMember(actor, orgId) ? "Only the SME itself reads and declares its revenue shares."
        : !actor!.IsSme ? "Revenue shares are for SME suppliers."
        : null;

    public static async Task<List<DeclaredShareDto>> ReadAsync(AppDbContext db, int orgId, CancellationToken ct) =>
        (await db.Set<DeclaredRevenueShare>().AsNoTracking().Where(s => s.OrganizationId == orgId).ToListAsync(ct))
            .OrderByDescending(s => s.Year).ThenByDescending(s => s.SharePercent ?? s.Amount).ThenBy(s => s.Id).Select(DeclaredShareDto.From).ToList();

    /// <summary>Replaces the declaration in one save; a customer on the platform is named as the platform knows it when no name is given.</summary>
    public static async Task SaveAsync(AppDbContext db, int orgId, DeclaredSharesInput input, DateTimeOffset now, CancellationToken ct)
    {
        var rows = input.Customers!.Select(r => r!).ToList();
        var ids = rows.Select(r => r.CustomerOrganizationId).OfType<int>().Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        db.Set<DeclaredRevenueShare>().RemoveRange(await db.Set<DeclaredRevenueShare>().Where(s => s.OrganizationId == orgId).ToListAsync(ct));
        db.Set<DeclaredRevenueShare>().AddRange(rows.Select(r => new DeclaredRevenueShare
        {
            OrganizationId = orgId, Year = r.Year!.Value, CustomerOrganizationId = r.CustomerOrganizationId,
            CustomerName = string.IsNullOrWhiteSpace(r.CustomerName) ? names[r.CustomerOrganizationId!.Value] : r.CustomerName.Trim(),
            SharePercent = r.SharePercent, Amount = r.Amount, Currency = r.Amount is null ? null : r.Currency!.Trim().ToUpperInvariant(),
            DeclaredAt = now,
        }));
        await db.SaveChangesAsync(ct);
    }
}
