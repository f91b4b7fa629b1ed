using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Dependency;

/// <summary>Revenue shares an SME declares itself: they replace the derived ones, they are checked, and nobody else reads them.</summary>
public abstract class DeclaredSharesTests(GvcMatchApp app)
{
    private int LastYear => app.Clock.GetUtcNow().Year - 1;

    private static string PathOf(Member sme) => $"/api/organizations/{sme.Me.OrgId}/revenue-shares/declared";

    [DatabaseFact]
    public async Task DeclaredSharesReplaceTheDerivedOnesAndTheWarningSaysSo()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile() with { IsicCodes = ["2592"] });
        var main = await app.SignUpAsync(OrganizationKind.Mne);
        await app.AwardAsync(main, sme, "2592", 9000);
        var derived = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/revenue-shares"), HttpStatusCode.OK);
        Assert.Equal("Derived", derived.GetProperty("source").GetString());
        Assert.Equal(main.Me.OrgId, derived.GetProperty("aboveThreshold").GetProperty("buyerId").GetInt32());

        // Off the platform, a local food group buys most: 45 %; the platform buyer only 20 %.
        await Expect.StatusAsync(await sme.Client.PutJsonAsync(PathOf(sme), new
        {
            customers = new object[]
            {
                new { customerOrganizationId = main.Me.OrgId, year = LastYear, sharePercent = 20 },
                new { customerName = "Kobe Local Foods", year = LastYear, sharePercent = 45 },
                new { customerName = "Older customer", year = LastYear - 1, amount = 1000, currency = "EUR" },
            },
        }), HttpStatusCode.OK);

        var shares = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/revenue-shares"), HttpStatusCode.OK);
        Assert.Equal("Declared", shares.GetProperty("source").GetString());
        Assert.Equal(LastYear, shares.GetProperty("year").GetInt32());
        Assert.Equal([0.45, 0.2], shares.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("share").GetDouble()));
        var above = shares.GetProperty("aboveThreshold");
        Assert.Equal("Kobe Local Foods", above.GetProperty("buyerName").GetString());
        // Off the platform: no organisation id (left out of the JSON, as nulls are).
        Assert.True(!above.TryGetProperty("buyerId", out var buyerId) || buyerId.ValueKind == System.Text.Json.JsonValueKind.Null);
        // The platform customer is named as the platform knows it.
        var declared = await Expect.JsonAsync(await sme.Client.GetAsync(PathOf(sme)), HttpStatusCode.OK);
        Assert.Contains(declared.EnumerateArray(), d => d.GetProperty("customerName").GetString() == main.Me.OrganizationName);

        var dashboard = Html.Parse(await sme.Client.GetStringAsync("/Account/Dashboard"));
        Assert.Contains("Kobe Local Foods", dashboard.QuerySelector("#dependency-warning")!.TextContent);
        Assert.Contains("as you declared it", dashboard.QuerySelector("#dependency-warning")!.TextContent);
        Assert.Contains($"{LastYear}", dashboard.QuerySelector("#share-source")!.TextContent);
    }

    [DatabaseFact]
    public async Task SharesAboveOneHundredPercentAreRefusedNamingTheFieldAndNothingIsStored()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.StatusAsync(await sme.Client.PutJsonAsync(PathOf(sme), new { customers = new[] { new { customerName = "Kept", year = LastYear, sharePercent = 10 } } }), HttpStatusCode.OK);

        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(PathOf(sme), new
        {
            customers = new[] { new { customerName = "A", year = LastYear, sharePercent = 60 }, new { customerName = "B", year = LastYear, sharePercent = 50 } },
        }), "customers[1].sharePercent");
        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(PathOf(sme), new
        {
            customers = new object[] { new { customerName = "A", year = LastYear, sharePercent = 60 }, new { customerName = "B", year = LastYear, amount = 50, currency = "EUR" } },
        }), "customers[1].amount");
        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(PathOf(sme), new { customers = new[] { new { customerName = "", year = LastYear, sharePercent = 5 } } }),
            "customers[0].customerName");
        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(PathOf(sme), new { customers = new[] { new { customerName = "A", year = LastYear, amount = 5, currency = "XXQ" } } }),
            "customers[0].currency");
        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(PathOf(sme), new { customers = (object?)null }), "customers");

        var stored = await Expect.JsonAsync(await sme.Client.GetAsync(PathOf(sme)), HttpStatusCode.OK);
        Assert.Equal(["Kept"], stored.EnumerateArray().Select(d => d.GetProperty("customerName").GetString()));
    }

    [DatabaseFact]
    public async Task TheDashboardFormSavesAndShowsARefusalBesideItsRow()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        await CookieSignIn.SignInAsync(browser, sme.Email, sme.Password);
        var dashboard = await browser.GetStringAsync("/Account/Dashboard");
        Assert.NotNull(Html.Parse(dashboard).QuerySelector("#declared-shares-form"));
        var token = AntiforgeryTokens.FormToken(dashboard);

        var refused = await browser.PostAsync("/Account/RevenueShares", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [AntiforgeryTokens.FormField] = token,
            ["Rows[0].CustomerName"] = "Osaka Trading", ["Rows[0].Year"] = $"{LastYear}", ["Rows[0].SharePercent"] = "70",
            // A spare line left blank between the two: the error still points at the row typed in.
            ["Rows[1].Year"] = $"{LastYear}",
            ["Rows[2].CustomerName"] = "Nagoya Parts", ["Rows[2].Year"] = $"{LastYear}", ["Rows[2].SharePercent"] = "40",
        }));
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("more than 100", page.QuerySelector("[data-error-for='rows[2].sharepercent']")!.TextContent);

        var saved = await browser.PostAsync("/Account/RevenueShares", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [AntiforgeryTokens.FormField] = token,
            ["Rows[0].CustomerName"] = "Osaka Trading", ["Rows[0].Year"] = $"{LastYear}", ["Rows[0].SharePercent"] = "70",
            ["Rows[1].Year"] = $"{LastYear}",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = Assert.Single((await Expect.JsonAsync(await sme.Client.GetAsync(PathOf(sme)), HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(70m, stored.GetProperty("sharePercent").GetDecimal());
        Assert.Equal("Osaka Trading", Html.FieldValue(await browser.GetStringAsync("/Account/Dashboard"), "Rows[0].CustomerName"));
    }

    [DatabaseFact]
    public async Task DeclaredSharesAreNeverShownToBuyersAdminsOrOtherSmes()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync();
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var rival = await app.SignUpAsync(OrganizationKind.Sme);
        var admin = await app.SignUpAsync(OrganizationKind.Intermediary);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        var secret = $"Secret customer {Guid.NewGuid():N}";
        await Expect.StatusAsync(await sme.Client.PutJsonAsync(PathOf(sme), new
        {
            customers = new object[] { new { customerName = secret, year = LastYear, sharePercent = 80 }, new { customerOrganizationId = buyer.Me.OrgId, year = LastYear, sharePercent = 5 } },
        }), HttpStatusCode.OK);

        foreach (var other in new[] { buyer, rival, admin })
        {
            await Expect.ProblemAsync(await other.Client.GetAsync(PathOf(sme)), HttpStatusCode.Forbidden);
            await Expect.ProblemAsync(await other.Client.PutJsonAsync(PathOf(sme), new { customers = Array.Empty<object>() }), HttpStatusCode.Forbidden);
            await Expect.ProblemAsync(await other.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/revenue-shares"), HttpStatusCode.Forbidden);
            Assert.DoesNotContain(secret, await (await other.Client.GetAsync($"/Suppliers/{sme.Me.OrgId}")).Content.ReadAsStringAsync());
            Assert.DoesNotContain(secret, await other.Client.GetStringAsync("/Account/Dashboard"));
        }
        await Expect.StatusAsync(await buyer.Client.GetAsync("/Account/RevenueShares"), HttpStatusCode.Forbidden);
        Assert.Contains(secret, await sme.Client.GetStringAsync("/Account/Dashboard"));
    }
}

public sealed class DeclaredSharesTestsOnSqlite(SqliteApp app) : DeclaredSharesTests(app), IClassFixture<SqliteApp>;

public sealed class DeclaredSharesTestsOnPostgres(PostgresApp app) : DeclaredSharesTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
