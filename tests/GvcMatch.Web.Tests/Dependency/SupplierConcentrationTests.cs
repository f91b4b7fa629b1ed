using System.Net;
using System.Text.Json;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Dependency;

/// <summary>A buyer's supplier concentration per category, against values computed by hand; the buyer's alone.</summary>
public abstract class SupplierConcentrationTests(GvcMatchApp app)
{
    private Task<int> AwardAsync(Member buyer, Member supplier, string isic, decimal price, int daysAgo = 0) =>
        app.AwardAsync(buyer, supplier, isic, price, daysAgo);

    [DatabaseFact]
    public async Task TheHerfindahlIndexSmeShareAndNewSuppliersMatchHandComputedValues()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var a = await app.SignUpAsync(OrganizationKind.Sme);
        var b = await app.SignUpAsync(OrganizationKind.Sme);
        var large = await app.SignUpAsync(OrganizationKind.Mne);
        await AwardAsync(buyer, a, "2592", 6000);
        await AwardAsync(buyer, b, "2592", 3000);
        await AwardAsync(buyer, large, "2592", 1000, daysAgo: 400);
        await AwardAsync(buyer, b, "1071", 500);

        var list = (await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/organizations/{buyer.Me.OrgId}/supplier-concentration"), HttpStatusCode.OK))
            .EnumerateArray().ToDictionary(c => c.GetProperty("category").GetString()!);
        // Shares 60 %, 30 %, 10 %: HHI = 60² + 30² + 10² = 4,600; SMEs hold 90 %; two of three suppliers are new.
        var machining = list["2592"];
        Assert.Equal(10000m, machining.GetProperty("awardValue").GetDecimal());
        Assert.Equal(3, machining.GetProperty("suppliers").GetInt32());
        Assert.Equal(4600, machining.GetProperty("hhi").GetDouble());
        Assert.Equal(0.6, machining.GetProperty("topSupplierShare").GetDouble());
        Assert.Equal(0.9, machining.GetProperty("smeShare").GetDouble());
        Assert.Equal(0.6667, machining.GetProperty("newSupplierShare").GetDouble());
        Assert.True(machining.GetProperty("dependsOnOneSupplier").GetBoolean());
        // One supplier alone: HHI 10,000.
        Assert.Equal(10000, list["1071"].GetProperty("hhi").GetDouble());
        Assert.Equal(2, list.Count);
    }

    [DatabaseFact]
    public async Task OnlyTheBuyersMembersReadItsConcentration()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var supplier = await app.SignUpAsync(OrganizationKind.Sme);
        var rival = await app.SignUpAsync(OrganizationKind.Mne);
        await AwardAsync(buyer, supplier, "2592", 100);
        var path = $"/api/organizations/{buyer.Me.OrgId}/supplier-concentration";
        await Expect.ProblemAsync(await supplier.Client.GetAsync(path), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await rival.Client.GetAsync(path), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await app.CreateClient().GetAsync(path), HttpStatusCode.Unauthorized);
        await Expect.ProblemAsync(await supplier.Client.GetAsync($"/api/organizations/{supplier.Me.OrgId}/supplier-concentration"), HttpStatusCode.Forbidden);
        Assert.Equal(JsonValueKind.Array, (await Expect.JsonAsync(await buyer.Client.GetAsync(path), HttpStatusCode.OK)).ValueKind);
    }
}

[Collection(SharedApps.SqliteC)]
public sealed class SupplierConcentrationTestsOnSqlite(SqliteApp app) : SupplierConcentrationTests(app);

[Collection(SharedApps.PostgresC)]
public sealed class SupplierConcentrationTestsOnPostgres(PostgresApp app) : SupplierConcentrationTests(app), IUsesPostgres;
