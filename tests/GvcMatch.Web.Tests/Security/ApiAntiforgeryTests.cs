using System.Net;
using GvcMatch.Web.Tests.Infrastructure;
using System.Text;
using GvcMatch.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Security;

/// <summary>A foreign site can make a browser send the sign-in cookie, but it cannot read the antiforgery token.</summary>
public sealed class ApiAntiforgeryTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string ForeignOrigin = "https://attacker.example";

    [Fact]
    public async Task ACookieImportFromAForeignOriginWithoutTheTokenIsRefusedAndCreatesNobody()
    {
        var (browser, _) = await SignedInAdminBrowserAsync();
        browser.DefaultRequestHeaders.Remove(AntiforgeryTokens.Header);
        var email = $"forged-{Guid.NewGuid():N}@example.test";

        var response = await browser.SendAsync(ImportRequest(email, isAdmin: true));

        await Expect.ValidationErrorAsync(response, "RequestVerificationToken");
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)), "The forged import created a user.");
    }

    [Fact]
    public async Task ACookieImportWithTheTokenIsAcceptedButMakesNoPlatformAdmin()
    {
        var (browser, _) = await SignedInAdminBrowserAsync();
        var email = $"imported-{Guid.NewGuid():N}@example.test";

        var report = await Expect.JsonAsync(await browser.SendAsync(ImportRequest(email, isAdmin: true)), HttpStatusCode.OK);

        Assert.Equal(1, report.GetProperty("users").GetProperty("created").GetInt32());
        var ignored = Assert.Single(report.GetProperty("ignored").EnumerateArray());
        Assert.Equal("isAdmin", ignored.GetProperty("field").GetString());
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.False(user.IsPlatformAdmin, "An uploaded file made a platform admin.");
    }

    [Fact]
    public async Task ABearerImportNeedsNoTokenAndStillMakesNoPlatformAdmin()
    {
        var admin = await app.SignUpWithPasswordAsync(OrganizationKind.Intermediary);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        var email = $"bearer-{Guid.NewGuid():N}@example.test";

        var response = await admin.Client.SendAsync(ImportRequest(email, isAdmin: true));

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.IsPlatformAdmin).SingleAsync()));
    }

    [Fact]
    public async Task ABodylessCookiePostNeedsTheTokenToo()
    {
        var (browser, _) = await SignedInAdminBrowserAsync();
        var token = browser.DefaultRequestHeaders.GetValues(AntiforgeryTokens.Header).Single();
        browser.DefaultRequestHeaders.Remove(AntiforgeryTokens.Header);

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/notifications/read-all");
        forged.Headers.Add("Origin", ForeignOrigin);
        await Expect.ValidationErrorAsync(await browser.SendAsync(forged), "RequestVerificationToken");

        using var genuine = new HttpRequestMessage(HttpMethod.Post, "/api/notifications/read-all");
        genuine.Headers.Add(AntiforgeryTokens.Header, token);
        Assert.True((await browser.SendAsync(genuine)).IsSuccessStatusCode, "The cookie POST with the token was refused.");
    }

    [Fact]
    public async Task ATokenOfAnotherUserIsRefused()
    {
        var (browser, _) = await SignedInAdminBrowserAsync();
        var (other, _) = await SignedInAdminBrowserAsync();
        browser.DefaultRequestHeaders.Remove(AntiforgeryTokens.Header);
        browser.DefaultRequestHeaders.Add(AntiforgeryTokens.Header, other.DefaultRequestHeaders.GetValues(AntiforgeryTokens.Header).Single());

        await Expect.ValidationErrorAsync(await browser.PostAsync("/api/notifications/read-all", null), "RequestVerificationToken");
    }

    [Fact]
    public async Task ThePagesGiveTheirScriptsTheTokenInAMetaTag()
    {
        var (browser, _) = await SignedInAdminBrowserAsync();
        browser.DefaultRequestHeaders.Remove(AntiforgeryTokens.Header);
        var html = await (await browser.GetAsync("/Account/Dashboard")).Content.ReadAsStringAsync();
        var meta = AntiforgeryTokens.MetaToken(html);
        Assert.True(!string.IsNullOrEmpty(meta), "The signed-in page has no token for its scripts.");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/notifications/read-all");
        request.Headers.Add(AntiforgeryTokens.Header, meta);
        Assert.True((await browser.SendAsync(request)).IsSuccessStatusCode, "The page's token was refused.");
    }

    private async Task<(HttpClient Browser, Member Admin)> SignedInAdminBrowserAsync()
    {
        var admin = await app.SignUpWithPasswordAsync(OrganizationKind.Intermediary);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        await CookieSignIn.SignInAsync(browser, admin.Email, admin.Password);
        Assert.True(browser.DefaultRequestHeaders.Contains(AntiforgeryTokens.Header), "The cookie sign-in did not work.");
        return (browser, admin);
    }

    /// <summary>What a foreign page can make a browser send: a JSON body that creates a user, from its own origin.</summary>
    private static HttpRequestMessage ImportRequest(string email, bool isAdmin)
    {
        var body = $$"""{ "users": [ { "email": "{{email}}", "password": "Correct-horse-42", "isAdmin": {{(isAdmin ? "true" : "false")}} } ] }""";
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/import") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", ForeignOrigin);
        return request;
    }
}
