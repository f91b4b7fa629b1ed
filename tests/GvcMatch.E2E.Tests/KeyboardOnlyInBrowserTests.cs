using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// The bid form, a conversation and the criteria editor, used with the keyboard only (Tab, Enter,
/// Space, arrows; no mouse): each task completes, focus is always visible, and nothing traps it.
/// </summary>
[Collection(SharedDemoServer.Name)]
public sealed class KeyboardOnlyInBrowserTests(DemoServerFixture app)
{
    [BrowserFact]
    public async Task A_supplier_fills_in_and_submits_a_bid_with_the_keyboard_only()
    {
        SetDefaultExpectTimeout(30_000);
        var (buyer, supplier) = await SignInBothAsync();
        var requirement = await BrowserSessions.PublishRequirementAsync(buyer, deadlineInDays: 20);

        await supplier.GotoAsync($"/Requirements/{requirement}/Bid");
        foreach (var (field, text) in new[]
        {
            ("#answer-0-value", "ISO 9001"), ("#answer-0-evidence", "JQA-QMA-11843"), ("#answer-1-value", "5-axis milling"),
            ("#answer-2-value", "30 days"), ("#answer-2-number", "30"), ("#price", "4.20"), ("#currency", "EUR"),
        })
        {
            await KeyboardFocus.TabToAsync(supplier, field);
            await KeyboardFocus.TypeAsync(supplier, text);
        }
        await KeyboardFocus.TabToAsync(supplier, "#submit");
        await supplier.Keyboard.PressAsync("Enter");
        await Expect(supplier.Locator("#message")).ToBeVisibleAsync();
        await Expect(supplier.Locator("#bid-status")).ToHaveTextAsync("Submitted");
        await KeyboardFocus.LeavesToTheFooterAsync(supplier);
    }

    [BrowserFact]
    public async Task A_supplier_writes_a_message_and_the_buyer_accepts_an_offer_with_the_keyboard_only()
    {
        SetDefaultExpectTimeout(30_000);
        var (buyer, supplier) = await SignInBothAsync();
        var requirement = await BrowserSessions.PublishRequirementAsync(buyer, deadlineInDays: 20);
        var started = await supplier.APIRequest.PostAsync("/api/conversations", new APIRequestContextOptions
        {
            Headers = await BrowserSessions.ApiHeadersAsync(supplier), DataObject = new { topic = "Requirement", aboutId = requirement },
        });
        Assert.True(started.Ok, await started.TextAsync());
        var conversation = (await started.JsonAsync())!.Value.GetProperty("id").GetInt64();

        await supplier.GotoAsync($"/Conversations/{conversation}");
        await Expect(supplier.Locator("#connection-state")).ToHaveAttributeAsync("data-state", "live");
        await KeyboardFocus.TabToAsync(supplier, "#message-body");
        await KeyboardFocus.TypeAsync(supplier, "Our offer follows, FCA Kawaguchi.");
        await KeyboardFocus.TabToAsync(supplier, "#send");
        await supplier.Keyboard.PressAsync("Enter");
        await Expect(supplier.Locator("#messages .msg-own .msg-body").Last).ToHaveTextAsync("Our offer follows, FCA Kawaguchi.");
        var offered = await supplier.APIRequest.PostAsync($"/api/conversations/{conversation}/offers", new APIRequestContextOptions
        {
            Headers = await BrowserSessions.ApiHeadersAsync(supplier),
            DataObject = new
            {
                price = 4.20m, currency = "EUR", quantity = 12000, unit = "pcs", leadTimeDays = 30, incoterm = "FCA",
                deliveryPlace = "Kawaguchi", paymentTermsDays = 60, validUntil = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
            },
        });
        Assert.True(offered.Ok, await offered.TextAsync());

        await buyer.GotoAsync($"/Conversations/{conversation}");
        await Expect(buyer.Locator(".offer-card[data-state=Proposed]")).ToHaveCountAsync(1);
        await KeyboardFocus.TabToAsync(buyer, ".offer-card button[data-action=accept]");
        await buyer.Keyboard.PressAsync("Space");
        await Expect(buyer.Locator(".offer-card[data-state=Accepted]")).ToHaveCountAsync(1);
        await KeyboardFocus.LeavesToTheFooterAsync(buyer);
    }

    [BrowserFact]
    public async Task A_buyer_adds_a_criterion_chooses_its_kind_and_removes_it_with_the_keyboard_only()
    {
        SetDefaultExpectTimeout(30_000);
        var (buyer, _) = await SignInBothAsync();
        await buyer.GotoAsync("/Account/Requirements/Edit");
        var rows = buyer.Locator(".criterion-row:visible");
        var before = await rows.CountAsync();

        await KeyboardFocus.TabToAsync(buyer, "#add-criterion");
        await buyer.Keyboard.PressAsync("Enter");
        await Expect(rows).ToHaveCountAsync(before + 1);
        var added = buyer.Locator(".criterion-row").Last;
        // The new row's kind has focus; the arrow keys choose a kind.
        await Expect(added.Locator(".criterion-kind")).ToBeFocusedAsync();
        await buyer.Keyboard.PressAsync("ArrowDown");
        await buyer.Keyboard.PressAsync("ArrowDown");
        Assert.NotEqual("", await added.Locator(".criterion-kind").InputValueAsync());

        await KeyboardFocus.TabToAsync(buyer, ".criterion-row:last-child .remove-criterion");
        await buyer.Keyboard.PressAsync("Space");
        await Expect(rows).ToHaveCountAsync(before);
        await Expect(added).ToBeHiddenAsync();
        Assert.Equal("", await added.Locator(".criterion-kind").InputValueAsync());
        // Focus stays in the editor rather than falling back to the start of the page.
        await Expect(buyer.Locator("#add-criterion")).ToBeFocusedAsync();
        await KeyboardFocus.LeavesToTheFooterAsync(buyer);
    }

    private async Task<(IPage Buyer, IPage Supplier)> SignInBothAsync()
    {
        var buyerContext = await BrowserSessions.NewContextAsync(app);
        var supplierContext = await BrowserSessions.NewContextAsync(app);
        foreach (var context in new[] { buyerContext, supplierContext }) context.SetDefaultTimeout(60_000);
        return (await BrowserSessions.SignInAsync(buyerContext, DemoServerFixture.BuyerEmail), await BrowserSessions.SignInAsync(supplierContext, DemoServerFixture.SupplierEmail));
    }
}
