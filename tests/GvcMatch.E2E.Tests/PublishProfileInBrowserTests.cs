using Microsoft.Playwright;

namespace GvcMatch.E2E.Tests;

public sealed class PublishProfileInBrowserTests(AppServerFixture app) : IClassFixture<AppServerFixture>
{
    [BrowserFact]
    public async Task AnSmePublishesItsProfileAndVisitorsSeeItOnThePublicPage()
    {
        var summary = $"Turned and milled aluminium housings for e-bike drives, batch {Guid.NewGuid():N}"[..80];
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Identity/Account/Login");
        await page.FillAsync("#Input_Email", app.SmeEmail);
        await page.FillAsync("#Input_Password", AppServerFixture.SmePassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/Login", StringComparison.OrdinalIgnoreCase));

        await page.GotoAsync("/Account/Profile");
        await page.FillAsync("#summary", summary);
        await page.FillAsync("#capabilities", "CNC turning\nFive-axis milling\nAnodising");
        await page.FillAsync("#cert-0-standard", "ISO 9001");
        await page.FillAsync("#cert-0-issuer", "Bureau Veritas");
        await page.FillAsync("#cert-0-number", "PT-QMS-4411");
        await page.FillAsync("#cert-0-valid", "2031-06-30");
        await page.ClickAsync("#publish");
        await page.WaitForSelectorAsync("#message");
        Assert.Equal("Published", (await page.InnerTextAsync("#profile-status")).Trim());

        await page.ClickAsync("#view-public");
        await page.WaitForURLAsync($"**/Suppliers/{app.SmeOrganizationId}");
        await AssertPublicPageShowsAsync(page, summary);
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "supplier-public-page.png"), FullPage = true });

        await using var visitor = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var anonymous = await visitor.NewPageAsync();
        var response = await anonymous.GotoAsync($"/Suppliers/{app.SmeOrganizationId}");
        Assert.Equal(200, response!.Status);
        Assert.Equal(0, await anonymous.Locator("#draft-banner").CountAsync());
        await AssertPublicPageShowsAsync(anonymous, summary);
    }

    private static async Task AssertPublicPageShowsAsync(IPage page, string summary)
    {
        Assert.Contains(summary, await page.InnerTextAsync("#profile-summary"));
        var certifications = await page.InnerTextAsync("#certifications");
        Assert.Contains("ISO 9001", certifications);
        Assert.Contains("PT-QMS-4411", certifications);
        Assert.Contains("June 30, 2031", certifications); // the browser asks for en-US: dates read as words
        Assert.Contains("Five-axis milling", await page.InnerTextAsync("main"));
    }
}
