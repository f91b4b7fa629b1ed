using System.Net;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;

namespace GvcMatch.Web.Tests.Consortia;

/// <summary>The invite form names the partner by its name: one match invites it, several are offered to choose from.</summary>
public sealed partial class ConsortiumPageTests
{
    private static string MemberStatus(System.Text.Json.JsonElement consortium, Member who) =>
        consortium.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("organizationId").GetInt32() == who.Me.OrgId)
            .GetProperty("status").GetString()!;

    [Fact]
    public async Task The_invite_form_asks_for_a_name_with_suggestions_not_a_page_number()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();

        var html = await PageAsync(await BrowserAsync(s.Lead), $"/Consortia/{id}");
        var input = Html.All(html, "#invite-form input[name=name]").Single();
        Assert.Equal("invite-candidates", input.GetAttribute("list"));
        Assert.Equal($"/api/consortia/{id}/candidates", input.GetAttribute("data-candidates-url"));
        Assert.Single(Html.All(html, "datalist#invite-candidates"));
        Assert.Single(Html.All(html, "#invite-name-status[role=status][aria-live=polite]"));
        Assert.Single(Html.All(html, "label[for=invite-name]"));
        Assert.Contains("/js/consortium-invite.js", html);
        Assert.DoesNotContain("page address", html);
        Assert.Empty(Html.All(html, "#invite-form input[name=organizationId]"));
    }

    [Fact]
    public async Task A_name_that_fits_one_published_sme_invites_it_whatever_the_accents()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        var word = SearchProbe.UniqueWord();
        var muller = await InviteByNameTests.NamedSmeAsync(app, $"Müller Fräsen {word}");
        var lead = await BrowserAsync(s.Lead);

        Assert.Equal($"/Consortia/{id}", await PostFormAsync(lead, $"/Consortia/{id}", $"/Consortia/{id}?handler=Invite",
            [new("name", $"muller FRASEN {word}"), new("work", "Deburring"), new("criteria", "0")]));
        var consortium = await ConsortiumScenario.GetAsync(s.Lead, id);
        Assert.Equal("Invited", MemberStatus(consortium, muller));
        Assert.Contains("Invitation sent.", await PageAsync(lead, $"/Consortia/{id}"));

        // A name nobody has is said so, and nothing changes.
        var before = await s.SnapshotAsync(id);
        await PostFormAsync(lead, $"/Consortia/{id}", $"/Consortia/{id}?handler=Invite", [new("name", $"Nobody {word}")]);
        Assert.Contains($"No published SME you may invite has a name like \"Nobody {word}\".", await PageAsync(lead, $"/Consortia/{id}"));
        Assert.Equal(before, await s.SnapshotAsync(id));
    }

    [Fact]
    public async Task A_name_that_fits_several_smes_shows_them_to_choose_from_keeping_what_was_filled_in()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        var word = SearchProbe.UniqueWord();
        var osaka = await InviteByNameTests.NamedSmeAsync(app, $"Kawaguchi {word} Osaka");
        var tokyo = await InviteByNameTests.NamedSmeAsync(app, $"Kawaguchi {word} Tokyo");
        var lead = await BrowserAsync(s.Lead);

        var token = AntiforgeryTokens.FormToken(await PageAsync(lead, $"/Consortia/{id}"));
        var response = await lead.PostAsync($"/Consortia/{id}?handler=Invite", new FormUrlEncodedContent(
        [
            new("name", $"kawaguchi {word}"), new("sharePercent", "15"), new("work", "Plating"), new("criteria", "3"),
            new(AntiforgeryTokens.FormField, token),
        ]));
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var choices = Html.All(html, "#invite-choices input[type=radio][name=organizationId]").Select(e => e.GetAttribute("value")).ToList();
        Assert.Equal([$"{osaka.Me.OrgId}", $"{tokyo.Me.OrgId}"], choices);
        Assert.Contains($"Kawaguchi {word} Tokyo", html);
        Assert.Equal("15", Html.All(html, "#invite-share").Single().GetAttribute("value"));
        Assert.Equal("Plating", Html.All(html, "#invite-work").Single().GetAttribute("value"));
        Assert.Equal("Invited", MemberStatus(await ConsortiumScenario.GetAsync(s.Lead, id), s.Partner));
        Assert.Equal(3, (await ConsortiumScenario.GetAsync(s.Lead, id)).GetProperty("members").GetArrayLength());

        await PostFormAsync(lead, $"/Consortia/{id}", $"/Consortia/{id}?handler=Invite",
            [new("name", $"kawaguchi {word}"), new("organizationId", $"{tokyo.Me.OrgId}"), new("work", "Plating")]);
        Assert.Equal("Invited", MemberStatus(await ConsortiumScenario.GetAsync(s.Lead, id), tokyo));
    }
}
