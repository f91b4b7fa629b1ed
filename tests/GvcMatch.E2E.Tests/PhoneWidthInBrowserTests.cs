using Microsoft.Playwright;

namespace GvcMatch.E2E.Tests;

/// <summary>On a small phone (360 px) no page is wider than the screen, and search shows results before its filters.</summary>
public sealed class PhoneWidthInBrowserTests(DemoServerFixture app) : IClassFixture<DemoServerFixture>
{
    private static readonly string[] PublicPages = ["/", "/Suppliers", "/Search?kind=Supplier&q=machining", "/Search?kind=Requirement", "/Ip", "/About", "/Identity/Account/Login", "/Identity/Account/Register"];
    private static readonly string[] SignedInPages = ["/Requirements", "/Account/Dashboard", "/Account/Inbox", "/Account/Profile", "/Account/Organization"];

    [BrowserFact]
    public async Task No_page_is_wider_than_a_small_phone()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true,
        });
        var visitor = await context.NewPageAsync();
        var wide = new List<string>();
        foreach (var path in PublicPages) await MeasureAsync(visitor, path, wide);
        var supplier = await BrowserSessions.SignInAsync(context, DemoServerFixture.SupplierEmail);
        var firstSupplier = await supplier.GotoAsync("/Suppliers");
        var detail = await supplier.Locator("a[href^='/Suppliers/']").First.GetAttributeAsync("href");
        foreach (var path in SignedInPages.Append(detail!)) await MeasureAsync(supplier, path, wide);

        Assert.True(wide.Count == 0, "Wider than 360 px: " + string.Join("; ", wide));
    }

    [BrowserFact]
    public async Task Search_on_a_phone_shows_the_first_result_before_the_filters()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Search?kind=Supplier&q=machining");

        var firstResult = await page.Locator(".search-result").First.BoundingBoxAsync();
        Assert.NotNull(firstResult);
        Assert.True(firstResult.Y < 740, $"The first result starts at y = {firstResult.Y}, below the first screen.");
    }

    /// <summary>Records the page when its content is wider than the window, naming the widest element.</summary>
    private static async Task MeasureAsync(IPage page, string path, List<string> wide)
    {
        await page.GotoAsync(path);
        var report = await page.EvaluateAsync<string?>("""
            () => {
              const limit = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= limit + 1) return null;
              const culprit = [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > limit + 1)
                .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)[0];
              return `${document.documentElement.scrollWidth}px, widest ${culprit?.tagName.toLowerCase()}.${culprit?.className}`;
            }
            """);
        if (report is not null) wide.Add($"{path} ({report})");
    }
}
