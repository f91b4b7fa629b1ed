using System.Net;
using System.Text.Json;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Pages;

/// <summary>The conversation pages as a browser without JavaScript uses them: start, list, read, send, archive.</summary>
[Collection(SharedApps.SqliteB)]
public sealed class ConversationPageTests(SqliteApp app)
{
    [Fact]
    public async Task The_contact_button_on_the_match_list_opens_one_conversation_however_often_it_is_clicked()
    {
        var (buyer, requirementId, sme) = await BuyerWithPublishedRequirementAsync();
        var browser = await BrowserAsync(buyer);
        await app.WaitForIndexAsync();
        var matches = await (await browser.GetAsync($"/Requirements/{requirementId}/Matches")).Content.ReadAsStringAsync();
        Assert.Contains($"class=\"contact-supplier\" data-organization-id=\"{sme.Me.OrgId}\"", matches);

        var first = await StartAsync(browser, $"/Requirements/{requirementId}/Matches", "Match", requirementId, sme.Me.OrgId);
        var second = await StartAsync(browser, $"/Requirements/{requirementId}/Matches", "Match", requirementId, sme.Me.OrgId);

        Assert.Equal(first, second);
        var html = WebUtility.HtmlDecode(await (await browser.GetAsync($"/Conversations/{first}")).Content.ReadAsStringAsync());
        Assert.Contains("Conversation started by", html);
        Assert.Contains(sme.Me.OrganizationName!, html);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Conversation>().CountAsync(c => c.AboutId == requirementId)));
    }

    [Fact]
    public async Task The_list_shows_only_the_conversations_of_the_callers_organisation()
    {
        var (buyer, requirementId, sme) = await BuyerWithPublishedRequirementAsync();
        var id = await StartAsync(await BrowserAsync(sme), $"/Requirements/{requirementId}", "Requirement", requirementId, null);
        var subject = await app.WithDbAsync(db => db.Set<Conversation>().Where(c => c.Id == id).Select(c => c.Subject).SingleAsync());

        var smeList = await (await (await BrowserAsync(sme)).GetAsync("/Conversations")).Content.ReadAsStringAsync();
        var buyerList = await (await (await BrowserAsync(buyer)).GetAsync("/Conversations")).Content.ReadAsStringAsync();
        var outsider = await app.SignUpAsync(OrganizationKind.Sme);
        var outsiderList = await (await (await BrowserAsync(outsider)).GetAsync("/Conversations")).Content.ReadAsStringAsync();

        Assert.Contains($"href=\"/Conversations/{id}\"", smeList);
        Assert.Contains($"href=\"/Conversations/{id}\"", buyerList);
        // The buyer has not read the opening line yet; the SME that started it has.
        Assert.True(HasUnreadBadge(buyerList, 1), "The buyer's list shows no unread count of 1.");
        Assert.False(HasUnreadBadge(smeList, 1), "The SME's list shows an unread count.");
        Assert.DoesNotContain($"/Conversations/{id}\"", outsiderList);
        Assert.DoesNotContain(WebUtility.HtmlEncode(subject), outsiderList);
        Assert.Contains("id=\"no-conversations\"", outsiderList);
    }

    [Fact]
    public async Task A_non_member_gets_404_on_the_conversation_page_and_cannot_post_into_it()
    {
        var (_, requirementId, sme) = await BuyerWithPublishedRequirementAsync();
        var id = await StartAsync(await BrowserAsync(sme), $"/Requirements/{requirementId}", "Requirement", requirementId, null);
        var outsider = await BrowserAsync(await app.SignUpAsync(OrganizationKind.Mne));

        await Expect.StatusAsync(await outsider.GetAsync($"/Conversations/{id}"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await outsider.GetAsync($"/Conversations/{id + 1000}"), HttpStatusCode.NotFound);
        var token = AntiforgeryTokens.FormToken(await (await outsider.GetAsync("/Conversations")).Content.ReadAsStringAsync());
        var post = await outsider.PostAsync($"/Conversations/{id}?handler=Send", Form(token, ("Body", "Let me in"), ("ClientMessageId", "outsider-1")));
        await Expect.StatusAsync(post, HttpStatusCode.NotFound);
        Assert.False(await app.WithDbAsync(db => db.Set<Message>().AnyAsync(m => m.ConversationId == id && m.Body == "Let me in")));
    }

    [Fact]
    public async Task The_form_fallback_stores_a_message_once_even_when_posted_twice()
    {
        var (buyer, requirementId, sme) = await BuyerWithPublishedRequirementAsync();
        var browser = await BrowserAsync(sme);
        var id = await StartAsync(browser, $"/Requirements/{requirementId}", "Requirement", requirementId, null);
        var page = await (await browser.GetAsync($"/Conversations/{id}")).Content.ReadAsStringAsync();
        var clientId = Html.FieldValue(page, "ClientMessageId") ?? "";
        Assert.NotEmpty(clientId);

        var noRedirect = app.CreateClient(new() { AllowAutoRedirect = false });
        await CookieSignIn.SignInAsync(noRedirect, sme.Email, sme.Password);
        var token = AntiforgeryTokens.FormToken(await (await noRedirect.GetAsync($"/Conversations/{id}")).Content.ReadAsStringAsync());
        Task<HttpResponseMessage> PostAsync() => noRedirect.PostAsync($"/Conversations/{id}?handler=Send",
            Form(token, ("Body", "  Can you hold 12,000 a month?  "), ("ClientMessageId", clientId)));
        var first = await PostAsync();
        var second = await PostAsync();

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var stored = await app.WithDbAsync(db => db.Set<Message>().Where(m => m.ConversationId == id && m.Kind == MessageKind.Text).ToListAsync());
        var message = Assert.Single(stored);
        Assert.Equal("Can you hold 12,000 a month?", message.Body);
        Assert.Equal(sme.Me.UserId, message.SenderUserId);
        Assert.Equal($"/Conversations/{id}#msg-{message.Seq}", first.Headers.Location?.ToString());

        var buyerView = WebUtility.HtmlDecode(await (await (await BrowserAsync(buyer)).GetAsync($"/Conversations/{id}")).Content.ReadAsStringAsync());
        Assert.Contains("Can you hold 12,000 a month?", buyerView);
        Assert.Contains($"id=\"msg-{message.Seq}\"", buyerView);
    }

    [Fact]
    public async Task An_empty_message_comes_back_with_an_error_and_stores_nothing()
    {
        var (_, requirementId, sme) = await BuyerWithPublishedRequirementAsync();
        var browser = await BrowserAsync(sme);
        var id = await StartAsync(browser, $"/Requirements/{requirementId}", "Requirement", requirementId, null);
        var token = AntiforgeryTokens.FormToken(await (await browser.GetAsync($"/Conversations/{id}")).Content.ReadAsStringAsync());

        var response = await browser.PostAsync($"/Conversations/{id}?handler=Send", Form(token, ("Body", "   "), ("ClientMessageId", "blank-1")));

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.Matches("id=\"conversation-error\" role=\"alert\"\\s*>[^<]+", await response.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Set<Message>().AnyAsync(m => m.ConversationId == id && m.Kind == MessageKind.Text)));
    }

    [Fact]
    public async Task Archiving_moves_a_conversation_to_the_archived_tab_for_that_person_only()
    {
        var (buyer, requirementId, sme) = await BuyerWithPublishedRequirementAsync();
        var smeBrowser = await BrowserAsync(sme);
        var id = await StartAsync(smeBrowser, $"/Requirements/{requirementId}", "Requirement", requirementId, null);
        var token = AntiforgeryTokens.FormToken(await (await smeBrowser.GetAsync("/Conversations")).Content.ReadAsStringAsync());

        await Expect.StatusAsync(await smeBrowser.PostAsync($"/Conversations?handler=Archive&id={id}", Form(token)), HttpStatusCode.OK);

        Assert.DoesNotContain($"/Conversations/{id}\"", await (await smeBrowser.GetAsync("/Conversations")).Content.ReadAsStringAsync());
        Assert.Contains($"/Conversations/{id}\"", await (await smeBrowser.GetAsync("/Conversations?archived=true")).Content.ReadAsStringAsync());
        Assert.Contains($"/Conversations/{id}\"", await (await (await BrowserAsync(buyer)).GetAsync("/Conversations")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_start_the_rules_refuse_comes_back_to_the_list_with_the_reason()
    {
        var (buyer, requirementId, _) = await BuyerWithPublishedRequirementAsync();
        var browser = await BrowserAsync(buyer);
        var token = AntiforgeryTokens.FormToken(await (await browser.GetAsync("/Conversations")).Content.ReadAsStringAsync());

        // A buyer cannot "ask the buyer" about its own requirement.
        var response = await browser.PostAsync("/Conversations?handler=Start", Form(token, ("topic", "Requirement"), ("aboutId", requirementId.ToString())));

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.Contains("id=\"conversation-error\"", await response.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Set<Conversation>().AnyAsync(c => c.AboutId == requirementId)));
    }

    [Fact]
    public async Task Offer_terms_are_shown_as_a_card_and_cannot_break_out_of_the_pages_data_block()
    {
        var (buyer, requirementId, sme) = await BuyerWithPublishedRequirementAsync();
        var id = await StartAsync(await BrowserAsync(sme), $"/Requirements/{requirementId}", "Requirement", requirementId, null);
        const string notes = "</script><script>alert(1)</script> tooling included";
        var offer = await Expect.JsonAsync(await sme.Client.PostJsonAsync($"/api/conversations/{id}/offers", new
        {
            conversationId = id, price = 18.4m, currency = "EUR", quantity = 12000, unit = "pieces", leadTimeDays = 35,
            incoterm = "FCA", deliveryPlace = "Porto", paymentTermsDays = 60, validUntil = Samples.InDays(20), notes,
        }), HttpStatusCode.Created);
        var offerId = offer.GetProperty("id").GetInt64();

        var html = await (await (await BrowserAsync(buyer)).GetAsync($"/Conversations/{id}")).Content.ReadAsStringAsync();

        Assert.Contains($"id=\"offer-{offerId}\"", html);
        Assert.Contains("18.40 EUR", html);
        Assert.Contains("12,000 pieces", html);
        Assert.DoesNotContain("<script>alert(1)", html);
        // Had the notes closed the script element, the block would end early and not parse.
        using var data = JsonDocument.Parse(Html.Parse(html).GetElementById("conversation-data")!.TextContent);
        var sent = data.RootElement.GetProperty("offers").EnumerateArray().Single();
        Assert.Equal(notes, sent.GetProperty("notes").GetString());
        Assert.Equal("Proposed", sent.GetProperty("state").GetString());
    }

    private async Task<(Member Buyer, int RequirementId, Member Sme)> BuyerWithPublishedRequirementAsync()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var requirementId = await buyer.PublishNewRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme, "JP");
        await sme.SaveProfileAsync();
        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/organizations/{sme.Me.OrgId}/profile/publish"), HttpStatusCode.OK);
        return (buyer, requirementId, sme);
    }

    private async Task<HttpClient> BrowserAsync(Member member)
    {
        var browser = app.CreateClient();
        await CookieSignIn.SignInAsync(browser, member.Email, member.Password);
        return browser;
    }

    /// <summary>Posts the start form as it is on <paramref name="page"/> and returns the conversation it lands on.</summary>
    private static async Task<long> StartAsync(HttpClient browser, string page, string topic, int? aboutId, int? organizationId)
    {
        var html = await (await browser.GetAsync(page)).Content.ReadAsStringAsync();
        var fields = new List<(string, string)> { ("topic", topic) };
        if (aboutId is { } about) fields.Add(("aboutId", about.ToString()));
        if (organizationId is { } org) fields.Add(("organizationId", org.ToString()));
        var response = await browser.PostAsync("/Conversations?handler=Start", Form(AntiforgeryTokens.FormToken(html), [.. fields]));
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches(@"^/Conversations/\d+$", path);
        return long.Parse(path["/Conversations/".Length..]);
    }

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new(AntiforgeryTokens.FormField, token)));

    private static bool HasUnreadBadge(string html, int count) =>
        Html.All(html, ".badge.unread-count").Any(e => e.GetAttribute("aria-label") == $"{count} unread" && e.TextContent.Trim() == $"{count}");
}
