using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Localization;

/// <summary>The interface language comes from the saved preference, then the switcher's cookie, then Accept-Language.</summary>
[Collection(SharedApps.SqliteA)]
public sealed class LanguageSelectionTests(SqliteApp app)
{
    [Theory]
    [InlineData("es-ES,es;q=0.9", "es", "Proveedores")]
    [InlineData("ja", "ja", "サプライヤー")]
    [InlineData("fr-FR,fr;q=0.9", "en", "Suppliers")]
    public async Task AcceptLanguagePicksTheInterfaceLanguageAndTheHtmlLang(string acceptLanguage, string expected, string navWord)
    {
        using var browser = app.CreateClient();
        browser.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        var page = Html.Parse(await browser.GetStringAsync("/"));
        Assert.Equal(expected, page.DocumentElement.GetAttribute("lang"));
        Assert.Contains(page.QuerySelectorAll("nav a.nav-link"), a => a.TextContent.Trim() == navWord);
    }

    [Fact]
    public async Task TheSwitchersCookieWinsOverAcceptLanguage()
    {
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Add("Accept-Language", "es");
        var switched = await SwitchAsync(browser, "ja", "/Suppliers?page=2");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Suppliers?page=2", switched.Headers.Location?.ToString());

        Assert.Equal("ja", Html.Parse(await browser.GetStringAsync("/")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task ASignedInPersonsChoiceIsSavedAndFollowsThemToAnotherBrowser()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var switched = await SwitchAsync(sme.Client, "es", "/", timeZone: "Europe/Madrid");
        await Expect.StatusAsync(switched, HttpStatusCode.OK);

        var saved = await app.WithDbAsync(db => db.Users.Where(u => u.Id == sme.Me.UserId)
            .Select(u => new { u.PreferredLanguage, u.PreferredTimeZone }).SingleAsync());
        Assert.Equal(("es", "Europe/Madrid"), (saved.PreferredLanguage, saved.PreferredTimeZone));

        // Another browser, no cookie, a Japanese Accept-Language: the saved Spanish still wins.
        using var other = app.CreateClientAs(sme.Me.UserId);
        other.DefaultRequestHeaders.Add("Accept-Language", "ja");
        Assert.Equal("es", Html.Parse(await other.GetStringAsync("/")).DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("https://elsewhere.example/phish")]
    [InlineData("//elsewhere.example")]
    [InlineData("/\\elsewhere.example")]
    public async Task TheSwitcherGoesBackOnlyToPagesOfThisSite(string returnUrl)
    {
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        var switched = await SwitchAsync(browser, "es", returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/", switched.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("xx", "", "culture")]
    [InlineData("es", "Mars/Olympus_Mons", "timeZone")]
    public async Task ABadChoiceIsRefusedNamingTheField(string culture, string timeZone, string field)
    {
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await SwitchAsync(browser, culture, "/", timeZone);
        await Expect.ValidationErrorAsync(response, field);
    }

    [Fact]
    public async Task TheSwitcherRefusesAPostWithoutTheFormsToken()
    {
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await browser.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "es", ["returnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(".AspNetCore.Culture"));
    }

    /// <summary>Posts the layout's switcher form as a browser does, with the token from the home page.</summary>
    private static async Task<HttpResponseMessage> SwitchAsync(HttpClient browser, string culture, string returnUrl, string timeZone = "")
    {
        var home = Html.Parse(await browser.GetStringAsync("/"));
        var token = Html.FieldValue(home.QuerySelector("#language-switch")!, AntiforgeryTokens.FormField);
        Assert.False(string.IsNullOrEmpty(token), "The language switcher has no antiforgery token.");
        return await browser.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [AntiforgeryTokens.FormField] = token!, ["culture"] = culture, ["returnUrl"] = returnUrl, ["timeZone"] = timeZone,
        }));
    }
}
