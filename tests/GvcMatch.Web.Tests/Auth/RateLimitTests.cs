using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Auth;

/// <summary>Sign-in attempts are limited per client address; the limit does not depend on the database.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task TooManySignInAttemptsAreRefusedWithRetryAfter()
    {
        var database = TestDatabase.Sqlite();
        await using var app = new GvcMatchApp(database, new Dictionary<string, string> { ["RateLimits:AuthPermitsPerMinute"] = "3" });
        try
        {
            using var client = app.CreateClient();
            var statuses = new List<HttpStatusCode>();
            HttpResponseMessage? last = null;
            for (var i = 0; i < 4; i++)
            {
                last = await client.PostJsonAsync("/api/auth/login", new { email = "nobody@example.test", password = "Wrong-password-1" });
                statuses.Add(last.StatusCode);
            }
            Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
            Assert.True(last!.Headers.RetryAfter is not null, "A 429 without Retry-After.");

            // Registration shares the limit, so a flood of sign-ups is refused too.
            var registration = Accounts.NewRegistration(OrganizationKind.Sme);
            await Expect.StatusAsync(await client.PostJsonAsync("/api/auth/register", registration), HttpStatusCode.TooManyRequests);
        }
        finally
        {
            await app.DisposeAsync();
            GvcMatchApp.DeleteFolder(database.DataFolder);
        }
    }

    [Fact]
    public async Task TheSignInPageAndTheApiShareOneLimit()
    {
        var database = TestDatabase.Sqlite();
        await using var app = new GvcMatchApp(database, new Dictionary<string, string> { ["RateLimits:AuthPermitsPerMinute"] = "3" });
        try
        {
            using var browser = PageForms.Browser(app);
            using var api = app.CreateClient();
            // Showing the form is free; each attempt counts, whichever door it uses.
            var token = await PageForms.TokenAsync(browser, CookieSignIn.LoginPage);
            await PageForms.TokenAsync(browser, CookieSignIn.LoginPage);
            var form = new Dictionary<string, string>
            {
                ["Input.Email"] = "nobody@example.test", ["Input.Password"] = "Wrong-password-1", [AntiforgeryTokens.FormField] = token,
            };
            await Expect.StatusAsync(await browser.PostAsync(CookieSignIn.LoginPage, new FormUrlEncodedContent(form)), HttpStatusCode.OK);
            await Expect.StatusAsync(await api.PostJsonAsync("/api/auth/login", new { email = "nobody@example.test", password = "Wrong-password-1" }), HttpStatusCode.Unauthorized);
            await Expect.StatusAsync(await browser.PostAsync(CookieSignIn.LoginPage, new FormUrlEncodedContent(form)), HttpStatusCode.OK);

            var limited = await browser.PostAsync(CookieSignIn.LoginPage, new FormUrlEncodedContent(form));
            await Expect.StatusAsync(limited, HttpStatusCode.TooManyRequests);
            Assert.True(limited.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero, "A 429 without Retry-After.");
            await Expect.StatusAsync(await api.PostJsonAsync("/api/auth/login", new { email = "nobody@example.test", password = "Wrong-password-1" }), HttpStatusCode.TooManyRequests);
            // The other account pages that take a password or an address are behind the same limit.
            var forgot = await browser.PostAsync("/Identity/Account/ForgotPassword", new FormUrlEncodedContent(
                new Dictionary<string, string> { ["Email"] = "nobody@example.test", [AntiforgeryTokens.FormField] = token }));
            await Expect.StatusAsync(forgot, HttpStatusCode.TooManyRequests);
            await Expect.StatusAsync(await browser.GetAsync(CookieSignIn.LoginPage), HttpStatusCode.OK);
        }
        finally
        {
            await app.DisposeAsync();
            GvcMatchApp.DeleteFolder(database.DataFolder);
        }
    }
}
