using GvcMatch.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// Issue 15's journey: a buyer announces a consolidation through its form; the affected SME (an
/// agreed supplier in the category) finds its notice, its gap plan and its new matches to other
/// buyers' open requirements.
/// </summary>
[Collection(SharedDemoServer.Name)]
public sealed class ConsolidationInBrowserTests(DemoServerFixture app)
{
    [BrowserFact]
    public async Task ABuyersConsolidationReachesTheAffectedSmeWithItsGapPlanAndNewMatches()
    {
        SetDefaultExpectTimeout(30_000);
        await using var buyerContext = await BrowserSessions.NewContextAsync(app);
        await using var supplierContext = await BrowserSessions.NewContextAsync(app);
        // The journey runs a background job and the re-matching on a shared machine: generous waits.
        foreach (var context in new[] { buyerContext, supplierContext })
        {
            context.SetDefaultNavigationTimeout(120_000);
            context.SetDefaultTimeout(60_000);
        }
        var buyer = await BrowserSessions.SignInAsync(buyerContext, DemoServerFixture.BuyerEmail);
        var supplier = await BrowserSessions.SignInAsync(supplierContext, DemoServerFixture.SupplierEmail);
        await AgreeAsync(buyer, supplier);
        // The demo's requirements reach the index in the background; the re-matching reads it.
        await BrowserSessions.OpenOnceIndexedAsync(supplier, "/Account/Recommended", "a[href^='/Requirements/']");

        await buyer.GotoAsync("/Consolidation/Edit");
        await buyer.FillAsync("#title", "Fewer machining suppliers for chassis parts");
        await buyer.FillAsync("#reason", "From 2028 we buy chassis machining from six suppliers with IATF 16949 and short lead times.");
        await buyer.FillAsync("#isicCodes", "2592");
        await buyer.FillAsync("#decisionDate", DateTime.UtcNow.AddDays(200).ToString("yyyy-MM-dd"));
        await buyer.SelectOptionAsync("#crit-0-kind", "CertificationHeld");
        await buyer.FillAsync("#crit-0-weight", "40");
        await buyer.FillAsync("#crit-0-standard", "IATF 16949");
        await buyer.SelectOptionAsync("#crit-1-kind", "CapacityAtLeast");
        await buyer.FillAsync("#crit-1-weight", "30");
        await buyer.FillAsync("#crit-1-minimum", "40000");
        await buyer.FillAsync("#crit-1-unit", "pieces");
        await buyer.SelectOptionAsync("#crit-2-kind", "LeadTimeAtMost");
        await buyer.FillAsync("#crit-2-weight", "30");
        await buyer.FillAsync("#crit-2-days", "10");
        await buyer.ClickAsync("#save");
        await Expect(buyer.Locator("#notice-status")).ToBeVisibleAsync();
        await buyer.ClickAsync("#publish");
        await buyer.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/Consolidation/\\d+$"));
        var notice = buyer.Url;

        // The buyer follows its affected suppliers once the background job has told them.
        await BrowserSessions.OpenOnceIndexedAsync(buyer, notice, "#affected a:has-text('Kawaguchi')");
        await BrowserSessions.ScreenshotAsync(buyer, "consolidation-buyer.png");

        await supplier.GotoAsync("/Account/Inbox");
        await Expect(supplier.Locator("main")).ToContainTextAsync("Fewer machining suppliers for chassis parts");
        await supplier.GotoAsync(notice);
        await Expect(supplier.Locator("#my-notice")).ToBeVisibleAsync();
        Assert.True(await supplier.Locator(".gap").CountAsync() > 0, "The affected SME sees no gap plan.");
        Assert.True(await supplier.Locator("#new-matches .new-match").CountAsync() > 0, "The affected SME sees no new matches.");
        await BrowserSessions.ScreenshotAsync(supplier, "consolidation-supplier.png");
    }

    /// <summary>An accepted offer in a direct conversation makes the SME one of the buyer's agreed suppliers.</summary>
    private async Task AgreeAsync(IPage buyer, IPage supplier)
    {
        var started = await buyer.APIRequest.PostAsync("/api/conversations", new APIRequestContextOptions
        {
            Headers = await BrowserSessions.ApiHeadersAsync(buyer),
            DataObject = new { topic = "Direct", organizationId = await SupplierOrganizationAsync() },
        });
        Assert.True(started.Ok, $"Starting the conversation: {started.Status} {await started.TextAsync()}");
        var conversation = (await started.JsonAsync())!.Value.GetProperty("id").GetInt64();
        var proposed = await supplier.APIRequest.PostAsync($"/api/conversations/{conversation}/offers", new APIRequestContextOptions
        {
            Headers = await BrowserSessions.ApiHeadersAsync(supplier),
            DataObject = new
            {
                price = 4.20m, currency = "EUR", quantity = 12000, unit = "pcs", leadTimeDays = 45, incoterm = "FCA", deliveryPlace = "Tokyo",
                paymentTermsDays = 30, validUntil = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
            },
        });
        Assert.True(proposed.Ok, $"Proposing: {proposed.Status} {await proposed.TextAsync()}");
        var offer = (await proposed.JsonAsync())!.Value.GetProperty("id").GetInt64();
        var accepted = await buyer.APIRequest.PostAsync($"/api/offers/{offer}/accept", new APIRequestContextOptions { Headers = await BrowserSessions.ApiHeadersAsync(buyer) });
        Assert.True(accepted.Ok, $"Accepting: {accepted.Status} {await accepted.TextAsync()}");
    }

    private async Task<int> SupplierOrganizationAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(DemoServerFixture.SupplierEmail);
        return user!.OrganizationId!.Value;
    }
}
