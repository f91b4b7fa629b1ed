using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// The admin lists page through 50 rows at a time with filters; the search index page shows the
/// index and rebuilds it with a progress bar; the favicon is there.
/// </summary>
[Collection(SharedDemoServer.Name)]
public sealed class AdminPagesInBrowserTests(DemoServerFixture app)
{
    [BrowserFact]
    public async Task The_verification_list_shows_fifty_organisations_a_page_with_page_links_and_a_country_filter()
    {
        SetDefaultExpectTimeout(30_000);
        var admin = await SignInAdminAsync();
        await admin.GotoAsync("/Admin/Verification");
        var rows = admin.Locator("#organizations tbody tr");
        await Expect(rows).ToHaveCountAsync(50);

        // The demo data holds 68 organisations: the second page has the rest, and no row twice.
        var firstPage = await rows.Locator("td:first-child").AllInnerTextsAsync();
        await admin.Locator("nav .pagination a.page-link", new() { HasText = "2" }).ClickAsync();
        await admin.WaitForURLAsync("**page=2*");
        var secondPage = await rows.Locator("td:first-child").AllInnerTextsAsync();
        Assert.InRange(secondPage.Count, 1, 50);
        Assert.Empty(firstPage.Intersect(secondPage));

        await admin.SelectOptionAsync("#country-filter", "JP");
        await admin.ClickAsync("form[method=get] button[type=submit]");
        await admin.WaitForURLAsync("**country=JP*");
        var countries = await rows.Locator("td:nth-child(3)").AllInnerTextsAsync();
        Assert.NotEmpty(countries);
        Assert.All(countries, c => Assert.Equal("Japan", c.Trim())); // the list names countries in the reader's language
        Assert.Contains("Kawaguchi", string.Join(" ", await rows.Locator("td:first-child").AllInnerTextsAsync()));
    }

    [BrowserFact]
    public async Task An_admin_sees_the_search_index_and_rebuilds_it_with_a_progress_bar()
    {
        SetDefaultExpectTimeout(60_000);
        var admin = await SignInAdminAsync();
        // The demo data reaches the index in the background after start-up.
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await admin.GotoAsync("/Admin/Search");
            if ((await admin.InnerTextAsync("#documents tr[data-kind=Supplier] td")).Trim() != "0") break;
            await admin.WaitForTimeoutAsync(1000);
        }
        Assert.NotEqual("0", (await admin.InnerTextAsync("#documents tr[data-kind=Supplier] td")).Trim());
        await Expect(admin.Locator("#pending")).ToBeVisibleAsync();

        await admin.ClickAsync("#rebuild");
        // The script polls the status endpoint until the rebuild is done and fills the bar.
        await Expect(admin.Locator("#rebuild-status")).ToHaveAttributeAsync("data-state", "Completed");
        await Expect(admin.Locator("#rebuild-progress")).ToHaveAttributeAsync("aria-valuenow", "100");
        await Expect(admin.Locator("#rebuild")).ToBeEnabledAsync();
        var count = await admin.Locator("#rebuild-count").InnerTextAsync();
        Assert.Matches(@"^\d+ of \d+ documents$", count.Trim());
        var numbers = System.Text.RegularExpressions.Regex.Matches(count, @"\d+").Select(m => m.Value).ToList();
        Assert.Equal(numbers[0], numbers[1]);
        Assert.NotEqual("0", numbers[0]);
    }

    [BrowserFact]
    public async Task Anyone_but_a_platform_admin_gets_the_403_page_for_the_search_index()
    {
        await using var context = await BrowserSessions.NewContextAsync(app);
        var supplier = await BrowserSessions.SignInAsync(context, DemoServerFixture.SupplierEmail);
        var response = await supplier.GotoAsync("/Admin/Search");
        Assert.Equal(403, response!.Status);
        await Expect(supplier.Locator("#denied")).ToBeVisibleAsync();
        Assert.Equal(0, await supplier.Locator("#rebuild").CountAsync());
        var posted = await supplier.APIRequest.PostAsync("/Admin/Search?handler=Rebuild", new APIRequestContextOptions { Headers = await BrowserSessions.ApiHeadersAsync(supplier) });
        Assert.Equal(403, posted.Status);
    }

    [BrowserFact]
    public async Task Every_page_links_the_svg_favicon_and_nothing_it_loads_is_missing()
    {
        await using var context = await BrowserSessions.NewContextAsync(app);
        var page = await context.NewPageAsync();
        var missing = new List<string>();
        page.Response += (_, response) => { if (response.Status == 404) missing.Add(response.Url); };
        await page.GotoAsync("/");
        var href = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        Assert.StartsWith("/favicon.svg", href);
        var icon = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, icon.Status);
        Assert.Equal("image/svg+xml", icon.Headers["content-type"]);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(missing);
    }

    private async Task<IPage> SignInAdminAsync()
    {
        var context = await BrowserSessions.NewContextAsync(app);
        context.SetDefaultTimeout(60_000);
        return await BrowserSessions.SignInAsync(context, AccessibilityScenario.AdminEmail, AccessibilityScenario.AdminPassword);
    }
}
