using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GvcMatch.E2E.Tests;

/// <summary>The account pages in a real browser: the site's layout, no external-login button, and not one console error.</summary>
public sealed class AccountPagesInBrowserTests(AppServerFixture app) : IClassFixture<AppServerFixture>
{
    private static readonly string[] Anonymous =
    [
        "/Identity/Account/Login",
        "/Identity/Account/Register",
        "/Identity/Account/ForgotPassword",
        "/Identity/Account/ResetPassword?email=someone%40example.test&code=abc",
        "/Identity/Account/ConfirmEmail?userId=x&code=abc",
    ];

    private static readonly string[] SignedIn =
    [
        "/Identity/Account/Manage",
        "/Identity/Account/Manage/Email",
        "/Identity/Account/Manage/ChangePassword",
        "/Identity/Account/Manage/DeletePersonalData",
        "/Account/Notifications",
    ];

    [BrowserFact]
    public async Task TheAccountPagesUseTheSiteLayoutOfferNoExternalLoginAndLogNoConsoleError()
    {
        await using var context = await BrowserSessions.NewContextAsync(app);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            // The browser's own favicon request is not the pages' doing (the site has no favicon yet).
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
                errors.Add($"{page.Url}: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => errors.Add($"{page.Url}: {error}");

        foreach (var path in Anonymous) await OpenAsync(page, path);

        // Submitting a form still works without any validation library: the server answers with the problem.
        await page.GotoAsync("/Identity/Account/ForgotPassword");
        await page.ClickAsync("#reset-request");
        await Expect(page.Locator("#form-error")).ToBeVisibleAsync();

        await page.GotoAsync("/Identity/Account/Login");
        await page.FillAsync("#Input_Email", app.SmeEmail);
        await page.FillAsync("#Input_Password", AppServerFixture.SmePassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/Login", StringComparison.OrdinalIgnoreCase));
        foreach (var path in SignedIn) await OpenAsync(page, path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        // Identity's stock pages (external logins, two-factor) are not part of the site at all.
        foreach (var path in new[] { "/Identity/Account/ExternalLogin", "/Identity/Account/Manage/ExternalLogins", "/Identity/Account/Manage/TwoFactorAuthentication", "/Identity/Account/LoginWith2fa" })
            Assert.Equal(404, (await page.APIRequest.GetAsync(path)).Status);
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path} answered {response.Status}.");
        await Expect(page.Locator("nav .navbar-brand")).ToBeVisibleAsync();
        await Expect(page.Locator("footer")).ToBeVisibleAsync();
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByText("Use another service").CountAsync());
        Assert.Equal(0, await page.Locator("form[action*='ExternalLogin']").CountAsync());
        // The site's own stylesheet is applied (Bootstrap's card and form classes resolve).
        Assert.Equal("block", await page.Locator("main").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.styleSheets].some(s => (s.href || '').includes('/css/site.css'))"), $"{path} lacks site.css");
    }
}
