using Microsoft.Playwright;

namespace GvcMatch.E2E.Tests;

/// <summary>The pages, the sign-in pages and the API reference work under the Content-Security-Policy, with no violation reported.</summary>
public sealed class ContentSecurityPolicyInBrowserTests(AppServerFixture app) : IClassFixture<AppServerFixture>
{
    [BrowserFact]
    public async Task ThePagesTheSignInPagesAndTheApiReferenceRunWithoutAPolicyViolation()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add($"{page.Url}: {message.Text}");
        };

        var api = await page.GotoAsync("/api-docs");
        Assert.Contains("script-src 'self'", (await api!.AllHeadersAsync())["content-security-policy"]);
        await page.Locator(".swagger-ui .info .title").WaitForAsync();

        await page.GotoAsync("/Identity/Account/Register");
        await page.Locator("form").First.WaitForAsync();
        await page.GotoAsync("/Identity/Account/Login");
        // The account pages validate on the server and load no script of their own beyond the layout's.
        Assert.Equal(0, await page.Locator("script:not([src])").CountAsync());
        await page.FillAsync("#Input_Email", app.SmeEmail);
        await page.FillAsync("#Input_Password", AppServerFixture.SmePassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/Login", StringComparison.OrdinalIgnoreCase));

        // The signed-in layout loads the hub client; a blocked WebSocket or script would be reported here.
        await page.GotoAsync("/Account/Profile");
        await page.Locator("#group-certificate-listings").WaitForAsync();
        await page.GotoAsync("/Account/Dashboard");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(violations);

        // An inline script injected into a page must not run.
        await page.EvaluateAsync("""
            () => { const s = document.createElement('script'); s.textContent = 'window.__inlineRan = true'; document.body.appendChild(s); }
            """);
        Assert.False(await page.EvaluateAsync<bool>("() => window.__inlineRan === true"), "An inline script ran.");
    }
}
