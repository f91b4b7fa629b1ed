using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Dependency;

/// <summary>An SME's revenue shares derived from its awards, the warning above 30 % and other buyers' requirements; the SME's alone.</summary>
public abstract class RevenueSharesTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task OneCustomerAboveThirtyPercentWarnsOnTheDashboardWithOtherBuyersRequirements()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile() with { IsicCodes = ["2592"] });
        var main = await app.SignUpAsync(OrganizationKind.Mne);
        var other = await app.SignUpAsync(OrganizationKind.Mne);
        var mainRequirement = await app.AwardAsync(main, sme, "2592", 7000);
        var otherRequirement = await app.AwardAsync(other, sme, "2592", 3000);

        // 7,000 of 10,000: 0.7 from one buyer, above 0.3.
        var shares = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/revenue-shares"), HttpStatusCode.OK);
        Assert.Equal(0.3, shares.GetProperty("threshold").GetDouble());
        Assert.Equal([0.7, 0.3], shares.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("share").GetDouble()));
        Assert.Equal(main.Me.OrgId, shares.GetProperty("aboveThreshold").GetProperty("buyerId").GetInt32());

        // The alternatives come from the index, which the requirements reach in the background.
        var alternatives = new List<int>();
        for (var i = 0; i < 100 && !alternatives.Contains(otherRequirement); i++)
        {
            await Task.Delay(100);
            shares = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/revenue-shares"), HttpStatusCode.OK);
            alternatives = shares.GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("requirementId").GetInt32()).ToList();
        }
        Assert.Contains(otherRequirement, alternatives);
        Assert.DoesNotContain(mainRequirement, alternatives);

        var dashboard = Html.Parse(await sme.Client.GetStringAsync("/Account/Dashboard"));
        Assert.Contains(main.Me.OrganizationName!, dashboard.QuerySelector("#dependency-warning")!.TextContent);
        Assert.NotNull(dashboard.QuerySelector($"#diversification a[href='/Requirements/{otherRequirement}']"));
    }

    [DatabaseFact]
    public async Task RevenueSharesArePrivateToTheSme()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var rival = await app.SignUpAsync(OrganizationKind.Sme);
        await app.AwardAsync(buyer, sme, "2592", 100);
        var path = $"/api/organizations/{sme.Me.OrgId}/revenue-shares";
        await Expect.ProblemAsync(await buyer.Client.GetAsync(path), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await rival.Client.GetAsync(path), HttpStatusCode.Forbidden);
        Assert.Null(Html.Parse(await buyer.Client.GetStringAsync("/Account/Dashboard")).QuerySelector("#dependency-warning"));
        await Expect.StatusAsync(await sme.Client.GetAsync(path), HttpStatusCode.OK);
    }
}

public sealed class RevenueSharesTestsOnSqlite(SqliteApp app) : RevenueSharesTests(app), IClassFixture<SqliteApp>;

public sealed class RevenueSharesTestsOnPostgres(PostgresApp app) : RevenueSharesTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
