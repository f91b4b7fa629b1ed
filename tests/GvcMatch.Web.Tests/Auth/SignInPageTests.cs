using System.Net;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Auth;

/// <summary>The account pages this app ships (Areas/Identity): one lockout with the API, safe return URLs, no inline script.</summary>
public abstract class SignInPageTests(GvcMatchApp app)
{
    private const string Wrong = "Wrong-password-1";

    [DatabaseFact]
    public async Task FailuresOnThePageAndTheApiShareOneLockoutCounter()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        using var browser = PageForms.Browser(app);
        using var api = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            var failed = await PageForms.LoginAsync(browser, sme.Email, Wrong);
            await Expect.StatusAsync(failed, HttpStatusCode.OK);
            Assert.Contains("Email or password is wrong.", await failed.Content.ReadAsStringAsync());
        }
        await Expect.StatusAsync(await api.PostJsonAsync("/api/auth/login", new { email = sme.Email, password = Wrong }), HttpStatusCode.Unauthorized);

        // The fifth failure, on the page, locks the account, as the fifth on the API does.
        var fifth = await PageForms.LoginAsync(browser, sme.Email, Wrong);
        Assert.Contains("locked", await fifth.Content.ReadAsStringAsync());

        var right = await PageForms.LoginAsync(browser, sme.Email, sme.Password);
        await Expect.StatusAsync(right, HttpStatusCode.OK);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync());
        await Expect.StatusAsync(await browser.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        var viaApi = await Expect.ProblemAsync(await api.PostJsonAsync("/api/auth/login", new { email = sme.Email, password = sme.Password }), HttpStatusCode.Unauthorized);
        Assert.Equal("Locked out", viaApi.GetProperty("title").GetString());
    }

    [DatabaseFact]
    public async Task AnUnknownEmailCostsThePasswordHashAKnownOneDoes()
    {
        var hasher = new CountingPasswordHasher();
        // A second instance (a data folder of its own) on the same database, with the counting hasher.
        await using var second = SecondInstance.Of(app);
        await using var counted = second.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(hasher)));
        using var api = counted.CreateClient();
        using var browser = counted.CreateClient(new() { AllowAutoRedirect = false });
        var nobody = $"nobody-{Guid.NewGuid():N}@example.test";

        var before = hasher.Verifications;
        await Expect.StatusAsync(await api.PostJsonAsync("/api/auth/login", new { email = nobody, password = Wrong }), HttpStatusCode.Unauthorized);
        Assert.Equal(before + 1, hasher.Verifications);

        await Expect.StatusAsync(await PageForms.LoginAsync(browser, nobody, Wrong), HttpStatusCode.OK);
        Assert.Equal(before + 2, hasher.Verifications);
    }

    [DatabaseFact]
    public async Task ANonLocalReturnUrlIsRefusedWith400NamingTheField()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        using var browser = PageForms.Browser(app);

        foreach (var evil in new[] { "https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)" })
        {
            var query = "?ReturnUrl=" + Uri.EscapeDataString(evil);
            await Expect.ValidationErrorAsync(await browser.GetAsync(CookieSignIn.LoginPage + query), "returnUrl");
            await Expect.ValidationErrorAsync(await browser.GetAsync("/Identity/Account/Logout" + query), "returnUrl");
        }

        // The POSTs carry a valid token, so the refusal is about the return URL, not the form.
        var token = await PageForms.TokenAsync(browser, CookieSignIn.LoginPage);
        var login = await browser.PostAsync(CookieSignIn.LoginPage + "?returnUrl=" + Uri.EscapeDataString("https://evil.example/"), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Input.Email"] = sme.Email, ["Input.Password"] = sme.Password, [AntiforgeryTokens.FormField] = token }));
        await Expect.ValidationErrorAsync(login, "returnUrl");
        await Expect.StatusAsync(await browser.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);

        var signedIn = await browser.PostAsync(CookieSignIn.LoginPage + "?returnUrl=%2FRequirements", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Input.Email"] = sme.Email, ["Input.Password"] = sme.Password, [AntiforgeryTokens.FormField] = token }));
        await Expect.StatusAsync(signedIn, HttpStatusCode.Redirect);
        Assert.Equal("/Requirements", signedIn.Headers.Location?.OriginalString);

        var logoutToken = await PageForms.TokenAsync(browser, "/Identity/Account/Logout");
        var logout = await browser.PostAsync("/Identity/Account/Logout?returnUrl=" + Uri.EscapeDataString("https://evil.example/"),
            new FormUrlEncodedContent(new Dictionary<string, string> { [AntiforgeryTokens.FormField] = logoutToken }));
        await Expect.ValidationErrorAsync(logout, "returnUrl");
        var loggedOut = await browser.PostAsync("/Identity/Account/Logout?returnUrl=%2F",
            new FormUrlEncodedContent(new Dictionary<string, string> { [AntiforgeryTokens.FormField] = logoutToken }));
        await Expect.StatusAsync(loggedOut, HttpStatusCode.Redirect);
        Assert.Equal("/", loggedOut.Headers.Location?.OriginalString);
        await Expect.StatusAsync(await browser.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
    }

    [DatabaseFact]
    public async Task TheAccountPagesHaveNoInlineScriptAndNoExternalLoginButton()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        using var anonymous = PageForms.Browser(app);
        using var browser = PageForms.Browser(app);
        await PageForms.SignInAsync(browser, sme.Email, sme.Password);

        var pages = new List<(HttpClient Client, string Path, HttpStatusCode Status)>
        {
            (anonymous, CookieSignIn.LoginPage, HttpStatusCode.OK),
            (anonymous, "/Identity/Account/Register", HttpStatusCode.OK),
            (anonymous, "/Identity/Account/ForgotPassword", HttpStatusCode.OK),
            (anonymous, "/Identity/Account/ResetPassword?email=a%40example.test&code=abc", HttpStatusCode.OK),
            (anonymous, "/Identity/Account/Logout", HttpStatusCode.OK),
            (anonymous, "/Identity/Account/AccessDenied", HttpStatusCode.Forbidden),
            (browser, "/Identity/Account/Logout", HttpStatusCode.OK),
            (browser, "/Identity/Account/Manage", HttpStatusCode.OK),
            (browser, "/Identity/Account/Manage/ChangePassword", HttpStatusCode.OK),
            (browser, "/Identity/Account/Manage/DeletePersonalData", HttpStatusCode.OK),
        };
        foreach (var (client, path, status) in pages)
        {
            var response = await client.GetAsync(path);
            await Expect.StatusAsync(response, status);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(PageForms.InlineScripts(html) is [], $"{path} has inline script: {string.Join(" ", PageForms.InlineScripts(html))}");
            Assert.DoesNotContain("another service", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("external authentication", html, StringComparison.OrdinalIgnoreCase);
        }

        // Identity's default pages that this app does not offer are gone, not half-working.
        foreach (var path in new[] { "/Identity/Account/ExternalLogin", "/Identity/Account/Manage/TwoFactorAuthentication", "/Identity/Account/Manage/ExternalLogins", "/Identity/Account/LoginWith2fa" })
            await Expect.StatusAsync(await browser.GetAsync(path), HttpStatusCode.NotFound);

        // The account pages need a signed-in user.
        var manage = await anonymous.GetAsync("/Identity/Account/Manage/ChangePassword");
        await Expect.StatusAsync(manage, HttpStatusCode.Redirect);
        Assert.Contains(CookieSignIn.LoginPage, manage.Headers.Location?.ToString());
    }

    [DatabaseFact]
    public async Task AForgottenPasswordIsResetThroughAnEmailedLinkWhichEndsOldSessions()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        using var browser = PageForms.Browser(app);
        var sent = await PageForms.PostAsync(browser, "/Identity/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = sme.Email });
        await Expect.StatusAsync(sent, HttpStatusCode.OK);
        var unknown = await PageForms.PostAsync(browser, "/Identity/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = $"nobody-{Guid.NewGuid():N}@example.test" });
        Assert.Equal(Between(await sent.Content.ReadAsStringAsync()), Between(await unknown.Content.ReadAsStringAsync()));

        var email = await AuthEmails.SingleAsync(app, sme.Email, Web.Features.Auth.AccountEmails.PasswordResetSubject);
        var link = AuthEmails.Link(email.TextBody, "/Identity/Account/ResetPassword");
        const string NewPassword = "Brand-new-pass-77";
        var reset = await PageForms.PostAsync(browser, link, new Dictionary<string, string> { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        await Expect.StatusAsync(reset, HttpStatusCode.OK);
        Assert.Contains("reset-done", await reset.Content.ReadAsStringAsync());

        await Expect.StatusAsync(await sme.Client.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        await app.GetTokenAsync(sme.Email, NewPassword);
        // A reset link works once.
        var again = await PageForms.PostAsync(browser, link, new Dictionary<string, string> { ["Password"] = "Another-pass-88", ["ConfirmPassword"] = "Another-pass-88" });
        Assert.Contains("expired or was used", await again.Content.ReadAsStringAsync());
    }

    /// <summary>The main part of a page, without the antiforgery token (which differs per response).</summary>
    private static string Between(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(html[start..end], "value=\"[^\"]{40,}\"", "value=\"token\"");
    }
}

public sealed class SignInPageTestsOnSqlite(SqliteApp app) : SignInPageTests(app), IClassFixture<SqliteApp>;

public sealed class SignInPageTestsOnPostgres(PostgresApp app) : SignInPageTests(app), IClassFixture<PostgresApp>, IUsesPostgres;

/// <summary>Identity's hasher, counting the password verifications it does.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
