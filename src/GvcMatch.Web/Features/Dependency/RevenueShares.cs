using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Consolidation;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Dependency;

/// <summary>
/// One customer's share of an SME's revenue in one currency (declared in shares: no currency).
/// <paramref name="BuyerId"/> is null for a declared customer that is not on the platform.
/// </summary>
public sealed record CustomerShareDto(int? BuyerId, string BuyerName, string Currency, decimal Value, double Share);

/// <summary>Where the shares come from: what the SME declared, or what the platform derives from awards and accepted offers.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ShareSource>))]
public enum ShareSource { Derived, Declared }

/// <summary>
/// An SME's dependency on its customers, and other buyers' open requirements it fits when one customer
/// holds too much. <paramref name="Year"/> is the declared year shown (the latest declared).
/// </summary>
public sealed record DependencyDto(double Threshold, IReadOnlyList<CustomerShareDto> Customers, CustomerShareDto? AboveThreshold,
    IReadOnlyList<NoticeMatchDto> Alternatives, ShareSource Source = ShareSource.Derived, int? Year = null);

/// <summary>
/// An SME's revenue shares by customer: those it declared for its latest declared year when it has
/// declared any (they include customers off the platform, so they replace the derived ones), otherwise
/// derived from what the platform knows: the awarded bids' prices and the accepted offers' value
/// (price × quantity), per currency. Above the threshold
/// (<see cref="DependencyOptions.CustomerShareWarning"/>) it proposes the open requirements of other
/// buyers the SME fits, ranked as for a consolidation notice. Private to the SME.
/// </summary>
public sealed class RevenueShares(AppDbContext db, Rematch rematch, IOptions<DependencyOptions> options)
{
    public static IEndpointRouteBuilder MapRevenueSharesApi(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/organizations/{orgId:int}/revenue-shares", GetAsync).RequireAuthorization().WithTags("Dependency")
            .WithSummary("Your SME's revenue shares by customer, derived from awards and accepted offers, with a warning and alternatives (the SME only)");
        return app;
    }

    private static async Task<Results<Ok<DependencyDto>, ProblemHttpResult>> GetAsync(int orgId, ClaimsPrincipal user, AppDbContext db, RevenueShares shares, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (!Access.IsMember(actor, orgId)) return Problems.Forbidden("Only the SME itself reads its revenue shares.");
        if (!actor!.IsSme) return Problems.Forbidden("Revenue shares are for SME suppliers.");
        return TypedResults.Ok(await shares.ForAsync(orgId, ct));
    }

    public async Task<DependencyDto> ForAsync(int sme, CancellationToken ct)
    {
        var declared = await DeclaredAsync(sme, ct);
        var customers = declared?.Customers ?? await DerivedAsync(sme, ct);
        var threshold = options.Value.CustomerShareWarning;
        var above = customers.FirstOrDefault(c => c.Share > threshold);
        IReadOnlyList<NoticeMatchDto> alternatives = [];
        // A customer off the platform has no requirements to leave out: 0 is no organisation's id.
        if (above is not null && await SupplierDocuments.LoadOwnFactsAsync(db, sme, ct) is { } facts)
            alternatives = (await rematch.ForAsync(facts, above.BuyerId ?? 0, 5, ct)).Select(NoticeMatchDto.From).ToList();
        return new DependencyDto(threshold, customers, above, alternatives, declared is null ? ShareSource.Derived : ShareSource.Declared, declared?.Year);
    }

    /// <summary>The latest declared year's customers with their shares (amounts turned into shares of the year's total), or null when nothing is declared.</summary>
    private async Task<(int Year, List<CustomerShareDto> Customers)?> DeclaredAsync(int sme, CancellationToken ct)
    {
        var rows = await db.Set<DeclaredRevenueShare>().AsNoTracking().Where(s => s.OrganizationId == sme).ToListAsync(ct);
        if (rows.Count == 0) return null;
        var year = rows.Max(r => r.Year);
        var latest = rows.Where(r => r.Year == year).ToList();
        var total = latest.Sum(r => r.Amount ?? 0);
        var customers = latest.Select(r => new CustomerShareDto(r.CustomerOrganizationId, r.CustomerName, r.Currency ?? "", r.Amount ?? r.SharePercent ?? 0,
                Math.Round(r.SharePercent is { } percent ? (double)percent / 100 : total == 0 ? 0 : (double)(r.Amount!.Value / total), 4)))
            .OrderByDescending(c => c.Share).ThenBy(c => c.BuyerName).ToList();
        return (year, customers);
    }

    private async Task<List<CustomerShareDto>> DerivedAsync(int sme, CancellationToken ct)
    {
        var awarded = await (from a in db.Awards
                             join b in db.Bids on a.BidId equals b.Id
                             join r in db.Requirements on a.RequirementId equals r.Id
                             where b.OrganizationId == sme
                             select new { Buyer = r.OrganizationId, Value = b.Price ?? 0m, Currency = b.Currency ?? "" }).ToListAsync(ct);
        var agreed = await (from o in db.Set<Offer>()
                            where o.State == OfferState.Accepted
                                && db.Set<ConversationParty>().Any(p => p.ConversationId == o.ConversationId && p.OrganizationId == sme)
                            join p in db.Set<ConversationParty>() on o.ConversationId equals p.ConversationId
                            where p.OrganizationId != sme
                            select new { Buyer = p.OrganizationId, o.Price, o.Quantity, o.Currency }).ToListAsync(ct);
        var rows = awarded.Select(a => (a.Buyer, a.Value, a.Currency)).Concat(agreed.Select(a => (a.Buyer, Value: a.Price * a.Quantity, a.Currency))).ToList();
        var ids = rows.Select(r => r.Buyer).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return rows.GroupBy(r => r.Currency).SelectMany(c =>
        {
            var total = c.Sum(r => r.Value);
            return c.GroupBy(r => r.Buyer).Select(g => new CustomerShareDto(g.Key, names.GetValueOrDefault(g.Key, ""), c.Key, g.Sum(r => r.Value),
                total == 0 ? 0 : Math.Round((double)(g.Sum(r => r.Value) / total), 4)));
        }).OrderByDescending(c => c.Share).ThenBy(c => c.BuyerId).ToList();
    }
}
