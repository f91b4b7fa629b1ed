using System.Net;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Awards;

/// <summary>The evaluation page warns before a score resting on a verified fact is lowered, and asks why.</summary>
public sealed partial class AwardPagesTests
{
    [Fact]
    public async Task The_evaluation_page_warns_before_a_verified_fact_is_set_aside_and_the_debrief_shows_why()
    {
        var s = await VerifiedFactOverrideTests.ArrangeAsync(app);
        using var browser = await BrowserAsync(s.Buyer);
        var page = $"/Awards/Evaluation/{s.Requirement}";

        var html = WebUtility.HtmlDecode(await (await browser.GetAsync(page)).Content.ReadAsStringAsync());
        var warning = Html.All(html, $"#verified-warning-{s.CheckedBid}-0").Single();
        Assert.Contains("The computed score 1 rests on a verified certificate.", warning.TextContent);
        var field = Html.All(html, $"#override-{s.CheckedBid}-0").Single();
        Assert.Equal($"score-{s.CheckedBid}-0", field.GetAttribute("form"));
        Assert.Equal("overrideReason", field.GetAttribute("name"));
        Assert.Single(Html.All(html, $"label[for=override-{s.CheckedBid}-0]"));
        Assert.Empty(Html.All(html, $"#verified-warning-{s.DeclaredBid}-0"));

        var refused = await SubmitAsync(browser, page, "Score", new() { ["bidId"] = $"{s.CheckedBid}", ["criterionIndex"] = "0", ["score"] = "0", ["reason"] = "Not met." });
        Assert.Contains("rests on a verified certificate: say why you set it aside", refused);
        Assert.Equal(1, AwardKit.ScoreOf(AwardKit.BidRow(await s.Buyer.EvaluationAsync(s.Requirement), s.CheckedBid), 0).GetProperty("score").GetDouble());

        var saved = await SubmitAsync(browser, page, "Score", new()
        {
            ["bidId"] = $"{s.CheckedBid}", ["criterionIndex"] = "0", ["score"] = "0", ["reason"] = "Not met.",
            ["overrideReason"] = "The issuer withdrew the certificate on 1 December.",
        });
        var note = Html.All(saved, $"#score-row-{s.CheckedBid}-0 .override-note").Single().TextContent;
        Assert.Contains("Computed 1 from a verified certificate; the buyer set it aside:", note);
        Assert.Contains("The issuer withdrew the certificate on 1 December.", note);

        await s.Buyer.CompleteScoresAsync(s.Requirement, s.DeclaredBid);
        await Expect.StatusAsync(await s.Buyer.Client.AwardAsync(s.Requirement, s.DeclaredBid), HttpStatusCode.OK);
        using var bidder = await BrowserAsync(s.Checked);
        var debrief = WebUtility.HtmlDecode(await (await bidder.GetAsync($"/Awards/Debrief/{s.CheckedBid}")).Content.ReadAsStringAsync());
        Assert.Contains("The issuer withdrew the certificate on 1 December.", Html.All(debrief, ".override-note").Single().TextContent);
    }
}
