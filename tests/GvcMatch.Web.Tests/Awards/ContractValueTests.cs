using System.Net;
using GvcMatch.Web.Features.Awards;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Awards;

/// <summary>
/// Outcome statistics value an award as the contract: unit price × the quantity awarded (the lot's or
/// the requirement's), per currency and converted at dated rates into one currency; a currency
/// without a rate is listed apart and never added in.
/// </summary>
public abstract class ContractValueTests(GvcMatchApp app)
{
    /// <summary>1 USD = 0.90 EUR and 1 JPY = 0.006 EUR, taken on 30 November 2026; no rate for GBP.</summary>
    public static readonly Dictionary<string, string> Rates = new()
    {
        ["Awards:ExchangeRates:Currency"] = "EUR",
        ["Awards:ExchangeRates:Date"] = "2026-11-30",
        ["Awards:ExchangeRates:Rates:USD"] = "0.90",
        ["Awards:ExchangeRates:Rates:JPY"] = "0.006",
    };

    private async Task<int> RequirementAsync(Member buyer, decimal? quantity, params RequirementLot[] lots)
    {
        var id = await buyer.PublishNewRequirementAsync();
        await app.WithDbAsync(async db =>
        {
            var r = await db.Requirements.FirstAsync(x => x.Id == id);
            r.Quantity = quantity;
            r.Lots = [.. lots];
            await db.SaveChangesAsync();
        });
        return id;
    }

    private static OutcomeRecord Award(Member buyer, int requirement, int lot, decimal? price, string currency, bool sme, bool cancelled = false) => new()
    {
        RequirementId = requirement, BuyerOrganizationId = buyer.Me.OrgId, LotNumber = lot, Cancelled = cancelled, WinnerIsSme = sme,
        Value = cancelled ? null : price, Currency = cancelled ? null : currency, BidCount = 1,
        PublishedAt = DateTimeOffset.UtcNow.AddDays(-3), DecidedAt = DateTimeOffset.UtcNow, DaysToDecision = 3,
    };

    private async Task<Member> ArrangeAsync()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var whole = await RequirementAsync(buyer, 5000);
        var lotted = await RequirementAsync(buyer, null, new() { Number = 1, Title = "Housings", Quantity = 200, QuantityUnit = "pieces" },
            new() { Number = 2, Title = "Covers" });
        var yen = await RequirementAsync(buyer, 1000);
        var pounds = await RequirementAsync(buyer, 10);
        var cancelled = await RequirementAsync(buyer, 7);
        await app.WithDbAsync(async db =>
        {
            db.OutcomeRecords.AddRange(
                Award(buyer, whole, 0, 4.20m, "EUR", sme: true),      // 4.20 × 5,000 = 21,000.00 EUR
                Award(buyer, lotted, 1, 12.50m, "USD", sme: false),   // 12.50 × 200 (lot 1) = 2,500.00 USD = 2,250.00 EUR
                Award(buyer, lotted, 2, 3m, "EUR", sme: true),        // lot 2 states no quantity: no value
                Award(buyer, yen, 0, 800m, "jpy", sme: true),         // 800 × 1,000 = 800,000 JPY = 4,800.00 EUR
                Award(buyer, pounds, 0, 100m, "GBP", sme: true),      // 100 × 10 = 1,000.00 GBP, no rate
                Award(buyer, cancelled, 0, null, "", sme: false, cancelled: true));
            await db.SaveChangesAsync();
        });
        return buyer;
    }

    private async Task<Member> AdminAsync()
    {
        var admin = await app.SignUpAsync(OrganizationKind.Sme);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        return admin;
    }

    [DatabaseFact]
    public async Task The_api_values_each_award_as_unit_price_times_quantity_and_converts_at_the_named_rates()
    {
        var buyer = await ArrangeAsync();
        var admin = await AdminAsync();

        var stats = await Expect.JsonAsync(await admin.Client.GetAsync($"/api/statistics/outcomes?buyer={buyer.Me.OrgId}"), HttpStatusCode.OK);
        var basis = stats.GetProperty("valueBasis");
        Assert.Equal("EUR", basis.GetProperty("currency").GetString());
        Assert.Equal("2026-11-30", basis.GetProperty("ratesDate").GetString());
        Assert.Contains("the lot's quantity for a lot award", basis.GetProperty("quantity").GetString());

        var row = Assert.Single(stats.GetProperty("buyers").EnumerateArray());
        Assert.Equal(5, row.GetProperty("awards").GetInt32());
        var perCurrency = row.GetProperty("valueByCurrency").EnumerateArray()
            .Select(v => (v.GetProperty("currency").GetString(), v.GetProperty("awarded").GetDecimal(), v.GetProperty("toSmes").GetDecimal())).ToList();
        Assert.Equal([("EUR", 21000m, 21000m), ("GBP", 1000m, 1000m), ("JPY", 800000m, 800000m), ("USD", 2500m, 0m)], perCurrency);

        var value = row.GetProperty("contractValue");
        Assert.Equal("EUR", value.GetProperty("currency").GetString());
        Assert.Equal("2026-11-30", value.GetProperty("ratesDate").GetString());
        Assert.Equal(28050.00m, value.GetProperty("awarded").GetDecimal());   // 21,000 + 2,250 + 4,800
        Assert.Equal(25800.00m, value.GetProperty("toSmes").GetDecimal());    // 21,000 + 4,800
        Assert.Equal(0.9198, value.GetProperty("smeShare").GetDouble());      // 25,800 / 28,050
        var apart = Assert.Single(value.GetProperty("withoutRate").EnumerateArray());
        Assert.Equal("GBP", apart.GetProperty("currency").GetString());
        Assert.Equal(1000m, apart.GetProperty("awarded").GetDecimal());
        Assert.Equal(1, row.GetProperty("awardsWithoutValue").GetInt32());
    }

    [DatabaseFact]
    public async Task The_statistics_page_shows_the_converted_total_with_its_rate_date_and_the_unconverted_amounts_apart()
    {
        var buyer = await ArrangeAsync();
        var admin = await AdminAsync();

        var html = WebUtility.HtmlDecode(await (await admin.Client.GetAsync($"/Awards/Statistics?buyer={buyer.Me.OrgId}")).Content.ReadAsStringAsync());
        var basis = Html.All(html, "#value-basis").Single().TextContent;
        Assert.Contains("Contract value = unit price × quantity", basis);
        Assert.Contains("Totals in EUR at the exchange rates of", basis);
        Assert.Contains("2026", basis);
        var cell = Html.All(html, $"#buyer-{buyer.Me.OrgId} .contract-value").Single();
        Assert.Contains("92% of", cell.QuerySelector(".converted")!.TextContent);
        Assert.Contains("28,050.00", cell.QuerySelector(".converted")!.TextContent);
        Assert.Contains("(no rate: not in the total)", cell.QuerySelector(".without-rate")!.TextContent);
        Assert.Contains("1,000.00", cell.QuerySelector(".without-rate")!.TextContent);
        Assert.Equal(3, cell.QuerySelectorAll(".per-currency").Length);
        Assert.Contains("1 award without a price or quantity", cell.TextContent);
    }
}

public sealed class SqliteAppWithRates() : SqliteApp(ContractValueTests.Rates);

public sealed class PostgresAppWithRates() : PostgresApp(ContractValueTests.Rates);

public sealed class ContractValueTestsOnSqlite(SqliteAppWithRates app) : ContractValueTests(app), IClassFixture<SqliteAppWithRates>;

public sealed class ContractValueTestsOnPostgres(PostgresAppWithRates app) : ContractValueTests(app), IClassFixture<PostgresAppWithRates>, IUsesPostgres;
