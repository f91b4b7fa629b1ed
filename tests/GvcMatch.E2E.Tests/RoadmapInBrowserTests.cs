using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// Issue 15's road-map journey: a buyer publishes an item through its form; an SME finds it among
/// the items it fits, with the explanation and its gap plan, follows it and expresses interest; the
/// buyer reads the interest and turns the item into a requirement; the SME hears of it in its inbox.
/// </summary>
public sealed partial class RoadmapInBrowserTests(DemoServerFixture app) : IClassFixture<DemoServerFixture>
{
    private const string Title = "Stainless camera brackets for driver assistance";

    [BrowserFact]
    public async Task ABuyersRoadmapItemReachesAFittingSmeWhoseInterestIsHeardFirstWhenItBecomesARequirement()
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

        var item = await PublishAsync(buyer);

        // The SME finds the item among those it fits, then its explanation and gap plan on the item's page.
        await supplier.GotoAsync("/Roadmaps");
        await Expect(supplier.Locator($"#fits .fit[data-item='{item}']")).ToBeVisibleAsync();
        await supplier.ClickAsync($"#fits .fit[data-item='{item}'] a[href='/Roadmaps/{item}']");
        await Expect(supplier.Locator("#my-fit")).ToBeVisibleAsync();
        Assert.True(await supplier.Locator("#my-fit .score-bar .seg").CountAsync() > 0, "The SME sees no score explanation.");
        Assert.True(await supplier.Locator(".gap").CountAsync() > 0, "The SME sees no gap plan.");
        await BrowserSessions.ScreenshotAsync(supplier, "roadmap-supplier.png");

        await supplier.ClickAsync("#follow-item");
        await Expect(supplier.Locator("#follow-item")).ToContainTextAsync("Stop following");
        await supplier.FillAsync("#note", "We machine stainless brackets on five axes and can shorten our lead time with a second shift.");
        await supplier.FillAsync("#capabilities", "5-axis milling, stainless steel 316L");
        await supplier.FillAsync("#capacity", "15,000 pieces a month");
        await supplier.ClickAsync("#express");
        await Expect(supplier.Locator("#express")).ToContainTextAsync("Update your expression of interest");

        // The buyer reads the interest and turns the item into a requirement.
        await buyer.GotoAsync($"/Roadmaps/{item}");
        await Expect(buyer.Locator("#interests .interest")).ToContainTextAsync("Kawaguchi");
        await Expect(buyer.Locator("#followers")).ToContainTextAsync("1");
        await BrowserSessions.ScreenshotAsync(buyer, "roadmap-buyer.png");
        await buyer.FillAsync("#responseDeadline", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"));
        await buyer.FillAsync("#deliveryCountry", "DE");
        await buyer.ClickAsync("#convert-submit");
        await buyer.WaitForURLAsync(url => RequirementPage().IsMatch(url));

        // The interested SME hears first.
        await supplier.GotoAsync("/Account/Inbox");
        await Expect(supplier.Locator("main")).ToContainTextAsync($"turned a road-map item into a requirement: {Title}");
    }

    /// <summary>Drafts the item through the editor (criteria the demo SME meets partly: its lead time is 30 days), then publishes it.</summary>
    private static async Task<int> PublishAsync(IPage buyer)
    {
        await buyer.GotoAsync("/Roadmaps/Edit");
        await buyer.FillAsync("#title", Title);
        await buyer.FillAsync("#description", "Our next camera module needs machined stainless brackets, anodised aluminium covers and short lead times.");
        await buyer.SelectOptionAsync("#kind", "Product");
        await buyer.SelectOptionAsync("#visibility", "Everyone");
        await buyer.FillAsync("#timingYear", (DateTime.UtcNow.Year + 1).ToString());
        await buyer.SelectOptionAsync("#timingQuarter", "2");
        await buyer.FillAsync("#isicCodes", "2592");
        await buyer.SelectOptionAsync("#crit-0-kind", "CapabilityFit");
        await buyer.FillAsync("#crit-0-weight", "50");
        await buyer.FillAsync("#crit-0-keywords", "CNC machining, anodising");
        await buyer.SelectOptionAsync("#crit-1-kind", "CertificationHeld");
        await buyer.FillAsync("#crit-1-weight", "25");
        await buyer.FillAsync("#crit-1-standard", "ISO 9001");
        await buyer.SelectOptionAsync("#crit-2-kind", "LeadTimeAtMost");
        await buyer.FillAsync("#crit-2-weight", "25");
        await buyer.FillAsync("#crit-2-days", "14");
        await buyer.ClickAsync("#save");
        await Expect(buyer.Locator("#item-status")).ToBeVisibleAsync();
        await buyer.ClickAsync("#publish");
        await buyer.WaitForURLAsync(url => ItemPage().IsMatch(url));
        return int.Parse(ItemPage().Match(buyer.Url).Groups[1].Value);
    }

    [GeneratedRegex(@"/Roadmaps/(\d+)$")]
    private static partial Regex ItemPage();

    [GeneratedRegex(@"/Requirements/\d+$")]
    private static partial Regex RequirementPage();
}
