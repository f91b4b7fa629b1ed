using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Offers;

namespace GvcMatch.Web.Tests.Dependency;

/// <summary>Accepted offers counted beside awards, and the buyer's concentration page with its bars, numbers and warning.</summary>
public abstract class ConcentrationPageTests(GvcMatchApp app)
{
    /// <summary>An SME in <paramref name="isic"/> whose offer of 12,000 pieces at <paramref name="price"/> EUR the buyer accepted in a direct conversation.</summary>
    private async Task<Member> AgreedAsync(Member buyer, decimal price, string isic = "2592")
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile() with { IsicCodes = [isic] });
        var offer = await sme.ProposeAsync(await app.StartConversationAsync(sme, buyer), OfferKit.Terms(app, price));
        await Expect.StatusAsync(await buyer.DecideAsync(offer.Id, "accept"), HttpStatusCode.OK);
        return sme;
    }

    [DatabaseFact]
    public async Task AnAcceptedOfferCountsBesideTheAwardsInTheSupplierProfilesCategory()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var awarded = await app.SignUpAsync(OrganizationKind.Sme);
        await app.AwardAsync(buyer, awarded, "2592", 6000);
        var agreed = await AgreedAsync(buyer, 0.25m);

        var category = Assert.Single((await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/organizations/{buyer.Me.OrgId}/supplier-concentration"), HttpStatusCode.OK))
            .EnumerateArray());
        // 6,000 awarded and 0.25 × 12,000 = 3,000 agreed: shares 2/3 and 1/3, HHI 66.67² + 33.33² = 5,555.6.
        Assert.Equal("2592", category.GetProperty("category").GetString());
        Assert.Equal(6000m, category.GetProperty("awardValue").GetDecimal());
        Assert.Equal(3000m, category.GetProperty("offerValue").GetDecimal());
        Assert.Equal(9000m, category.GetProperty("value").GetDecimal());
        Assert.Equal(2, category.GetProperty("suppliers").GetInt32());
        Assert.Equal(5555.6, category.GetProperty("hhi").GetDouble());
        Assert.Equal(0.6667, category.GetProperty("topSupplierShare").GetDouble());
        Assert.Equal(awarded.Me.OrgId, category.GetProperty("topSupplierId").GetInt32());
        Assert.Equal(1.0, category.GetProperty("newSupplierShare").GetDouble());
        Assert.True(category.GetProperty("dependsOnOneSupplier").GetBoolean());
        Assert.NotEqual(agreed.Me.OrgId, category.GetProperty("topSupplierId").GetInt32());
    }

    [DatabaseFact]
    public async Task TheBuyersPageDrawsEachCategoryWithItsNumbersAndTheWarning()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var a = await app.SignUpAsync(OrganizationKind.Sme);
        var b = await app.SignUpAsync(OrganizationKind.Sme);
        var c = await app.SignUpAsync(OrganizationKind.Sme);
        var d = await app.SignUpAsync(OrganizationKind.Sme);
        await app.AwardAsync(buyer, a, "2592", 8000);
        await app.AwardAsync(buyer, b, "2592", 2000);
        // Four equal suppliers: HHI 4 × 25² = 2,500 and no warning.
        foreach (var s in new[] { a, b, c, d }) await app.AwardAsync(buyer, s, "1071", 100);

        var page = Html.Parse(await buyer.Client.GetStringAsync("/Account/Concentration"));
        var machining = page.QuerySelector(".category[data-category='2592']")!;
        Assert.Equal("6,800", machining.QuerySelector("[data-figure='hhi']")!.TextContent.Trim());
        Assert.Contains("80.0 %", machining.QuerySelector("[data-figure^='top-']")!.TextContent);
        Assert.Contains("100.0 %", machining.QuerySelector("[data-figure^='sme-']")!.TextContent);
        Assert.Equal("80", machining.QuerySelector(".progress[role=progressbar]")!.GetAttribute("aria-valuenow"));
        Assert.Contains(a.Me.OrganizationName!, machining.QuerySelector(".depends-on-one")!.TextContent);
        var food = page.QuerySelector(".category[data-category='1071']")!;
        Assert.Equal("2,500", food.QuerySelector("[data-figure='hhi']")!.TextContent.Trim());
        Assert.Null(food.QuerySelector(".depends-on-one"));

        var dashboard = Html.Parse(await buyer.Client.GetStringAsync("/Account/Dashboard"));
        Assert.Contains("1 of your 2 categories", dashboard.QuerySelector("#concentration-summary")!.TextContent);
    }

    [DatabaseFact]
    public async Task OnlyBuyersOpenTheConcentrationPage()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        await Expect.StatusAsync(await sme.Client.GetAsync("/Account/Concentration"), HttpStatusCode.Forbidden);
        Assert.Null(Html.Parse(await sme.Client.GetStringAsync("/Account/Dashboard")).QuerySelector("#concentration-summary"));
        Assert.NotNull(Html.Parse(await buyer.Client.GetStringAsync("/Account/Concentration")).QuerySelector("#no-categories"));
    }
}

[Collection(SharedApps.SqliteC)]
public sealed class ConcentrationPageTestsOnSqlite(SqliteApp app) : ConcentrationPageTests(app);

[Collection(SharedApps.PostgresC)]
public sealed class ConcentrationPageTestsOnPostgres(PostgresApp app) : ConcentrationPageTests(app), IUsesPostgres;
