using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Roadmaps;
using GvcMatch.Web.Tests.Awards;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GvcMatch.Web.Tests.Roadmaps.RoadmapKit;

namespace GvcMatch.Web.Tests.Roadmaps;

/// <summary>The road-map pages: the buyer's editor, the item page as each reader sees it, the list with the items an SME fits, in every language.</summary>
public abstract class RoadmapPagesTests(GvcMatchApp app)
{
    private async Task<HttpClient> BrowserAsync(Member member)
    {
        var browser = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await CookieSignIn.SignInAsync(browser, member.Email, member.Password);
        return browser;
    }

    private Dictionary<string, string> Form(string page, string title) => new()
    {
        [AntiforgeryTokens.FormField] = AntiforgeryTokens.FormToken(page),
        ["Input.Title"] = title,
        ["Input.Description"] = "Anodised aluminium housings for an electric drive line, CNC machined.",
        ["Input.Kind"] = "Product",
        ["Input.Visibility"] = "Everyone",
        ["Input.TimingYear"] = (app.ClockToday().Year + 1).ToString(),
        ["Input.TimingQuarter"] = "3",
        ["Input.IsicCodes"] = "2592",
        ["Input.Criteria[0].Kind"] = "CertificationHeld",
        ["Input.Criteria[0].Weight"] = "40",
        ["Input.Criteria[0].Standard"] = "ISO 9001",
        // A blank row between the two: errors must still point at the row the buyer typed in.
        ["Input.Criteria[1].Kind"] = "",
        ["Input.Criteria[2].Kind"] = "LeadTimeAtMost",
        ["Input.Criteria[2].Weight"] = "60",
        ["Input.Criteria[2].Days"] = "14",
    };

    [DatabaseFact]
    public async Task ABuyerPublishesThroughTheEditorAndAnSmeExpressesInterestOnTheItemPage()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync();
        var title = $"Drive housings {Guid.NewGuid():N}";
        using var browser = await BrowserAsync(buyer);
        var page = await browser.GetStringAsync("/Roadmaps/Edit");

        var fields = Form(page, title);
        fields["Input.Criteria[2].Days"] = "";
        var refused = Html.Parse(await (await browser.PostAsync("/Roadmaps/Edit?handler=Save", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync());
        Assert.NotNull(refused.QuerySelector("[data-error-for='criteria[2].days']"));

        var saved = await browser.PostAsync("/Roadmaps/Edit?handler=Save", new FormUrlEncodedContent(Form(page, title)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var edit = saved.Headers.Location!.OriginalString;
        var id = int.Parse(edit.Split('/').Last());
        var draft = await app.WithDbAsync(db => db.Set<RoadmapItem>().AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal([40, 60], draft.Criteria.Select(c => c.Weight ?? 0));
        using var smeBrowser = await BrowserAsync(sme);
        await Expect.StatusAsync(await smeBrowser.GetAsync($"/Roadmaps/{id}"), HttpStatusCode.NotFound);

        page = await browser.GetStringAsync(edit);
        var published = await browser.PostAsync($"{edit}?handler=Publish", new FormUrlEncodedContent(Form(page, title)));
        Assert.Equal($"/Roadmaps/{id}", published.Headers.Location!.OriginalString);

        // The SME sees how it fits, its gap plan, and the item in its list of fits.
        var item = await smeBrowser.GetStringAsync($"/Roadmaps/{id}");
        var doc = Html.Parse(item);
        Assert.NotNull(doc.QuerySelector("#my-fit"));
        Assert.Equal(["1"], doc.QuerySelectorAll(".gap").Select(g => g.GetAttribute("data-index")));
        Assert.NotNull(Html.Parse(await smeBrowser.GetStringAsync("/Roadmaps")).QuerySelector($"#fits [data-item='{id}']"));
        var expressed = await smeBrowser.PostAsync($"/Roadmaps/{id}?handler=Interest", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [AntiforgeryTokens.FormField] = AntiforgeryTokens.FormToken(item),
            ["note"] = "We anodise in house.", ["capabilities"] = "anodising, cnc milling", ["capacity"] = "20,000 pieces a month",
        }));
        Assert.Equal(HttpStatusCode.Redirect, expressed.StatusCode);

        var own = Html.Parse(await browser.GetStringAsync($"/Roadmaps/{id}"));
        Assert.Contains(sme.Me.OrganizationName!, own.QuerySelector("#interests")!.TextContent);
        Assert.NotNull(own.QuerySelector("#convert"));

        // The note is private: another SME's page shows neither it nor the buyer's controls.
        var other = await app.SignUpAsync(OrganizationKind.Sme);
        using var otherBrowser = await BrowserAsync(other);
        var theirs = await otherBrowser.GetStringAsync($"/Roadmaps/{id}");
        Assert.DoesNotContain("We anodise in house.", theirs);
        Assert.Null(Html.Parse(theirs).QuerySelector("#convert"));

        smeBrowser.DefaultRequestHeaders.Add("Accept-Language", "ja");
        await Localization.UntranslatedPageTests.AssertTranslatedAsync(smeBrowser, $"/Roadmaps/{id}", "ja");
        await Localization.UntranslatedPageTests.AssertTranslatedAsync(smeBrowser, "/Roadmaps", "ja");
        browser.DefaultRequestHeaders.Add("Accept-Language", "es");
        await Localization.UntranslatedPageTests.AssertTranslatedAsync(browser, $"/Roadmaps/{id}", "es");
        await Localization.UntranslatedPageTests.AssertTranslatedAsync(browser, edit, "es");
        browser.DefaultRequestHeaders.Remove("Accept-Language");

        // Turned into a requirement from the page: the buyer lands on it.
        own = Html.Parse(await browser.GetStringAsync($"/Roadmaps/{id}"));
        var converted = await browser.PostAsync($"/Roadmaps/{id}?handler=Convert", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [AntiforgeryTokens.FormField] = AntiforgeryTokens.FormToken(own.DocumentElement.OuterHtml),
            ["responseDeadline"] = app.ClockToday().AddDays(30).ToString("yyyy-MM-dd"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, converted.StatusCode);
        Assert.StartsWith("/Requirements/", converted.Headers.Location!.OriginalString);
        Assert.NotNull(Html.Parse(await smeBrowser.GetStringAsync($"/Roadmaps/{id}")).QuerySelector("#requirement-link"));
    }

    [DatabaseFact]
    public async Task AnotherBuyersDraftIsNotFoundInTheEditorAndItsPublishedItemIsForbidden()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var draft = await buyer.DraftAsync(Item(app.ClockToday()));
        var published = await buyer.PublishedItemAsync(Item(app.ClockToday()));
        var rival = await app.SignUpAsync(OrganizationKind.Mne);
        await Expect.StatusAsync(await rival.Client.GetAsync($"/Roadmaps/Edit/{draft}"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await rival.Client.GetAsync($"/Roadmaps/{draft}"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await rival.Client.GetAsync($"/Roadmaps/Edit/{published}"), HttpStatusCode.Forbidden);
        Assert.Null(Html.Parse(await rival.Client.GetStringAsync($"/Roadmaps/{published}")).QuerySelector("#edit-item"));
    }
}

public sealed class RoadmapPagesTestsOnSqlite(SqliteApp app) : RoadmapPagesTests(app), IClassFixture<SqliteApp>;

public sealed class RoadmapPagesTestsOnPostgres(PostgresApp app) : RoadmapPagesTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
