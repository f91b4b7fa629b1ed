using System.Net;
using GvcMatch.Web.Features.Awards;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Awards;

/// <summary>Outcome statistics per buyer, for admins and intermediaries only.</summary>
public abstract class StatisticsTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task The_statistics_give_each_buyer_its_decisions_sme_share_and_median_days()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var toSme = await buyer.PublishClosingTodayAsync(app, "Won by an SME");
        var toLarge = await buyer.PublishClosingTodayAsync(app, "Won by a large firm");
        var cancelled = await buyer.PublishClosingTodayAsync(app, "Cancelled");
        var sme = await app.BidderAsync();
        var large = await app.SignUpAsync(OrganizationKind.Mne);
        var smeBid = await app.SubmitBidAsync(toSme, sme, price: 1000);
        var largeBid = await app.SubmitBidAsync(toLarge, large, price: 3000);
        await app.SubmitBidAsync(cancelled, sme, price: 500);
        app.PassDeadline();
        buyer = await app.FreshAsync(buyer);

        await buyer.EvaluationAsync(toSme);
        await Expect.StatusAsync(await buyer.Client.AwardAsync(toSme, smeBid), HttpStatusCode.OK);
        await buyer.CompleteScoresAsync(toLarge, largeBid); // no profile: the buyer scores the certificate by hand
        await Expect.StatusAsync(await buyer.Client.AwardAsync(toLarge, largeBid), HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(2));
        buyer = await app.FreshAsync(buyer);
        await Expect.StatusAsync(await buyer.Client.PostJsonAsync($"/api/requirements/{cancelled}/cancel", new { reason = "Budget cut." }), HttpStatusCode.OK);

        var admin = await app.SignUpAsync(OrganizationKind.Sme);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        var stats = await Expect.JsonAsync(await admin.Client.GetAsync($"/api/statistics/outcomes?buyer={buyer.Me.OrgId}"), HttpStatusCode.OK);
        var row = Assert.Single(stats.GetProperty("buyers").EnumerateArray());
        Assert.Equal(buyer.Me.OrgId, row.GetProperty("buyerOrganizationId").GetInt32());
        Assert.Equal(3, row.GetProperty("requirementsDecided").GetInt32());
        Assert.Equal(1, row.GetProperty("requirementsCancelled").GetInt32());
        Assert.Equal(2, row.GetProperty("awards").GetInt32());
        Assert.Equal(1, row.GetProperty("awardsToSmes").GetInt32());
        Assert.Equal(0.5, row.GetProperty("smeShareByCount").GetDouble());
        var eur = Assert.Single(row.GetProperty("valueByCurrency").EnumerateArray());
        Assert.Equal("EUR", eur.GetProperty("currency").GetString());
        // Contract values: the unit prices 1,000 and 3,000 × the requirements' 5,000 pieces.
        Assert.Equal(20_000_000, eur.GetProperty("awarded").GetDecimal());
        Assert.Equal(5_000_000, eur.GetProperty("toSmes").GetDecimal());
        Assert.Equal(0.25, eur.GetProperty("smeShare").GetDouble());
        // Two decisions about a day after publication, one about three days after: the median is the middle one.
        var days = await app.WithDbAsync(db => db.OutcomeRecords.AsNoTracking().Where(o => o.BuyerOrganizationId == buyer.Me.OrgId)
            .OrderBy(o => o.DaysToDecision).Select(o => o.DaysToDecision).ToListAsync());
        Assert.Equal(3, days.Count);
        Assert.InRange(days[2], days[0] + 1.9, days[0] + 2.1);
        Assert.Equal(days[1], row.GetProperty("medianDaysToDecision").GetDouble());

        // Intermediaries read them too; SMEs and buyers do not.
        var agency = await app.SignUpAsync(OrganizationKind.Intermediary);
        await Expect.StatusAsync(await agency.Client.GetAsync("/api/statistics/outcomes"), HttpStatusCode.OK);
        sme = await app.FreshAsync(sme);
        await Expect.ProblemAsync(await sme.Client.GetAsync("/api/statistics/outcomes"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await buyer.Client.GetAsync("/api/statistics/outcomes"), HttpStatusCode.Forbidden);
        await Expect.ValidationErrorAsync(await admin.Client.GetAsync("/api/statistics/outcomes?buyer=0"), "buyer");
    }
}

public sealed class StatisticsTestsOnSqlite(SqliteApp app) : StatisticsTests(app), IClassFixture<SqliteApp>;

public sealed class StatisticsTestsOnPostgres(PostgresApp app) : StatisticsTests(app), IClassFixture<PostgresApp>, IUsesPostgres;

/// <summary>The complaint period is checked when the app starts, not when the first complaint arrives.</summary>
public sealed class AwardsOptionsTests
{
    [Fact]
    public async Task A_complaint_period_of_zero_days_stops_the_app_at_start()
    {
        var database = TestDatabase.Sqlite();
        try
        {
            await using var app = new GvcMatchApp(database, new Dictionary<string, string> { ["Awards:ComplaintDays"] = "0" });
            var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());
            Assert.Contains("ComplaintDays", failure.ToString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            GvcMatchApp.DeleteFolder(database.DataFolder);
        }
    }
}
