using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// A requirement from published to awarded in two browsers: the supplier bids through the bid
/// form, the deadline passes (the app's clock moves, nobody waits), the buyer scores and awards on
/// the evaluation page, and the supplier reads its debrief.
/// </summary>
public sealed class BiddingInBrowserTests(BiddingServerFixture app) : IClassFixture<BiddingServerFixture>
{
    [BrowserFact]
    public async Task A_supplier_bids_the_buyer_awards_after_the_deadline_and_the_supplier_reads_its_debrief()
    {
        SetDefaultExpectTimeout(15_000);
        await using var buyerContext = await BrowserSessions.NewContextAsync(app);
        await using var supplierContext = await BrowserSessions.NewContextAsync(app);
        var buyer = await BrowserSessions.SignInAsync(buyerContext, DemoServerFixture.BuyerEmail);
        var supplier = await BrowserSessions.SignInAsync(supplierContext, DemoServerFixture.SupplierEmail);
        var requirementId = await BrowserSessions.PublishRequirementAsync(buyer, deadlineInDays: 1);

        // The supplier answers every criterion and submits.
        await supplier.GotoAsync($"/Requirements/{requirementId}");
        await supplier.ClickAsync("#bid");
        await supplier.WaitForURLAsync($"**/Requirements/{requirementId}/Bid");
        await Expect(supplier.Locator(".criterion-summary")).ToHaveCountAsync(3);
        await supplier.FillAsync("#answer-0-value", "Held, valid to 2028");
        await supplier.FillAsync("#answer-0-evidence", "ISO 9001 certificate JQA-QMA-11843");
        await supplier.FillAsync("#answer-1-value", "5-axis milling, anodising and a dimensional report per batch");
        await supplier.FillAsync("#answer-2-value", "30 days from order");
        await supplier.FillAsync("#answer-2-number", "30");
        await supplier.FillAsync("#price", "4.20");
        await supplier.FillAsync("#currency", "EUR");
        await supplier.FillAsync("#leadTimeDays", "30");
        await supplier.SelectOptionAsync("#incoterms", "DAP");
        await supplier.FillAsync("#paymentTermsDays", "60");
        await supplier.ClickAsync("#submit");
        await Expect(supplier.Locator("#bid-status")).ToHaveTextAsync("Submitted");

        // Before the deadline the buyer finds the bids sealed.
        await buyer.GotoAsync($"/Requirements/{requirementId}/Bids");
        await Expect(buyer.Locator("#sealed")).ToBeVisibleAsync();

        app.Clock.Advance(TimeSpan.FromDays(3));

        // After it, the buyer scores every criterion with a reason and awards the bid.
        var bidId = await BidIdAsync(requirementId);
        await buyer.GotoAsync($"/Awards/Evaluation/{requirementId}");
        await Expect(buyer.Locator($"#bid-{bidId}")).ToBeVisibleAsync();
        foreach (var (criterion, score, reason) in new[] { (0, "1", "Certificate checked with the registrar."), (1, "0.9", "All three processes shown on the sample parts."), (2, "1", "30 days is within the 45 asked.") })
        {
            var form = buyer.Locator($"#score-{bidId}-{criterion}");
            await form.Locator("[name=score]").FillAsync(score);
            await form.Locator("[name=reason]").FillAsync(reason);
            await form.Locator("button[type=submit]").ClickAsync();
            await Expect(buyer.Locator("#message")).ToBeVisibleAsync();
        }
        var award = buyer.Locator($"#award-{bidId}-0");
        await award.Locator("[name=note]").FillAsync("Best value on every criterion.");
        await BrowserSessions.ScreenshotAsync(buyer, "evaluation.png");
        await award.Locator("button[type=submit]").ClickAsync();
        await Expect(buyer.Locator("#message")).ToBeVisibleAsync();

        // The award is public on the requirement, and the supplier reads its own debrief.
        await supplier.GotoAsync($"/Requirements/{requirementId}");
        await Expect(supplier.Locator("#award-summary .winner")).ToContainTextAsync("Kawaguchi");
        await supplier.ClickAsync("#open-debrief");
        await supplier.WaitForURLAsync($"**/Awards/Debrief/{bidId}");
        await Expect(supplier.Locator("#won")).ToBeVisibleAsync();
        await Expect(supplier.Locator("#rank")).ToContainTextAsync("1 of 1");
        await Expect(supplier.Locator("#own-scores")).ToContainTextAsync("All three processes shown on the sample parts.");
        await BrowserSessions.ScreenshotAsync(supplier, "debrief.png");
    }

    private async Task<int> BidIdAsync(int requirementId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Bids.Where(b => b.RequirementId == requirementId).Select(b => b.Id).SingleAsync();
    }
}

/// <summary>The demo data on a server of its own, since the test moves the app's clock.</summary>
public sealed class BiddingServerFixture : BrowserServerFixture
{
    protected override bool SeedDemoData => true;
}
