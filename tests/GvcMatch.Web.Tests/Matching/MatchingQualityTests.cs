using System.Net;
using System.Text.Json;
using GvcMatch.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GvcMatch.Web.Tests.Matching;

/// <summary>The matcher over the labelled data set: hard rules hold, totals add up, and the ranking agrees with the labels.</summary>
public abstract class MatchingQualityTests(GvcMatchApp app, ITestOutputHelper output)
{
    /// <summary>
    /// Mean nDCG@10 over the four requirements. Measured at 0.987 on SQLite and PostgreSQL when
    /// the test was written (R2 scores 0.947: S7, labelled marginal, fails its capacity minimum
    /// and is rightly left out). Set a little below that, so a tie broken differently still
    /// passes while a real ranking regression (a marginal supplier above an obvious fit) does not.
    /// </summary>
    private const double MinimumMeanNdcgAt10 = 0.95;

    [DatabaseFact]
    public async Task NoMatchEverFailsAMandatoryCriterion()
    {
        var data = await BuiltDataSet.ForAsync(app);
        foreach (var requirement in MatchingDataSet.Requirements)
        {
            var matches = await MatchesAsync(data, requirement.Key, top: 100);
            Assert.NotEmpty(matches);
            foreach (var m in matches)
            {
                var key = data.KeyOf(m.GetProperty("organizationId").GetInt32());
                Assert.DoesNotContain(key, requirement.FailMandatory);
                Assert.True(m.GetProperty("qualified").GetBoolean());
                Assert.All(m.GetProperty("criteria").EnumerateArray().Where(c => c.GetProperty("mandatory").GetBoolean()),
                    c => Assert.True(c.GetProperty("met").GetBoolean(), $"{key} fails '{c.GetProperty("summary")}' on {requirement.Key}"));
            }
        }
    }

    [DatabaseFact]
    public async Task AnExpiredCertificateIsNotHeld()
    {
        var data = await BuiltDataSet.ForAsync(app);
        // S3's ISO 9001 and S8's ISO 13485 lapsed; both are otherwise strong candidates.
        Assert.DoesNotContain(data.Smes["S3"].Me.OrgId, Ids(await MatchesAsync(data, "R1", top: 100)));
        Assert.DoesNotContain(data.Smes["S8"].Me.OrgId, Ids(await MatchesAsync(data, "R2", top: 100)));
        Assert.DoesNotContain(data.Smes["S1"].Me.OrgId, Ids(await MatchesAsync(data, "R4", top: 100)));

        var score = await Expect.JsonAsync(await data.Smes["S3"].Client.GetAsync($"/api/requirements/{data.Requirements["R1"]}/my-score"), HttpStatusCode.OK);
        var certificate = score.GetProperty("criteria")[0];
        Assert.False(certificate.GetProperty("met").GetBoolean());
        Assert.Contains("expired", certificate.GetProperty("evidence").GetString());
    }

    [DatabaseFact]
    public async Task EachTotalIsTheSumOfItsCriteriaPointsAndSubScoresAreBetweenZeroAndOne()
    {
        var data = await BuiltDataSet.ForAsync(app);
        foreach (var requirement in MatchingDataSet.Requirements)
        {
            foreach (var m in await MatchesAsync(data, requirement.Key, top: 100))
            {
                var criteria = m.GetProperty("criteria").EnumerateArray().ToList();
                Assert.Equal(requirement.Criteria.Count, criteria.Count);
                foreach (var c in criteria)
                {
                    var score = c.GetProperty("score").GetDouble();
                    Assert.InRange(score, 0, 1);
                    Assert.Equal(c.GetProperty("weight").GetInt32() * score, c.GetProperty("points").GetDouble(), 2);
                }
                // Points are rounded one by one, the total once: allow the rounding of each term.
                Assert.Equal(criteria.Sum(c => c.GetProperty("points").GetDouble()), m.GetProperty("total").GetDouble(), 0.005 * criteria.Count + 1e-9);
            }
        }
    }

    [DatabaseFact]
    public async Task TheRankingAgreesWithTheLabels()
    {
        var data = await BuiltDataSet.ForAsync(app);
        var scores = new List<double>();
        foreach (var requirement in MatchingDataSet.Requirements)
        {
            var ranked = Ids(await MatchesAsync(data, requirement.Key, top: 10)).Select(data.KeyOf).ToList();
            var labels = MatchingDataSet.Smes.ToDictionary(s => s.Key, s => s.Label(requirement.Key));
            var ndcg = Ndcg.At(10, ranked.Select(k => labels[k]).ToList(), labels.Values.ToList());
            output.WriteLine($"{requirement.Key}: nDCG@10 = {ndcg:0.000} for [{string.Join(", ", ranked)}]");
            scores.Add(ndcg);
        }
        var mean = scores.Average();
        output.WriteLine($"mean nDCG@10 = {mean:0.000}");
        Assert.True(mean >= MinimumMeanNdcgAt10, $"Mean nDCG@10 {mean:0.000} is below {MinimumMeanNdcgAt10}.");
    }

    [DatabaseFact]
    public async Task DiversifyingKeepsOneCountryToAThirdOfTheFirstPage()
    {
        var data = await BuiltDataSet.ForAsync(app);
        foreach (var requirement in MatchingDataSet.Requirements)
        {
            var all = await MatchesAsync(data, requirement.Key, top: 100);
            foreach (var top in new[] { 3, 4, 6 })
            {
                var page = await MatchesAsync(data, requirement.Key, top, diversify: true);
                Assert.Equal(Math.Min(top, all.Count), page.Count);
                Assert.Equal(Ids(all).Order(), Ids(await MatchesAsync(data, requirement.Key, 100, diversify: true)).Order());
                var cap = Math.Max(2, top / 3);
                foreach (var group in page.GroupBy(Country).Where(g => g.Count() > cap))
                {
                    // Over the cap only when no other country had anyone left to offer.
                    var othersLeft = all.Count(m => Country(m) != group.Key) - page.Count(m => Country(m) != group.Key);
                    Assert.True(othersLeft == 0, $"{requirement.Key} top {top}: {group.Count()} from {group.Key} while {othersLeft} others wait.");
                }
            }
        }

        // R1's first three without diversifying are two Germans and a Czech ahead of a third German;
        // with two places per country on a page of three, the third German never takes a Czech's place.
        var plain = await MatchesAsync(data, "R1", 100);
        Assert.Equal(3, plain.Count(m => Country(m) == "DE"));
        var diversified = await MatchesAsync(data, "R1", 3, diversify: true);
        Assert.Equal(2, diversified.Count(m => Country(m) == "DE"));
        Assert.Equal(3, diversified.Count);
    }

    [DatabaseFact]
    public async Task MyScoreEqualsTheSmesRowInTheBuyersMatches()
    {
        var data = await BuiltDataSet.ForAsync(app);
        foreach (var (sme, requirement) in new[] { ("S4", "R1"), ("S4", "R4"), ("S6", "R2"), ("S10", "R3") })
        {
            var row = (await MatchesAsync(data, requirement, top: 100)).Single(m => m.GetProperty("organizationId").GetInt32() == data.Smes[sme].Me.OrgId);
            var mine = await Expect.JsonAsync(await data.Smes[sme].Client.GetAsync($"/api/requirements/{data.Requirements[requirement]}/my-score"), HttpStatusCode.OK);
            Assert.Equal(row.GetProperty("total").GetDouble(), mine.GetProperty("total").GetDouble());
            Assert.Equal(row.GetProperty("headline").GetString(), mine.GetProperty("headline").GetString());
            Assert.Equal(row.GetProperty("criteria").GetRawText(), mine.GetProperty("criteria").GetRawText());
        }
    }

    [DatabaseFact]
    public async Task RecommendedRequirementsListWhatTheSmeQualifiesForFirst()
    {
        var data = await BuiltDataSet.ForAsync(app);
        var s4 = data.Smes["S4"];
        var list = (await Expect.JsonAsync(await s4.Client.GetAsync($"/api/organizations/{s4.Me.OrgId}/recommended-requirements"), HttpStatusCode.OK))
            .EnumerateArray().ToList();
        var qualified = list.Select(r => r.GetProperty("qualified").GetBoolean()).ToList();
        Assert.Equal(qualified.OrderByDescending(q => q), qualified);

        var byId = list.ToDictionary(r => r.GetProperty("requirementId").GetInt32());
        Assert.True(byId[data.Requirements["R1"]].GetProperty("qualified").GetBoolean());
        Assert.True(byId[data.Requirements["R4"]].GetProperty("qualified").GetBoolean());
        Assert.False(byId[data.Requirements["R3"]].GetProperty("qualified").GetBoolean());
        Assert.Equal("Meets all 3 criteria", byId[data.Requirements["R1"]].GetProperty("headline").GetString());
        Assert.Equal("Meets 2 of 4 criteria; missing: Monthly capacity of at least 50000 pieces; Verified supplier",
            byId[data.Requirements["R4"]].GetProperty("headline").GetString());
        Assert.StartsWith("Meets 0 of 4 criteria; missing: Located in VN, TH, MY", byId[data.Requirements["R3"]].GetProperty("headline").GetString());
    }

    [DatabaseFact]
    public async Task SearchFiltersAndCardsCountOnlyValidCertificates()
    {
        var data = await BuiltDataSet.ForAsync(app);
        using var anyone = app.CreateClient();
        var body = await Expect.JsonAsync(await anyone.GetAsync("/api/search/suppliers?certification=ISO%209001&pageSize=100"), HttpStatusCode.OK);
        var found = Search.SearchProbe.Ids(body).Select(data.KeyOf).Order().ToList();
        Assert.Equal(["S1", "S12", "S2", "S4", "S5"], found);

        var s1 = body.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("id").GetInt32() == data.Smes["S1"].Me.OrgId);
        var certificates = s1.GetProperty("card").GetProperty("certifications").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(["ISO 9001"], certificates);
    }

    private static async Task<List<JsonElement>> MatchesAsync(BuiltDataSet data, string requirement, int top, bool diversify = false)
    {
        var url = $"/api/requirements/{data.Requirements[requirement]}/matches?top={top}&diversify={(diversify ? "true" : "false")}";
        var body = await Expect.JsonAsync(await data.Buyer.Client.GetAsync(url), HttpStatusCode.OK);
        return body.GetProperty("matches").EnumerateArray().ToList();
    }

    private static List<int> Ids(IEnumerable<JsonElement> matches) => matches.Select(m => m.GetProperty("organizationId").GetInt32()).ToList();

    private static string Country(JsonElement match) => match.GetProperty("country").GetString()!;
}

public sealed class MatchingQualityTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : MatchingQualityTests(app, output), IClassFixture<SqliteApp>;

public sealed class MatchingQualityTestsOnPostgres(PostgresApp app, ITestOutputHelper output)
    : MatchingQualityTests(app, output), IClassFixture<PostgresApp>, IUsesPostgres;
