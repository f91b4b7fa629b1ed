using System.Net;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Bids;

/// <summary>The bid pages and the requirement page's Q&amp;A, driven through their forms as a browser without JavaScript would.</summary>
public sealed class BidPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task An_sme_reaches_the_bid_form_from_the_requirement_saves_a_draft_and_submits_it()
    {
        var (_, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        using var browser = await BrowserAsync(sme);

        var details = await (await browser.GetAsync($"/Requirements/{requirement}")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/Requirements/{requirement}/Bid\"", details);
        Assert.Contains("id=\"bid\"", details);
        var formUrl = $"/Requirements/{requirement}/Bid";
        var form = WebUtility.HtmlDecode(await (await browser.GetAsync(formUrl)).Content.ReadAsStringAsync());
        foreach (var criterion in Samples.Requirement().Criteria) Assert.Contains(criterion.Summary(), form);
        foreach (var field in new[] { "Input.Price", "Input.Currency", "Input.Answers[0].Value", "Input.Answers[2].Evidence", "Input.Lots", "Input.Subcontractors[0].Name" })
            Assert.Contains($"name=\"{field}\"", form);
        Assert.Contains("name=\"action\" value=\"submit\"", form);
        // The forms post back to the page itself, so a browser lands on the same URLs the tests post to.
        Assert.Contains($"action=\"{formUrl}\"", form);
        Assert.Contains($"action=\"{formUrl}?handler=Upload\"", form);

        var fields = new Dictionary<string, string>
        {
            ["Input.Answers[0].Value"] = "yes",
            ["Input.Answers[0].Evidence"] = "ISO 9001 Q-123",
            ["Input.Answers[1].Value"] = "5-axis milling",
            ["Input.Price"] = "4.10",
            ["Input.Currency"] = "EUR",
            ["Input.Incoterms"] = "FCA",
            ["Input.Lots"] = "2",
            ["Input.Subcontractors[0].Name"] = "Eloxal Nord",
            ["Input.Subcontractors[0].Work"] = "Anodising",
        };
        var draft = await PostAsync(browser, formUrl, fields, "save");
        await Expect.StatusAsync(draft, HttpStatusCode.OK);
        Assert.Contains("Draft saved.", await draft.Content.ReadAsStringAsync());

        // C3 is unanswered: submitting keeps the draft and says what is missing.
        var refused = WebUtility.HtmlDecode(await (await PostAsync(browser, formUrl, fields, "submit")).Content.ReadAsStringAsync());
        Assert.Contains("data-error-for=\"answers\"", refused);
        Assert.Contains("unanswered: C3", refused);
        fields["Input.Answers[2].Number"] = "21";
        var submitted = await PostAsync(browser, formUrl, fields, "submit");
        Assert.Contains("Bid submitted.", await submitted.Content.ReadAsStringAsync());

        var bid = await app.WithDbAsync(db => db.Bids.AsNoTracking().Include(b => b.Answers).Include(b => b.Subcontractors)
            .SingleAsync(b => b.RequirementId == requirement));
        Assert.Equal(BidStatus.Submitted, bid.Status);
        Assert.Equal([2], bid.Lots);
        Assert.Equal(4.10m, bid.Price);
        Assert.Equal(new[] { 0, 1, 2 }, bid.Answers.Select(a => a.CriterionIndex).Order());
        Assert.Equal("Eloxal Nord", Assert.Single(bid.Subcontractors).Name);
        var mine = await (await browser.GetAsync("/Account/Bids")).Content.ReadAsStringAsync();
        Assert.Contains($"id=\"bid-{bid.Id}\"", mine);
    }

    [Fact]
    public async Task The_buyers_bid_list_is_sealed_until_the_deadline_and_then_shows_the_submitted_bids_only()
    {
        var (buyer, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var drafter = await app.SignUpAsync(OrganizationKind.Sme);
        var bid = await sme.SubmittedBidAsync(requirement);
        var draft = (await drafter.CreateBidAsync(requirement)).GetProperty("id").GetInt32();
        var listUrl = $"/Requirements/{requirement}/Bids";
        using (var browser = await BrowserAsync(buyer))
        {
            var page = await browser.GetAsync(listUrl);
            await Expect.StatusAsync(page, HttpStatusCode.OK);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("id=\"sealed\"", html);
            Assert.Matches(@"id=""closing-time"">\d{4}-\d{2}-\d{2} 00:00 UTC", html);
            Assert.DoesNotContain($"id=\"bid-{bid}\"", html);
            // One sealed bid is answered as a missing one, so the buyer cannot count them.
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Bids/{bid}")).StatusCode);
        }
        using (var rivalBrowser = await BrowserAsync(drafter))
            Assert.Equal(HttpStatusCode.NotFound, (await rivalBrowser.GetAsync($"/Bids/{bid}")).StatusCode);

        try
        {
            app.Clock.Advance(TimeSpan.FromDays(32));
            using var browser = await BrowserAsync(buyer);
            var html = await (await browser.GetAsync(listUrl)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("id=\"sealed\"", html);
            Assert.Contains($"id=\"bid-{bid}\"", html);
            Assert.DoesNotContain($"id=\"bid-{draft}\"", html);
            var opened = await browser.GetAsync($"/Bids/{bid}");
            await Expect.StatusAsync(opened, HttpStatusCode.OK);
            Assert.Contains("EUR 4.2", await opened.Content.ReadAsStringAsync());
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    [Fact]
    public async Task Questions_are_asked_and_answered_on_the_requirement_page_and_the_asker_is_hidden_from_other_smes()
    {
        var (buyer, requirement) = await app.BuyerWithRequirementAsync();
        var asker = await app.SignUpAsync(OrganizationKind.Sme);
        var other = await app.SignUpAsync(OrganizationKind.Sme);
        var page = $"/Requirements/{requirement}";
        using (var browser = await BrowserAsync(asker))
        {
            Assert.Contains("id=\"ask-form\"", await (await browser.GetAsync(page)).Content.ReadAsStringAsync());
            var asked = await PostAsync(browser, page + "?handler=Ask", new() { ["text"] = "May the covers be powder-coated?" });
            await Expect.StatusAsync(asked, HttpStatusCode.OK);
            Assert.Contains("(you)", await asked.Content.ReadAsStringAsync());
        }
        var qid = await app.WithDbAsync(db => db.RequirementQuestions.Where(q => q.RequirementId == requirement).Select(q => q.Id).SingleAsync());
        using (var browser = await BrowserAsync(buyer))
        {
            var html = await (await browser.GetAsync(page)).Content.ReadAsStringAsync();
            Assert.Contains($"id=\"answer-form-{qid}\"", html);
            Assert.DoesNotContain("id=\"ask-form\"", html);
            await Expect.StatusAsync(await PostAsync(browser, page + "?handler=Answer", new() { ["questionId"] = qid.ToString(), ["answer"] = "Yes, RAL 9005." }), HttpStatusCode.OK);
        }
        using (var browser = await BrowserAsync(other))
        {
            var html = WebUtility.HtmlDecode(await (await browser.GetAsync(page)).Content.ReadAsStringAsync());
            Assert.Contains("May the covers be powder-coated?", html);
            Assert.Contains("Yes, RAL 9005.", html);
            Assert.Contains("Asked by <span class=\"asked-by\">a bidder</span>", html);
            Assert.DoesNotContain("answer-form-", html);
        }
    }

    [Fact]
    public async Task The_buyer_defines_lots_in_the_requirement_editor_and_they_are_shown_on_the_requirement()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        using var browser = await BrowserAsync(buyer);
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Pressed brackets",
            ["Input.ResponseDeadline"] = Samples.InDays(20).ToString("yyyy-MM-dd"),
            ["Input.Criteria[0].Kind"] = "CertificationHeld",
            ["Input.Criteria[0].Mandatory"] = "true",
            ["Input.Criteria[0].Standard"] = "ISO 9001",
            ["Input.Lots[0].Title"] = "Left brackets",
            ["Input.Lots[1].Quantity"] = "5",
        };
        var refused = await PostAsync(browser, "/Account/Requirements/Edit?handler=Save", fields, formPage: "/Account/Requirements/Edit");
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-error-for=\"lots[1].title\"", html);

        fields["Input.Lots[1].Title"] = "Right brackets";
        fields["Input.Lots[1].QuantityUnit"] = "pieces";
        await Expect.StatusAsync(await PostAsync(browser, "/Account/Requirements/Edit?handler=Save", fields, formPage: "/Account/Requirements/Edit"), HttpStatusCode.OK);
        var saved = await app.WithDbAsync(db => db.Requirements.AsNoTracking().SingleAsync(r => r.OrganizationId == buyer.Me.OrgId));
        Assert.Equal(new[] { (1, "Left brackets"), (2, "Right brackets") }, saved.Lots.Select(l => (l.Number, l.Title)));
        var details = await (await browser.GetAsync($"/Requirements/{saved.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"lot-2\"", details);
    }

    [Fact]
    public async Task Saving_a_published_requirement_in_the_editor_tells_the_bidders_of_the_new_version()
    {
        var (buyer, requirement) = await app.BuyerWithRequirementAsync();
        var bidder = await app.SignUpAsync(OrganizationKind.Sme);
        await bidder.CreateBidAsync(requirement);
        using var browser = await BrowserAsync(buyer);
        var editor = $"/Account/Requirements/Edit/{requirement}";
        var form = WebUtility.HtmlDecode(await (await browser.GetAsync(editor)).Content.ReadAsStringAsync());
        Assert.Contains("value=\"Covers\"", form);

        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Machined aluminium housings",
            ["Input.ResponseDeadline"] = Samples.InDays(30).ToString("yyyy-MM-dd"),
            ["Input.Criteria[0].Kind"] = "CertificationHeld",
            ["Input.Criteria[0].Mandatory"] = "true",
            ["Input.Criteria[0].Standard"] = "ISO 9001",
            ["Input.Lots[0].Title"] = "Housings",
            ["Input.Lots[0].Quantity"] = "3000",
            ["Input.Lots[0].QuantityUnit"] = "pieces",
            ["Input.Lots[1].Title"] = "Covers",
            ["Input.ChangeNote"] = "Only the certificate counts now.",
        };
        await Expect.StatusAsync(await PostAsync(browser, editor + "?handler=Save", fields, formPage: editor), HttpStatusCode.OK);

        var note = await app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == bidder.Me.UserId));
        Assert.Equal(Features.Questions.QuestionNotificationKinds.RequirementVersion, note.Kind);
        Assert.Equal($"/Requirements/{requirement}#version-2", note.Link);
    }

    private async Task<HttpClient> BrowserAsync(Member member)
    {
        var browser = app.CreateClient();
        await CookieSignIn.SignInAsync(browser, member.Email, member.Password);
        return browser;
    }

    /// <summary>Fetches the form page for a fresh antiforgery token (and the bid's stamp), then posts the fields.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string url, Dictionary<string, string> fields, string? action = null, string? formPage = null)
    {
        var form = await (await browser.GetAsync(formPage ?? url.Split('?')[0])).Content.ReadAsStringAsync();
        var body = new Dictionary<string, string>(fields) { [AntiforgeryTokens.FormField] = AntiforgeryTokens.FormToken(form) };
        if (Html.FieldValue(form, "Input.Stamp") is { } stamp) body["Input.Stamp"] = stamp;
        if (action is not null) body["action"] = action;
        return await browser.PostAsync(url, new FormUrlEncodedContent(body));
    }
}
