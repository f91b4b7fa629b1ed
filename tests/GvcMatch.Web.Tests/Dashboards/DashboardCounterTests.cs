using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;

namespace GvcMatch.Web.Tests.Dashboards;

/// <summary>Match appearances and profile views, recorded by the pages and APIs people use and read back from the SME's dashboard.</summary>
public abstract class DashboardCounterTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task ASupplierInARequirementsTopMatchesCountsOncePerRequirementPerDay()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile());
        await sme.PublishProfileAsync();
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await buyer.PublishNewRequirementAsync(Samples.Requirement());
        await app.WaitForIndexAsync();

        // The API twice and the page once on one day: one appearance.
        var matches = await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/requirements/{requirement}/matches"), HttpStatusCode.OK);
        Assert.Contains(sme.Me.OrgId, matches.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("organizationId").GetInt32()));
        await Expect.StatusAsync(await buyer.Client.GetAsync($"/api/requirements/{requirement}/matches"), HttpStatusCode.OK);
        await Expect.StatusAsync(await buyer.Client.GetAsync($"/Requirements/{requirement}/Matches"), HttpStatusCode.OK);
        await app.FlushCountersAsync();
        var weeks = (await sme.SupplierDashboardAsync()).Counts("appearances");
        Assert.Equal(12, weeks.Count);
        Assert.Equal(1, weeks[^1]);

        // The next day counts again.
        app.Clock.Advance(TimeSpan.FromDays(1));
        try
        {
            await Expect.StatusAsync(await buyer.Client.GetAsync($"/api/requirements/{requirement}/matches"), HttpStatusCode.OK);
            await app.FlushCountersAsync();
            Assert.Equal(2, (await sme.SupplierDashboardAsync()).Counts("appearances").Sum());
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-1));
        }
    }

    [DatabaseFact]
    public async Task ProfileViewsCountOtherOrganisationsOncePerDayAndNeverTheSuppliersOwn()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile());
        await sme.PublishProfileAsync();
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var rival = await app.SignUpAsync(OrganizationKind.Sme);
        var page = $"/Suppliers/{sme.Me.OrgId}";

        for (var i = 0; i < 3; i++)
        {
            await Expect.StatusAsync(await sme.Client.GetAsync(page), HttpStatusCode.OK);
            await Expect.StatusAsync(await buyer.Client.GetAsync(page), HttpStatusCode.OK);
        }
        await Expect.StatusAsync(await rival.Client.GetAsync(page), HttpStatusCode.OK);
        await Expect.StatusAsync(await app.CreateClient().GetAsync(page), HttpStatusCode.OK);
        await app.FlushCountersAsync();

        // The buyer once, the rival once; the SME's own views and the anonymous visitor not at all.
        var dashboard = await sme.SupplierDashboardAsync();
        Assert.Equal(2, dashboard.Counts("profileViews")[^1]);
        Assert.Equal(0, (await rival.SupplierDashboardAsync()).Counts("profileViews").Sum());
    }

    [DatabaseFact]
    public async Task AnotherOrganisationNeverSeesTheCounters()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var rival = await app.SignUpAsync(OrganizationKind.Sme);
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var supplierPath = $"/api/dashboard/suppliers/{sme.Me.OrgId}";
        var buyerPath = $"/api/dashboard/buyers/{buyer.Me.OrgId}";

        await Expect.ProblemAsync(await rival.Client.GetAsync(supplierPath), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await buyer.Client.GetAsync(supplierPath), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await sme.Client.GetAsync(buyerPath), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await buyer.Client.GetAsync($"/api/dashboard/buyers/{sme.Me.OrgId}"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await sme.Client.GetAsync($"/api/dashboard/buyers/{sme.Me.OrgId}"), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await app.CreateClient().GetAsync(supplierPath), HttpStatusCode.Unauthorized);
        await Expect.ProblemAsync(await sme.Client.GetAsync("/api/dashboard/figures"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.Client.GetAsync("/Admin/Figures")).StatusCode);

        await Expect.StatusAsync(await sme.Client.GetAsync(supplierPath), HttpStatusCode.OK);
        await Expect.StatusAsync(await buyer.Client.GetAsync(buyerPath), HttpStatusCode.OK);
        // The rival's dashboard page shows its own charts, none of the SME's.
        var rivalPage = Html.Parse(await rival.Client.GetStringAsync("/Account/Dashboard"));
        Assert.NotNull(rivalPage.QuerySelector("#supplier-charts"));
        Assert.Null(rivalPage.QuerySelector("#buyer-charts"));
    }
}

public sealed class DashboardCounterTestsOnSqlite(SqliteApp app) : DashboardCounterTests(app), IClassFixture<SqliteApp>;

public sealed class DashboardCounterTestsOnPostgres(PostgresApp app) : DashboardCounterTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
