using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Dependency;

/// <summary>Settings under <c>Dependency</c>.</summary>
public sealed class DependencyOptions
{
    public const string Section = "Dependency";

    /// <summary>A category "depends on one supplier" when one supplier holds at least this share of its award value.</summary>
    [Range(0.01, 1.0)]
    public double SingleSupplierShare { get; set; } = 0.5;

    /// <summary>A supplier is new when its first award from the buyer is at most this many days old.</summary>
    [Range(1, 3650)]
    public int NewSupplierDays { get; set; } = 365;

    /// <summary>An SME is warned when one customer's share of its revenue is above this (the 30 %).</summary>
    [Range(0.01, 1.0)]
    public double CustomerShareWarning { get; set; } = 0.3;
}

/// <summary>One category (an ISIC class of the awarded requirements) in one currency: how concentrated the buyer's award value is.</summary>
public sealed record CategoryConcentrationDto(
    string Category, string Currency, decimal AwardValue, int Suppliers, double Hhi, double TopSupplierShare,
    double SmeShare, double NewSupplierShare, bool DependsOnOneSupplier);

/// <summary>
/// A buyer's supplier concentration per category (issue 15, "ensuring diversification of partners to
/// avoid becoming dependent on one partner"): the Herfindahl–Hirschman index on award value shares
/// (0–10,000), the share of that value going to SMEs, the share of suppliers that are new, and a
/// warning when one supplier holds most of a category. Private to the buyer's members.
/// </summary>
public static class SupplierConcentration
{
    public static IServiceCollection AddDependency(this IServiceCollection services)
    {
        services.AddOptions<DependencyOptions>().BindConfiguration(DependencyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<RevenueShares>();
        return services;
    }

    public static IEndpointRouteBuilder MapDependencyApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/organizations/{orgId:int}/supplier-concentration", GetAsync).RequireAuthorization().WithTags("Dependency")
            .WithSummary("Your supplier concentration per category: HHI on award value, SME share, new suppliers (the buyer only)");
        return RevenueShares.MapRevenueSharesApi(app);
    }

    private static async Task<Results<Ok<List<CategoryConcentrationDto>>, ProblemHttpResult>> GetAsync(
        int orgId, ClaimsPrincipal user, AppDbContext db, IOptions<DependencyOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (!Access.IsMember(actor, orgId)) return Problems.Forbidden("Only the buyer itself reads its supplier concentration.");
        if (!actor!.IsMne) return Problems.Forbidden("Supplier concentration is for buyers.");
        return TypedResults.Ok(await ForAsync(db, orgId, options.Value, clock.GetUtcNow(), ct));
    }

    public static async Task<List<CategoryConcentrationDto>> ForAsync(AppDbContext db, int buyer, DependencyOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var awards = await (from a in db.Awards
                            join b in db.Bids on a.BidId equals b.Id
                            join r in db.Requirements on a.RequirementId equals r.Id
                            join o in db.Organizations on b.OrganizationId equals o.Id
                            where r.OrganizationId == buyer
                            select new { Supplier = b.OrganizationId, o.Kind, Value = b.Price ?? 0m, Currency = b.Currency ?? "", r.IsicCodes, a.AwardedAt })
            .AsNoTracking().ToListAsync(ct);
        // New suppliers are counted by their first award from this buyer in any category.
        var firstAward = awards.GroupBy(a => a.Supplier).ToDictionary(g => g.Key, g => g.Min(a => a.AwardedAt));
        var cutoff = now.AddDays(-options.NewSupplierDays);
        var rows = awards.SelectMany(a => (a.IsicCodes.Count == 0 ? ["-"] : a.IsicCodes.Distinct()).Select(c => (Category: c, a.Currency, a.Supplier, a.Kind, a.Value)));
        return rows.GroupBy(x => (x.Category, x.Currency)).Select(g =>
        {
            var total = g.Sum(x => x.Value);
            var bySupplier = g.GroupBy(x => x.Supplier).Select(s => (Id: s.Key, s.First().Kind, Share: total == 0 ? 0 : (double)(s.Sum(x => x.Value) / total))).ToList();
            var hhi = bySupplier.Sum(s => Math.Pow(s.Share * 100, 2));
            var top = bySupplier.Max(s => s.Share);
            return new CategoryConcentrationDto(g.Key.Category, g.Key.Currency, total, bySupplier.Count, Math.Round(hhi, 1), Math.Round(top, 4),
                Math.Round(bySupplier.Where(s => s.Kind == OrganizationKind.Sme).Sum(s => s.Share), 4),
                Math.Round((double)bySupplier.Count(s => firstAward[s.Id] >= cutoff) / bySupplier.Count, 4),
                top >= options.SingleSupplierShare);
        }).OrderByDescending(c => c.Hhi).ThenBy(c => c.Category).ToList();
    }
}
