using System.Net;
using System.Text.RegularExpressions;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Awards;

/// <summary>The evaluation, debrief and statistics pages: the same rules as the API, driven through their forms.</summary>
public sealed partial class AwardPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private sealed record Scene(Member Buyer, Member First, Member Second, int Requirement, int FirstBid, int SecondBid);

    /// <summary>Two bids after the deadline; the second cites a certificate its profile lacks, so C1 is left to the buyer.</summary>
    private async Task<Scene> ArrangeAsync()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.PublishClosingTodayAsync(app);
        var first = await app.BidderAsync();
        var second = await app.BidderAsync(iso9001: false);
        var firstBid = await app.SubmitBidAsync(id, first);
        var secondBid = await app.SubmitBidAsync(id, second);
        app.PassDeadline();
        return new Scene(await app.FreshAsync(buyer), await app.FreshAsync(first), await app.FreshAsync(second), id, firstBid, secondBid);
    }

    private async Task<HttpClient> BrowserAsync(Member member)
    {
        var browser = app.CreateClient();
        await CookieSignIn.SignInAsync(browser, member.Email, member.Password);
        return browser;
    }

    /// <summary>GETs the page for its antiforgery token, then posts the form fields; returns the page the redirect leads to.</summary>
    private static async Task<string> SubmitAsync(HttpClient browser, string page, string handler, Dictionary<string, string> fields)
    {
        var html = await (await browser.GetAsync(page)).Content.ReadAsStringAsync();
        fields[AntiforgeryTokens.FormField] = AntiforgeryTokens.FormToken(html);
        var response = await browser.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bid_that_answered_an_earlier_version_of_the_requirement_is_flagged_on_the_evaluation()
    {
        var s = await ArrangeAsync();
        // The first bid was saved again after a change to the requirement; the second was not.
        await app.WithDbAsync(async db =>
        {
            await db.Requirements.Where(r => r.Id == s.Requirement).ExecuteUpdateAsync(u => u.SetProperty(r => r.Version, 2));
            await db.Bids.Where(b => b.Id == s.FirstBid).ExecuteUpdateAsync(u => u.SetProperty(b => b.AnsweredVersion, 2));
        });
        using var browser = await BrowserAsync(s.Buyer);

        var html = WebUtility.HtmlDecode(await (await browser.GetAsync($"/Awards/Evaluation/{s.Requirement}")).Content.ReadAsStringAsync());

        var second = html[html.IndexOf($"id=\"bid-{s.SecondBid}\"", StringComparison.Ordinal)..];
        var first = html[html.IndexOf($"id=\"bid-{s.FirstBid}\"", StringComparison.Ordinal)..];
        Assert.Contains("Answered version 1 of 2", second[..second.IndexOf("score-bar", StringComparison.Ordinal)]);
        Assert.DoesNotContain("older-version", first[..first.IndexOf("score-bar", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task The_buyer_scores_and_awards_through_the_evaluation_page_and_the_award_is_public()
    {
        var s = await ArrangeAsync();
        using var browser = await BrowserAsync(s.Buyer);
        var page = $"/Awards/Evaluation/{s.Requirement}";

        var html = WebUtility.HtmlDecode(await (await browser.GetAsync(page)).Content.ReadAsStringAsync());
        Assert.Contains($"id=\"bid-{s.FirstBid}\"", html);
        Assert.Contains("score-bar", html);
        Assert.Contains($"id=\"score-{s.SecondBid}-0\"", html);
        Assert.Contains("to score", html);
        Assert.Contains($"id=\"award-{s.FirstBid}-0\"", html);
        Assert.DoesNotContain($"id=\"award-{s.SecondBid}-0\"", html); // C1 of the second bid is not scored yet

        var refused = await SubmitAsync(browser, page, "Score", new() { ["bidId"] = $"{s.SecondBid}", ["criterionIndex"] = "0", ["score"] = "1", ["reason"] = "" });
        Assert.Contains("reason: Give the reason", refused);
        var scored = await SubmitAsync(browser, page, "Score", new() { ["bidId"] = $"{s.SecondBid}", ["criterionIndex"] = "0", ["score"] = "1", ["reason"] = "Certificate checked with the issuer." });
        Assert.Contains($"Scored C1 of bid {s.SecondBid}", scored);
        Assert.Contains("Certificate checked with the issuer.", scored);
        Assert.Contains($"id=\"award-{s.SecondBid}-0\"", scored);

        var awarded = await SubmitAsync(browser, page, "Award", new() { ["bidId"] = $"{s.FirstBid}", ["lotNumber"] = "0", ["note"] = "Best value." });
        Assert.Contains("Every bidder has been told", awarded);
        Assert.Equal(RequirementStatus.Awarded, await app.WithDbAsync(db => db.Requirements.Where(r => r.Id == s.Requirement).Select(r => r.Status).SingleAsync()));

        // The award is on the requirement's page for everyone who may read it.
        var stranger = await app.SignUpAsync(OrganizationKind.Sme);
        var details = WebUtility.HtmlDecode(await (await stranger.Client.GetAsync($"/Requirements/{s.Requirement}")).Content.ReadAsStringAsync());
        Assert.Contains("id=\"award-summary\"", details);
        var winner = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == s.First.Me.OrgId).Select(o => o.Name).SingleAsync());
        Assert.Contains(winner, details);
        Assert.Contains("class=\"winning-total\">100</span> of 100", details);
        Assert.DoesNotContain("Best value.", details);
        var bidderView = await (await s.Second.Client.GetAsync($"/Requirements/{s.Requirement}")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/Awards/Debrief/{s.SecondBid}\"", bidderView);
    }

    [Fact]
    public async Task The_evaluation_page_is_the_buyers_only_and_sealed_before_the_deadline()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.PublishClosingTodayAsync(app);
        var sealedPage = await buyer.Client.GetAsync($"/Awards/Evaluation/{id}");
        Assert.Equal(HttpStatusCode.Conflict, sealedPage.StatusCode);
        Assert.Contains("bids are sealed until", await sealedPage.Content.ReadAsStringAsync());
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        Assert.Equal(HttpStatusCode.Forbidden, (await sme.Client.GetAsync($"/Awards/Evaluation/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sme.Client.GetAsync("/Awards/Debrief/999999")).StatusCode);
    }

    [Fact]
    public async Task The_bidder_reads_its_debrief_and_lodges_a_complaint_through_the_page()
    {
        var s = await ArrangeAsync();
        await s.Buyer.EvaluationAsync(s.Requirement);
        await Expect.StatusAsync(await s.Buyer.ScoreAsync(s.SecondBid, 0, 1, "SECOND-ONLY certificate checked."), HttpStatusCode.OK);
        await Expect.StatusAsync(await s.Buyer.ScoreAsync(s.SecondBid, 1, 0.4, "SECOND-ONLY anodising is bought in."), HttpStatusCode.OK);
        await Expect.StatusAsync(await s.Buyer.ScoreAsync(s.FirstBid, 1, 0.9, "FIRST-ONLY strong line."), HttpStatusCode.OK);
        await Expect.StatusAsync(await s.Buyer.Client.AwardAsync(s.Requirement, s.FirstBid), HttpStatusCode.OK);

        using var browser = await BrowserAsync(s.Second);
        var page = $"/Awards/Debrief/{s.SecondBid}";
        var html = WebUtility.HtmlDecode(await (await browser.GetAsync(page)).Content.ReadAsStringAsync());
        Assert.Contains("SECOND-ONLY", html);
        Assert.DoesNotContain("FIRST-ONLY", html);
        Assert.Contains("id=\"winning-total\">96<", html);
        Assert.Matches("id=\"rank\">2\\s*<span[^>]*>of 2<", html);
        Assert.Contains("id=\"complaint-form\"", html);

        var lodged = await SubmitAsync(browser, page, "Complain", new() { ["subject"] = "Capability score", ["text"] = "We anodise in house." });
        Assert.Contains("Complaint lodged", lodged);
        Assert.Contains("We anodise in house.", lodged);
        var complaint = await app.WithDbAsync(db => db.Complaints.AsNoTracking().SingleAsync(c => c.BidId == s.SecondBid));

        using var buyerBrowser = await BrowserAsync(s.Buyer);
        var answered = await SubmitAsync(buyerBrowser, $"/Awards/Evaluation/{s.Requirement}", "Answer",
            new() { ["complaintId"] = $"{complaint.Id}", ["text"] = "We checked the photos again.", ["close"] = "true" });
        Assert.Contains("Answered and closed.", answered);
        var after = WebUtility.HtmlDecode(await (await browser.GetAsync(page)).Content.ReadAsStringAsync());
        Assert.Contains("We checked the photos again.", after);
        Assert.DoesNotContain($"id=\"post-{complaint.Id}\"", after);

        // Another bidder's debrief page does not exist for this bidder.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Awards/Debrief/{s.FirstBid}")).StatusCode);
    }

    [Fact]
    public async Task Cancelling_from_the_requirement_editor_records_the_outcome()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.PublishNewRequirementAsync();
        using var browser = await BrowserAsync(buyer);
        var editor = WebUtility.HtmlDecode(await (await browser.GetAsync($"/Account/Requirements/Edit/{id}")).Content.ReadAsStringAsync());
        Assert.Contains($"action=\"/Awards/Evaluation/{id}?handler=Cancel\"", editor);
        Assert.Contains($"href=\"/Awards/Evaluation/{id}\"", editor);

        var token = AntiforgeryTokens.FormToken(editor);
        var response = await browser.PostAsync($"/Awards/Evaluation/{id}?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["reason"] = "Budget withdrawn.", [AntiforgeryTokens.FormField] = token }));
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.Contains("Budget withdrawn.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var outcome = await app.WithDbAsync(db => db.OutcomeRecords.AsNoTracking().SingleAsync(o => o.RequirementId == id));
        Assert.True(outcome.Cancelled);
    }

    [Fact]
    public async Task The_statistics_page_shows_bars_to_admins_and_is_forbidden_to_smes()
    {
        var s = await ArrangeAsync();
        await s.Buyer.EvaluationAsync(s.Requirement);
        await Expect.StatusAsync(await s.Buyer.Client.AwardAsync(s.Requirement, s.FirstBid), HttpStatusCode.OK);
        var admin = await app.SignUpAsync(OrganizationKind.Sme);
        await app.MakePlatformAdminAsync(admin.Me.UserId);

        var html = WebUtility.HtmlDecode(await (await admin.Client.GetAsync($"/Awards/Statistics?buyer={s.Buyer.Me.OrgId}")).Content.ReadAsStringAsync());
        Assert.Contains($"id=\"buyer-{s.Buyer.Me.OrgId}\"", html);
        Assert.Contains("100% (1 of 1)", html);
        Assert.Contains("weight-bar", html);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.First.Client.GetAsync("/Awards/Statistics")).StatusCode);
    }
}
