using System.Net;
using GvcMatch.Web.Features.Awards;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Awards;
using GvcMatch.Web.Tests.Dependency;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Dashboards;

/// <summary>The win rate, the buyer's pipeline and shares, and the platform figures, against numbers worked out by hand.</summary>
public abstract class DashboardFigureTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task TheWinRateIsTheAwardedBidsOutOfTheBidsDecidedInTheQuarter()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var winner = await app.SignUpAsync(OrganizationKind.Sme);
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        await app.AwardAsync(buyer, sme, "2592", 500);
        var lost = await app.AwardAsync(buyer, winner, "2592", 400);
        await app.SubmitBidAsync(lost, sme, 450);
        // Bid on, not decided yet: not counted.
        await app.SubmitBidAsync(await buyer.PublishNewRequirementAsync(Samples.Requirement("Open work")), sme, 300);

        var quarters = (await sme.SupplierDashboardAsync()).GetProperty("winRate").EnumerateArray().ToList();
        Assert.Equal(4, quarters.Count);
        var now = quarters[^1];
        Assert.Equal(2, now.GetProperty("decided").GetInt32());
        Assert.Equal(1, now.GetProperty("won").GetInt32());
        Assert.Equal(0.5, now.GetProperty("rate").GetDouble());
        Assert.Equal(0, quarters[0].GetProperty("decided").GetInt32());
    }

    [DatabaseFact]
    public async Task TheBuyersPipelinePlacesEachRequirementAtTheFurthestStepItReached()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var large = await app.SignUpAsync(OrganizationKind.Mne);
        await buyer.CreateRequirementAsync(Samples.Requirement("Still a draft"));
        await buyer.PublishNewRequirementAsync(Samples.Requirement("No bid yet"));
        await app.SubmitBidAsync(await buyer.PublishNewRequirementAsync(Samples.Requirement("With a bid")), sme);
        var scored = await app.SubmitBidAsync(await buyer.PublishNewRequirementAsync(Samples.Requirement("Being evaluated")), sme);
        await app.WithDbAsync(async db =>
        {
            db.BidScores.Add(new BidScore { BidId = scored, CriterionIndex = 0, Score = 1, Reason = "Certificate checked.", ScoredAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });
        // 600 to an SME, new; 400 to a large supplier first awarded 400 days ago: 60 % to SMEs, 60 % to new suppliers.
        await app.AwardAsync(buyer, sme, "2592", 600);
        await app.AwardAsync(buyer, large, "2592", 400, daysAgo: 400);

        var dashboard = await buyer.BuyerDashboardAsync();
        var pipeline = dashboard.GetProperty("pipeline").EnumerateArray()
            .ToDictionary(s => s.GetProperty("stage").GetString()!, s => s.GetProperty("requirements").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Published"] = 1, ["Bids"] = 1, ["Evaluated"] = 1, ["Awarded"] = 2 }, pipeline);
        var eur = Assert.Single(dashboard.GetProperty("shares").EnumerateArray());
        Assert.Equal("EUR", eur.GetProperty("currency").GetString());
        Assert.Equal(1000m, eur.GetProperty("awardValue").GetDecimal());
        Assert.Equal(0.6, eur.GetProperty("smeShare").GetDouble());
        Assert.Equal(0.6, eur.GetProperty("newSupplierShare").GetDouble());
    }

    [DatabaseFact]
    public async Task PlatformFiguresCountThisMonthsActivityAndAwardsByCountry()
    {
        var admin = await app.SignUpAsync(OrganizationKind.Mne);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        var before = await Expect.JsonAsync(await admin.Client.GetAsync("/api/dashboard/figures"), HttpStatusCode.OK);

        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var sme = await app.SignUpAsync(OrganizationKind.Sme, country: "KE");
        await app.AwardAsync(buyer, sme, "2592", 100);
        var after = await Expect.JsonAsync(await admin.Client.GetAsync("/api/dashboard/figures"), HttpStatusCode.OK);

        int Month(System.Text.Json.JsonElement figures, string field) => figures.GetProperty("months").EnumerateArray().Last().GetProperty(field).GetInt32();
        int Kenya(System.Text.Json.JsonElement figures) => figures.GetProperty("awardsByCountry").EnumerateArray()
            .Where(c => c.GetProperty("country").GetString() == "KE").Select(c => c.GetProperty("awards").GetInt32()).SingleOrDefault();
        Assert.Equal(12, after.GetProperty("months").GetArrayLength());
        Assert.Equal(2, Month(after, "organizations") - Month(before, "organizations"));
        Assert.Equal(1, Month(after, "requirementsPublished") - Month(before, "requirementsPublished"));
        Assert.Equal(1, Month(after, "awards") - Month(before, "awards"));
        Assert.Equal(1, Kenya(after) - Kenya(before));

        var page = Html.Parse(await admin.Client.GetStringAsync("/Admin/Figures"));
        Assert.Equal(12, page.QuerySelectorAll("#chart-awards rect.chart-bar").Length);
        Assert.NotNull(page.QuerySelector("#chart-awards-by-country"));
    }
}

public sealed class DashboardFigureTestsOnSqlite(SqliteApp app) : DashboardFigureTests(app), IClassFixture<SqliteApp>;

public sealed class DashboardFigureTestsOnPostgres(PostgresApp app) : DashboardFigureTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
