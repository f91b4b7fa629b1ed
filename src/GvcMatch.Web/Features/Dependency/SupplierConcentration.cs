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

/// <summary>
/// One category (an ISIC class of the awarded or agreed work) in one currency: how concentrated the
/// buyer's spend is. <paramref name="Value"/> is the award value plus the accepted offers' value.
/// </summary>
public sealed record CategoryConcentrationDto(
    string Category, string Currency, decimal AwardValue, int Suppliers, double Hhi, double TopSupplierShare,
    double SmeShare, double NewSupplierShare, bool DependsOnOneSupplier, decimal OfferValue, decimal Value, int TopSupplierId, string TopSupplierName);

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
            .WithSummary("Your supplier concentration per category: HHI on awards and accepted offers, SME share, new suppliers (the buyer only)");
        return RevenueShares.MapRevenueSharesApi(app).MapDeclaredSharesApi();
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
        var spend = await BuyerSpend.ReadAsync(db, buyer, ct);
        var ids = spend.Select(s => s.Supplier).Distinct().ToList();
        var suppliers = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => (o.Name, o.Kind), ct);
        // New suppliers are counted by their first award or agreement with this buyer in any category.
        var first = spend.GroupBy(s => s.Supplier).ToDictionary(g => g.Key, g => g.Min(s => s.At));
        var cutoff = now.AddDays(-options.NewSupplierDays);
        var rows = spend.SelectMany(s => (s.Categories.Count == 0 ? ["-"] : s.Categories.Distinct()).Select(c => (Category: c, Line: s)));
        return rows.GroupBy(x => (x.Category, x.Line.Currency)).Select(g =>
        {
            var total = g.Sum(x => x.Line.Value);
            var bySupplier = g.GroupBy(x => x.Line.Supplier)
                .Select(s => (Id: s.Key, Share: total == 0 ? 0 : (double)(s.Sum(x => x.Line.Value) / total))).ToList();
            var hhi = bySupplier.Sum(s => Math.Pow(s.Share * 100, 2));
            var top = bySupplier.OrderByDescending(s => s.Share).ThenBy(s => s.Id).First();
            return new CategoryConcentrationDto(g.Key.Category, g.Key.Currency, g.Where(x => !x.Line.Agreed).Sum(x => x.Line.Value), bySupplier.Count,
                Math.Round(hhi, 1), Math.Round(top.Share, 4),
                Math.Round(bySupplier.Where(s => suppliers.GetValueOrDefault(s.Id).Kind == OrganizationKind.Sme).Sum(s => s.Share), 4),
                Math.Round((double)bySupplier.Count(s => first[s.Id] >= cutoff) / bySupplier.Count, 4),
                top.Share >= options.SingleSupplierShare,
                g.Where(x => x.Line.Agreed).Sum(x => x.Line.Value), total, top.Id, suppliers.GetValueOrDefault(top.Id).Name ?? "");
        }).OrderByDescending(c => c.Hhi).ThenBy(c => c.Category).ThenBy(c => c.Currency).ToList();
    }
}
