using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Dashboards;
using GvcMatch.Web.Features.Requirements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// The dashboards' charts as people see them: a buyer looks at the demo supplier's page and its
/// requirements' matches, and the supplier finds the view and the appearances on its dashboard;
/// the buyer sees its pipeline. Both are photographed for the README and fit a 390 px phone.
/// </summary>
public sealed class DashboardsInBrowserTests(DemoServerFixture app) : IClassFixture<DemoServerFixture>
{
    [BrowserFact]
    public async Task TheSupplierSeesTheBuyersViewAndTheBuyerSeesItsPipeline()
    {
        SetDefaultExpectTimeout(30_000);
        await using var buyerContext = await BrowserSessions.NewContextAsync(app);
        await using var supplierContext = await BrowserSessions.NewContextAsync(app);
        foreach (var context in new[] { buyerContext, supplierContext })
        {
            context.SetDefaultNavigationTimeout(120_000);
            context.SetDefaultTimeout(60_000);
        }
        var buyer = await BrowserSessions.SignInAsync(buyerContext, DemoServerFixture.BuyerEmail);
        var supplier = await BrowserSessions.SignInAsync(supplierContext, DemoServerFixture.SupplierEmail);
        var (supplierId, requirements) = await DemoIdsAsync();

        await buyer.GotoAsync($"/Suppliers/{supplierId}");
        // The demo's profiles reach the index in the background; the matches pages rank once they are there.
        await BrowserSessions.OpenOnceIndexedAsync(buyer, "/Search/suppliers?q=machining", ".search-result");
        foreach (var requirement in requirements) await buyer.GotoAsync($"/Requirements/{requirement}/Matches");
        await app.Services.GetRequiredService<CounterRecorder>().FlushAsync(CancellationToken.None);

        await supplier.GotoAsync("/Account/Dashboard");
        await Expect(supplier.Locator("#chart-profile-views svg[role=img]")).ToBeVisibleAsync();
        Assert.Equal("1", await supplier.Locator("#chart-profile-views rect.chart-bar").Last.GetAttributeAsync("data-value"));
        Assert.Equal(12, await supplier.Locator("#chart-appearances rect.chart-bar").CountAsync());
        await BrowserSessions.ScreenshotAsync(supplier, "dashboard-supplier.png");

        await buyer.GotoAsync("/Account/Dashboard");
        await Expect(buyer.Locator("#chart-pipeline svg[role=img]")).ToBeVisibleAsync();
        Assert.Equal(4, await buyer.Locator("#chart-pipeline rect.chart-bar").CountAsync());
        await BrowserSessions.ScreenshotAsync(buyer, "dashboard-buyer.png");

        foreach (var page in new[] { supplier, buyer })
        {
            await page.SetViewportSizeAsync(390, 844);
            await page.ReloadAsync();
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"The dashboard is {width} px wide at 390 px.");
        }
    }

    /// <summary>The demo supplier's organisation and the demo buyer's published requirements.</summary>
    private async Task<(int Supplier, List<int> Requirements)> DemoIdsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var supplier = await db.Users.Where(u => u.Email == DemoServerFixture.SupplierEmail).Select(u => u.OrganizationId!.Value).SingleAsync();
        var buyer = await db.Users.Where(u => u.Email == DemoServerFixture.BuyerEmail).Select(u => u.OrganizationId!.Value).SingleAsync();
        var requirements = await db.Requirements.Where(r => r.OrganizationId == buyer && r.Status == RequirementStatus.Published)
            .OrderBy(r => r.Id).Select(r => r.Id).Take(3).ToListAsync();
        return (supplier, requirements);
    }
}
