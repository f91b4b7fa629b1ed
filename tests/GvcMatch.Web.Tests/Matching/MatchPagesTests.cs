using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Matching;

/// <summary>The pages show the same ranking and explanations as the API, to the right people only.</summary>
[Collection(SharedApps.SqliteB)]
public sealed class MatchPagesTests(SqliteApp app)
{
    [Fact]
    public async Task TheBuyerSeesRankedSuppliersWithAScoreBarEach()
    {
        var data = await BuiltDataSet.ForAsync(app);
        var id = data.Requirements["R1"];
        var api = await Expect.JsonAsync(await data.Buyer.Client.GetAsync($"/api/requirements/{id}/matches"), HttpStatusCode.OK);
        var names = api.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToList();
        Assert.NotEmpty(names);

        var page = await data.Buyer.Client.GetAsync($"/Requirements/{id}/Matches");
        await Expect.StatusAsync(page, HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        // Same order as the API, one score bar per supplier.
        var positions = names.Select(n => html.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.Equal(names.Count, html.Split("class=\"score-bar\"").Length - 1);
    }

    [Fact]
    public async Task AnotherOrganisationCannotOpenTheBuyersMatchesPage()
    {
        var data = await BuiltDataSet.ForAsync(app);
        var other = await app.SignUpAsync(OrganizationKind.Mne);
        var response = await other.Client.GetAsync($"/Requirements/{data.Requirements["R1"]}/Matches");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("class=\"score-bar\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnSmeSeesItsOwnScoreAndWhatIsMissingOnTheRequirementPage()
    {
        var data = await BuiltDataSet.ForAsync(app);
        var id = data.Requirements["R1"];
        var sme = data.Smes["S3"];
        var mine = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/requirements/{id}/my-score"), HttpStatusCode.OK);

        var html = WebUtility.HtmlDecode(await (await sme.Client.GetAsync($"/Requirements/{id}")).Content.ReadAsStringAsync());
        Assert.Contains("Your score on this requirement", html);
        Assert.Contains(mine.GetProperty("headline").GetString()!, html);
        Assert.DoesNotContain("/Matches\"", html);
    }
}
