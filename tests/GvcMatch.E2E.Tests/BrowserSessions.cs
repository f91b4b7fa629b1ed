using Microsoft.Playwright;

namespace GvcMatch.E2E.Tests;

/// <summary>What browser tests do over and over: a fresh context, a signed-in person, a published requirement.</summary>
public static class BrowserSessions
{
    public static Task<IBrowserContext> NewContextAsync(BrowserServerFixture app) =>
        app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });

    /// <summary>
    /// Opens a page that lists what the index holds, reloading until <paramref name="selector"/> shows:
    /// the demo data reaches the index in the background after start-up.
    /// </summary>
    public static async Task OpenOnceIndexedAsync(IPage page, string url, string selector)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await page.GotoAsync(url);
            if (await page.Locator(selector).CountAsync() > 0) return;
            await page.WaitForTimeoutAsync(1000);
        }
        Assert.Fail($"Nothing matching {selector} appeared on {url} within a minute.");
    }

    public static async Task<IPage> SignInAsync(IBrowserContext context, string email, string password = DemoServerFixture.DemoPassword)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Identity/Account/Login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/Login", StringComparison.OrdinalIgnoreCase));
        return page;
    }

    /// <summary>
    /// Through the JSON API with the page's own cookie, as a script on the site would: a machining
    /// requirement with one mandatory and two weighted criteria, published at once.
    /// </summary>
    public static async Task<int> PublishRequirementAsync(IPage buyer, int deadlineInDays, object[]? criteria = null)
    {
        var created = await buyer.APIRequest.PostAsync("/api/requirements", new APIRequestContextOptions
        {
            Headers = await ApiHeadersAsync(buyer),
            DataObject = new
            {
                title = "Machined aluminium brackets for a seat-adjuster module",
                description = "Milled and anodised aluminium brackets with a dimensional report per batch.",
                isicCodes = new[] { "2592" },
                quantity = 12000,
                quantityUnit = "pieces",
                quantityPeriod = "Month",
                deliveryCountry = "DE",
                responseDeadline = DateTime.UtcNow.AddDays(deadlineInDays).ToString("yyyy-MM-dd"),
                criteria = criteria ?? new object[]
                {
                    new { kind = "CertificationHeld", mandatory = true, standard = "ISO 9001" },
                    new { kind = "CapabilityFit", weight = 70, keywords = new[] { "5-axis milling", "anodising", "dimensional inspection" } },
                    new { kind = "LeadTimeAtMost", weight = 30, days = 45 },
                },
            },
        });
        Assert.True(created.Ok, $"Creating the requirement: {created.Status} {await created.TextAsync()}");
        var id = (await created.JsonAsync())!.Value.GetProperty("id").GetInt32();
        var published = await buyer.APIRequest.PostAsync($"/api/requirements/{id}/publish", new APIRequestContextOptions { Headers = await ApiHeadersAsync(buyer) });
        Assert.True(published.Ok, $"Publishing the requirement: {published.Status} {await published.TextAsync()}");
        return id;
    }

    /// <summary>
    /// What the site's scripts send on a write to /api with the cookie: the antiforgery token the
    /// signed-in page carries in its meta tag.
    /// </summary>
    public static async Task<Dictionary<string, string>> ApiHeadersAsync(IPage page)
    {
        var token = await page.Locator("meta[name='request-verification-token']").GetAttributeAsync("content");
        Assert.False(string.IsNullOrEmpty(token), "The signed-in page carries no antiforgery token.");
        return new Dictionary<string, string> { ["RequestVerificationToken"] = token! };
    }

    /// <summary>A full-page picture under the test output's screenshots folder (the docs' pictures come from these).</summary>
    /// <param name="fullPage">False for what fits the window only: a phone's first screen, say.</param>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = fullPage });
    }
}
