using System.Net;
using System.Text.RegularExpressions;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Consortia;

/// <summary>The consortium pages: what members see, what strangers do not, and the forms that act (antiforgery included).</summary>
[Collection(SharedApps.SqliteC)]
public sealed partial class ConsortiumPageTests(SqliteApp app)
{
    /// <summary>A browser signed in with the login form: cookies, no automatic redirects, so each redirect can be checked.</summary>
    private async Task<HttpClient> BrowserAsync(Member who)
    {
        var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        await CookieSignIn.SignInAsync(browser, who.Email, who.Password);
        return browser;
    }

    /// <summary>GETs the page for its antiforgery token, then posts the form to <paramref name="action"/>; returns the redirect target.</summary>
    private static async Task<string> PostFormAsync(HttpClient browser, string page, string action, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var html = await PageAsync(browser, page);
        var body = (fields ?? []).Append(new(AntiforgeryTokens.FormField, AntiforgeryTokens.FormToken(html)));
        var response = await browser.PostAsync(action, new FormUrlEncodedContent(body));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {action}: expected a redirect, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.ToString();
    }

    private static async Task<string> PageAsync(HttpClient client, string page)
    {
        var response = await client.GetAsync(page);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_consortium_page_shows_members_coverage_bars_and_who_provides_each_criterion()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        await ConsortiumScenario.AcceptAsync(s.Partner, id);

        var html = await PageAsync(s.Lead.Client, $"/Consortia/{id}");
        Assert.Contains(s.Partner.Me.OrganizationName!, html);
        Assert.Contains($"ISO 13485 held by {s.Lead.Me.OrganizationName}, who does C2", html);
        Assert.Contains("= 35,000 pieces a month", html);
        Assert.Equal(4, Html.All(html, ".score-bar[role=img]").Count(e => e.GetAttribute("aria-label") is { } label && label.StartsWith('C') && label.EndsWith(" score", StringComparison.Ordinal)));
        Assert.Contains("Every mandatory criterion is met.", html);
        Assert.Contains("id=\"invite-form\"", html);
        Assert.Contains("id=\"start-conversation\"", html);

        // A member that is not the lead sees the same coverage but no lead's forms.
        var partnerView = await PageAsync(s.Partner.Client, $"/Consortia/{id}");
        Assert.Contains($"ISO 13485 held by {s.Lead.Me.OrganizationName}, who does C2", partnerView);
        Assert.DoesNotContain("id=\"invite-form\"", partnerView);
        Assert.Contains("Leave the consortium", partnerView);
    }

    [Fact]
    public async Task A_stranger_gets_not_found_and_an_invitee_sees_the_invitation()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        var outsider = await app.SignUpAsync(OrganizationKind.Sme);

        await Expect.StatusAsync(await outsider.Client.GetAsync($"/Consortia/{id}"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await s.Buyer.Client.GetAsync($"/Consortia/{id}"), HttpStatusCode.NotFound);
        var invited = await PageAsync(s.Third.Client, $"/Consortia/{id}");
        Assert.Contains("id=\"invitation\"", invited);
        Assert.DoesNotContain("id=\"start-conversation\"", invited);

        // A stranger's form post changes nothing.
        var before = await s.SnapshotAsync(id);
        var browser = await BrowserAsync(outsider);
        var page = await PageAsync(browser, "/Consortia");
        var token = AntiforgeryTokens.FormToken(page);
        var post = await browser.PostAsync($"/Consortia/{id}?handler=Dissolve", new FormUrlEncodedContent([new(AntiforgeryTokens.FormField, token)]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(before, await s.SnapshotAsync(id));
    }

    [Fact]
    public async Task The_invitee_accepts_on_the_consortia_page_and_a_member_opens_the_conversation_in_one_click()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        var partner = await BrowserAsync(s.Partner);

        var list = await PageAsync(partner, "/Consortia");
        Assert.Contains("class=\"invitation\"", list);
        Assert.Equal($"/Consortia/{id}", await PostFormAsync(partner, "/Consortia", $"/Consortia?id={id}&handler=Accept"));
        Assert.Equal("Active", (await ConsortiumScenario.GetAsync(s.Lead, id)).GetProperty("status").GetString());
        Assert.Contains("class=\"consortium\"", await PageAsync(partner, "/Consortia"));

        var target = await PostFormAsync(partner, $"/Consortia/{id}", $"/Consortia/{id}?handler=Conversation");
        var conversation = long.Parse(ConversationLink().Match(target).Groups[1].Value);
        var parties = await app.WithDbAsync(db => db.Set<Features.Conversations.ConversationParty>()
            .Where(p => p.ConversationId == conversation).Select(p => p.OrganizationId).OrderBy(o => o).ToListAsync());
        Assert.Equal(new[] { s.Buyer.Me.OrgId, s.Lead.Me.OrgId, s.Partner.Me.OrgId }.Order(), parties);
        // A second click opens the same conversation.
        Assert.Equal(target, await PostFormAsync(partner, $"/Consortia/{id}", $"/Consortia/{id}?handler=Conversation"));
    }

    [Fact]
    public async Task The_lead_edits_a_members_part_and_a_share_over_100_is_shown_as_an_error()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        await ConsortiumScenario.AcceptAsync(s.Partner, id);
        var lead = await BrowserAsync(s.Lead);
        var page = $"/Consortia/{id}";
        var action = $"/Consortia/{id}?handler=Member";

        await PostFormAsync(lead, page, action, [new("organizationId", $"{s.Partner.Me.OrgId}"), new("sharePercent", "30"), new("work", "Coating"), new("criteria", "1"), new("criteria", "2")]);
        var partner = (await ConsortiumScenario.GetAsync(s.Lead, id)).GetProperty("members").EnumerateArray().Single(m => m.GetProperty("organizationId").GetInt32() == s.Partner.Me.OrgId);
        Assert.Equal([1, 2], partner.GetProperty("criteria").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Contains("not met", await PageAsync(lead, page));

        var before = await s.SnapshotAsync(id);
        await PostFormAsync(lead, page, action, [new("organizationId", $"{s.Partner.Me.OrgId}"), new("sharePercent", "80")]);
        Assert.Contains("at most 100", await PageAsync(lead, page));
        Assert.Equal(before, await s.SnapshotAsync(id));
    }

    [Fact]
    public async Task Partners_who_would_complete_the_bid_become_a_consortium_in_one_step()
    {
        var word = SearchProbe.UniqueWord();
        // Two made-up words (see ConsortiaApiTests): the sentence model reads one word's two endings as near.
        string milling = $"{word}milling", coating = $"{SearchProbe.UniqueWord()}coating";
        var me = await PublishedSmeAsync(milling);
        var partner = await PublishedSmeAsync(coating);
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await buyer.PublishNewRequirementAsync(Samples.Requirement($"Milled and coated {word} parts") with
        {
            Criteria =
            [
                new Criterion { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = [milling] },
                new Criterion { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = [coating] },
            ],
        });
        await app.WaitForIndexAsync();

        var details = await PageAsync(me.Client, $"/Requirements/{requirement}");
        Assert.Contains($"/Consortia/Partners/{requirement}", details);
        Assert.DoesNotContain("/Consortia/Partners/", await PageAsync(buyer.Client, $"/Requirements/{requirement}"));

        var browser = await BrowserAsync(me);
        var page = $"/Consortia/Partners/{requirement}";
        var html = await PageAsync(browser, page);
        Assert.Contains(partner.Me.OrganizationName!, html);
        var members = Html.FieldValues(html, "member");
        // Each member comes with the criterion it covers: me the milling (C1), the partner the coating (C2).
        Assert.Equal(new[] { $"{me.Me.OrgId}:0", $"{partner.Me.OrgId}:1" }.Order(StringComparer.Ordinal), members.Order(StringComparer.Ordinal));

        var target = await PostFormAsync(browser, page, $"/Consortia/Partners/{requirement}?handler=Form", members.Select(v => new KeyValuePair<string, string>("member", v)));
        var id = int.Parse(ConsortiumLink().Match(target).Groups[1].Value);
        var formed = await ConsortiumScenario.GetAsync(me, id);
        Assert.Equal(me.Me.OrgId, formed.GetProperty("leadOrganizationId").GetInt32());
        var invited = formed.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("organizationId").GetInt32() == partner.Me.OrgId);
        Assert.Equal("Invited", invited.GetProperty("status").GetString());
        Assert.Equal([1], invited.GetProperty("criteria").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Single(await ConsortiumScenario.InboxAsync(partner, "consortium-invite"));

        // Back on the partners page the same proposal now invites into the consortium the caller leads.
        await Expect.StatusAsync(await partner.Client.PostAsync($"/api/consortia/{id}/decline"), HttpStatusCode.OK);
        html = await PageAsync(browser, page);
        Assert.Contains("id=\"led-consortium\"", html);
        Assert.Contains("Invite these partners to your consortium", html);
        var fields = members.Select(v => new KeyValuePair<string, string>("member", v)).Append(new("consortiumId", $"{id}"));
        Assert.Equal($"/Consortia/{id}", await PostFormAsync(browser, page, $"/Consortia/Partners/{requirement}?handler=Invite", fields));
        var again = (await ConsortiumScenario.GetAsync(me, id)).GetProperty("members").EnumerateArray().Single(m => m.GetProperty("organizationId").GetInt32() == partner.Me.OrgId);
        Assert.Equal("Invited", again.GetProperty("status").GetString());
        Assert.Equal(2, (await ConsortiumScenario.InboxAsync(partner, "consortium-invite")).Count);
    }

    [Fact]
    public async Task A_cluster_adds_a_group_certificate_on_its_page_and_others_are_refused()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var cluster = await app.SignUpClusterAsync();
        var browser = await BrowserAsync(cluster);

        Assert.Contains("/Consortia/GroupCertificates", await PageAsync(browser, "/Consortia"));
        await PostFormAsync(browser, "/Consortia/GroupCertificates", "/Consortia/GroupCertificates?handler=Save",
            [new("standard", "ISO 13485"), new("validUntil", Samples.InDays(90).ToString("yyyy-MM-dd")), new("members", $"{s.Partner.Me.OrgId}, {s.Third.Me.OrgId}")]);
        var html = await PageAsync(browser, "/Consortia/GroupCertificates");
        Assert.Contains("class=\"card mb-3 group-certificate\"", html);
        Assert.Contains($"{s.Partner.Me.OrganizationName} ({s.Partner.Me.OrgId})", html);

        await PostFormAsync(browser, "/Consortia/GroupCertificates", "/Consortia/GroupCertificates?handler=Save", [new("standard", "ISO 13485"), new("members", $"{s.Buyer.Me.OrgId}")]);
        Assert.Contains("is not an SME", await PageAsync(browser, "/Consortia/GroupCertificates"));
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Partner.Client.GetAsync("/Consortia/GroupCertificates")).StatusCode);
    }

    private async Task<Member> PublishedSmeAsync(string capability)
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile("Parts made to order.") with { Capabilities = [capability] });
        await sme.PublishProfileAsync();
        return sme;
    }

    [GeneratedRegex(@"^/Conversations/(\d+)$")]
    private static partial Regex ConversationLink();

    [GeneratedRegex(@"^/Consortia/(\d+)$")]
    private static partial Regex ConsortiumLink();
}
