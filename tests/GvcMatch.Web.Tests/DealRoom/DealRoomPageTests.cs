using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.DealRoom;

/// <summary>The deal room through the pages: the NDA gate on a requirement, the accept button, the download link, and the owner's log and revocation.</summary>
[Collection(SharedApps.SqliteB)]
public sealed class DealRoomPageTests(SqliteApp app)
{
    [Fact]
    public async Task AnSmeAcceptsOnTheRequirementPageDownloadsAndTheBuyerRevokesItFromTheLog()
    {
        var (buyer, id) = await app.BuyerRequiringNdaAsync();
        var doc = await buyer.AttachAsync("requirements", id, DealRoomKit.Drawing(2), "bracket.pdf");
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        using var browser = await BrowserAsync(sme);

        var page = Html.Parse(await (await browser.GetAsync($"/Requirements/{id}")).Content.ReadAsStringAsync());
        Assert.Contains(sme.Me.OrganizationName!, page.QuerySelector("#nda-text")!.TextContent);
        Assert.Null(page.QuerySelector("a.protected-download"));
        var form = page.QuerySelector("#nda-accept")!;
        var fields = Fields(form);
        var accepted = await browser.PostAsync("/Account/DealRoom/Accept", new FormUrlEncodedContent(fields));
        await Expect.StatusAsync(accepted, HttpStatusCode.OK);
        Assert.EndsWith($"/Requirements/{id}", accepted.RequestMessage!.RequestUri!.AbsolutePath);

        var after = Html.Parse(await accepted.Content.ReadAsStringAsync());
        Assert.NotNull(after.QuerySelector("#nda-held"));
        var link = after.QuerySelector("a.protected-download")!.GetAttribute("href")!;
        var copy = await browser.GetAsync(link);
        await Expect.StatusAsync(copy, HttpStatusCode.OK);
        var fingerprint = copy.Headers.GetValues("X-Delivery-Fingerprint").Single();

        using var owner = await BrowserAsync(buyer);
        var manage = $"/Account/DealRoom/requirements/{id}";
        var log = Html.Parse(await (await owner.GetAsync(manage)).Content.ReadAsStringAsync());
        Assert.Contains(fingerprint, log.QuerySelector($"#document-{doc} table.access-log")!.TextContent);
        var revoke = log.QuerySelector($"#document-{doc} button.revoke-recipient")!.Closest("form")!;
        var revokeFields = Fields(revoke);
        await Expect.StatusAsync(await owner.PostAsync(revoke.GetAttribute("action")!, new FormUrlEncodedContent(revokeFields)), HttpStatusCode.OK);

        await Expect.StatusAsync(await browser.GetAsync(link), HttpStatusCode.Forbidden);
        var ndas = await (await browser.GetAsync("/Account/Ndas")).Content.ReadAsStringAsync();
        Assert.Contains(buyer.Me.OrganizationName!, ndas);
    }

    [Fact]
    public async Task AnOwnerSavesItsOwnNdaTextOnThePageAndMayPickIt()
    {
        var (buyer, id) = await app.BuyerRequiringNdaAsync();
        using var owner = await BrowserAsync(buyer);
        var manage = $"/Account/DealRoom/requirements/{id}";
        var form = Html.Parse(await (await owner.GetAsync(manage)).Content.ReadAsStringAsync()).QuerySelector("#own-template form")!;
        var fields = Fields(form);
        var empty = await owner.PostAsync(form.GetAttribute("action")!, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["template.Name"] = "Ours", ["template.Kind"] = "Mutual", ["template.Language"] = "en", ["template.Text"] = "" }));
        await Expect.StatusAsync(empty, HttpStatusCode.BadRequest);

        var saved = await owner.PostAsync(form.GetAttribute("action")!, new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["template.Name"] = "Rheinfeld house NDA", ["template.Kind"] = "OneWay", ["template.Language"] = "es",
            ["template.Text"] = "{{recipient}} guarda en secreto los planos de {{owner}} durante {{term}} meses.",
        }));
        await Expect.StatusAsync(saved, HttpStatusCode.OK);
        var options = Html.Parse(await saved.Content.ReadAsStringAsync()).QuerySelectorAll("#policy-template option").Select(o => o.TextContent).ToList();
        Assert.Contains("Rheinfeld house NDA (es)", options);
    }

    [Fact]
    public async Task AStrangerCannotOpenTheOwnersPage()
    {
        var (_, id) = await app.BuyerRequiringNdaAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.StatusAsync(await sme.Client.GetAsync($"/Account/DealRoom/requirements/{id}"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await sme.Client.GetAsync($"/Account/DealRoom/nonsense/{id}"), HttpStatusCode.NotFound);
    }

    private static Dictionary<string, string> Fields(AngleSharp.Dom.IElement form) => form.QuerySelectorAll("input[type=hidden]")
        .GroupBy(i => i.GetAttribute("name")!).ToDictionary(g => g.Key, g => g.First().GetAttribute("value") ?? "");

    private async Task<HttpClient> BrowserAsync(Member member)
    {
        var browser = app.CreateClient();
        await CookieSignIn.SignInAsync(browser, member.Email, member.Password);
        return browser;
    }
}
