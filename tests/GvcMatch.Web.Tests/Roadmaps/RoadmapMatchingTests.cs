using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Awards;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using static GvcMatch.Web.Tests.Roadmaps.RoadmapKit;

namespace GvcMatch.Web.Tests.Roadmaps;

/// <summary>Items are matched to suppliers as requirements are: the SME sees the items it fits with the explanation and a gap plan; the buyer sees the suppliers that fit.</summary>
public abstract class RoadmapMatchingTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task AnSmeSeesTheItemsItFitsWithItsScoreExplanationAndGapPlan()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync();
        var item = await buyer.PublishedItemAsync(Item(app.ClockToday(), title: $"Fitting housings {Guid.NewGuid():N}"));
        var draft = await buyer.DraftAsync(Item(app.ClockToday()));

        var fits = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/roadmap-fits?top=100"), HttpStatusCode.OK);
        var ids = fits.EnumerateArray().Select(f => f.GetProperty("item").GetProperty("id").GetInt32()).ToList();
        Assert.DoesNotContain(draft, ids);
        var fit = fits.EnumerateArray().Single(f => f.GetProperty("item").GetProperty("id").GetInt32() == item);
        var criteria = fit.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(3, criteria.Count);
        // ISO 9001 held: 30 of 30. Lead time 21 days against 14: (1 − 7/14) × 40 = 20.
        Assert.Equal(30, criteria[1].GetProperty("points").GetDouble());
        Assert.Equal(20, criteria[2].GetProperty("points").GetDouble());
        Assert.False(string.IsNullOrEmpty(criteria[2].GetProperty("evidence").GetString()));

        var plan = await Expect.JsonAsync(await sme.Client.GetAsync(fit.GetProperty("gapPlan").GetString()), HttpStatusCode.OK);
        Assert.Equal("roadmap-item", plan.GetProperty("subject").GetString());
        var leadTime = plan.GetProperty("gaps").EnumerateArray().Single(g => g.GetProperty("index").GetInt32() == 2);
        Assert.Equal(20, leadTime.GetProperty("gain").GetDouble());

        // The plan is the SME's own: another organisation may not read it.
        var other = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.StatusAsync(await other.Client.GetAsync(fit.GetProperty("gapPlan").GetString()), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await buyer.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/roadmap-fits"), HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task TheBuyerSeesTheSuppliersThatFitEachItemRankedWithTheExplanation()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync();
        await sme.PublishProfileAsync();
        await app.WaitForIndexAsync();
        var item = await buyer.PublishedItemAsync(Item(app.ClockToday()));

        var suppliers = await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/roadmap-items/{item}/suppliers?top=100"), HttpStatusCode.OK);
        var mine = suppliers.EnumerateArray().Single(s => s.GetProperty("organizationId").GetInt32() == sme.Me.OrgId);
        Assert.Equal(3, mine.GetProperty("criteria").GetArrayLength());
        Assert.True(mine.GetProperty("total").GetDouble() >= 50);
        await Expect.ValidationErrorAsync(await buyer.Client.GetAsync($"/api/roadmap-items/{item}/suppliers?top=0"), "top");
    }
}

public sealed class RoadmapMatchingTestsOnSqlite(SqliteApp app) : RoadmapMatchingTests(app), IClassFixture<SqliteApp>;

public sealed class RoadmapMatchingTestsOnPostgres(PostgresApp app) : RoadmapMatchingTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
