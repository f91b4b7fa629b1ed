using Microsoft.Playwright;

namespace GvcMatch.E2E.Tests;

/// <summary>On a small phone (360 px) no page is wider than the screen, and search shows results before its filters.</summary>
[Collection(SharedDemoServer.Name)]
public sealed class PhoneWidthInBrowserTests(DemoServerFixture app)
{
    private static readonly string[] PublicPages = ["/", "/Suppliers", "/Search/suppliers?q=machining", "/Search/requirements", "/Search/ip", "/Ip", "/About", "/Identity/Account/Login", "/Identity/Account/Register"];
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
        await BrowserSessions.OpenOnceIndexedAsync(page, "/Search/suppliers?q=machining", ".search-result");

        var firstResult = await page.Locator(".search-result").First.BoundingBoxAsync();
        Assert.NotNull(firstResult);
        Assert.True(firstResult.Y < 740, $"The first result starts at y = {firstResult.Y}, below the first screen.");
        await BrowserSessions.ScreenshotAsync(page, "phone-search.png", fullPage: false);
    }

    /// <summary>Records the page when its content is wider than the window, naming the widest element.</summary>
    private static async Task MeasureAsync(IPage page, string path, List<string> wide)
    {
        await page.GotoAsync(path);
        var report = await page.EvaluateAsync<string?>("""
            () => {
              const limit = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= limit + 1) return null;
              // The outermost element that sticks out: its parent still fits.
              const clipped = e => { for (let p = e.parentElement ?? e.parentNode; p; p = p.parentElement) if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true; return false; };
              const sticksOut = e => e.getBoundingClientRect().right > limit + 1 && !clipped(e);
              const culprit = [...document.body.querySelectorAll('*')].find(e => sticksOut(e) && !sticksOut(e.parentElement));
              const name = e => e ? `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')}` : '?';
              // Text can run past its box (a long word in a flex item or a table cell): look at text too.
              let text = null;
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n && !text; n = walker.nextNode()) {
                const range = document.createRange(); range.selectNodeContents(n);
                if (range.getBoundingClientRect().right > limit + 1 && !clipped(n)) text = n;
              }
              // Last resort: the deepest element whose hiding makes the page fit.
              const hiding = () => {
                let found = null;
                for (const e of document.body.querySelectorAll('*')) {
                  const before = e.style.display; e.style.display = 'none';
                  const fits = document.documentElement.scrollWidth <= limit + 1;
                  e.style.display = before;
                  if (fits) found = e;
                }
                return found;
              };
              const where = culprit ? name(culprit) + ' in ' + name(culprit.parentElement)
                : text ? `"${text.textContent.trim().slice(0, 40)}" in ${name(text.parentElement)}`
                : (h => `hiding ${name(h)} ("${h?.textContent.trim().slice(0, 40)}") makes it fit`)(hiding());
              return `${document.documentElement.scrollWidth}px, ${where}`;
            }
            """);
        if (report is not null) wide.Add($"{path} ({report})");
    }
}
