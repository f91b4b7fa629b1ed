using System.Text.RegularExpressions;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// Two people in two browsers (separate contexts, separate cookies) negotiate a deal live with the
/// real JavaScript client, then one of them drops off the network and comes back without losing
/// or doubling a word.
/// </summary>
public sealed partial class NegotiationInBrowserTests(DemoServerFixture app) : IClassFixture<DemoServerFixture>
{
    private const string Supplier = "Kawaguchi Precision Works";

    [BrowserFact]
    public async Task A_buyer_and_a_supplier_negotiate_live_and_the_one_who_went_offline_misses_nothing()
    {
        SetDefaultExpectTimeout(15_000);
        await using var buyerContext = await NewContextAsync();
        await using var supplierContext = await NewContextAsync();
        var buyer = await BrowserSessions.SignInAsync(buyerContext, DemoServerFixture.BuyerEmail);
        var supplier = await BrowserSessions.SignInAsync(supplierContext, DemoServerFixture.SupplierEmail);
        await supplier.GotoAsync("/Conversations");
        await Expect(supplier.Locator("#messages-unread")).ToBeHiddenAsync();

        // The buyer contacts the supplier from the ranked matches of a fresh requirement.
        var requirementId = await BrowserSessions.PublishRequirementAsync(buyer, deadlineInDays: 30);
        await BrowserSessions.OpenOnceIndexedAsync(buyer, $"/Requirements/{requirementId}/Matches", $".card:has-text(\"{Supplier}\")");
        await buyer.Locator(".card", new() { HasText = Supplier }).GetByRole(AriaRole.Button, new() { Name = "Contact" }).ClickAsync();
        await buyer.WaitForURLAsync(ConversationUrl());
        var conversation = new Uri(buyer.Url).AbsolutePath;
        await Expect(buyer.Locator("#connection-state")).ToHaveTextAsync("Live");
        await Expect(buyer.Locator("#messages .msg-system")).ToContainTextAsync("Conversation started by Rheinfeld");

        // The supplier, on another page, sees the unread count arrive without reloading.
        await Expect(supplier.Locator("#messages-unread")).ToHaveTextAsync("1");
        await supplier.GotoAsync(conversation);
        await Expect(supplier.Locator("#connection-state")).ToHaveTextAsync("Live");
        await Expect(supplier.Locator("#messages-unread")).ToBeHiddenAsync();

        // Typing shows on the other side; messages arrive live both ways; Enter sends.
        await buyer.Locator("#message-body").PressSequentiallyAsync("Good morning Aiko, could you quote 12,000 brackets a month?");
        await Expect(supplier.Locator("#typing")).ToHaveTextAsync("Katrin Vogel is typing…");
        await buyer.Locator("#message-body").PressAsync("Enter");
        await Expect(supplier.Locator("#messages .msg-other .msg-body").Last).ToHaveTextAsync("Good morning Aiko, could you quote 12,000 brackets a month?");
        await Expect(supplier.Locator("#typing")).ToBeEmptyAsync();

        await supplier.Locator("#message-body").FillAsync("Yes. Our offer follows, FCA Kawaguchi.");
        await supplier.Locator("#send").ClickAsync();
        await Expect(buyer.Locator("#messages .msg-other .msg-body").Last).ToHaveTextAsync("Yes. Our offer follows, FCA Kawaguchi.");
        // Both pages are open and visible, so each side's last message is read by the other.
        await Expect(buyer.Locator("#messages .msg-own").Last.Locator(".msg-status")).ToHaveTextAsync("Seen");
        await Expect(supplier.Locator("#messages .msg-own").Last.Locator(".msg-status")).ToHaveTextAsync("Seen");

        // The supplier proposes; the buyer sees the card live and accepts; both see the agreement.
        await supplier.Locator("#new-offer").ClickAsync();
        await supplier.Locator("#offer-price").FillAsync("18.40");
        await supplier.Locator("#offer-quantity").FillAsync("12000");
        await supplier.Locator("#offer-lead").FillAsync("35");
        await supplier.Locator("#offer-place").FillAsync("Kawaguchi, Saitama");
        await supplier.Locator("#offer-payment").FillAsync("60");
        await supplier.Locator("#offer-notes").FillAsync("Includes the dimensional report for every batch.");
        await supplier.Locator("#offer-submit").ClickAsync();
        await Expect(supplier.Locator("#offer-form")).ToBeHiddenAsync();

        var buyerCard = buyer.Locator(".offer-card").Last;
        await Expect(buyerCard.Locator(".offer-state")).ToHaveTextAsync("Proposed");
        await Expect(buyerCard.Locator(".offer-price")).ToHaveTextAsync("18.40 EUR");
        await Expect(supplier.Locator(".offer-card").Last.GetByRole(AriaRole.Button, new() { Name = "Withdraw" })).ToBeVisibleAsync();
        await Expect(supplier.Locator(".offer-card").Last.GetByRole(AriaRole.Button, new() { Name = "Accept" })).ToHaveCountAsync(0);
        await BrowserSessions.ScreenshotAsync(buyer, "conversation-offer.png");

        await buyerCard.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        foreach (var page in new[] { buyer, supplier })
        {
            var card = page.Locator(".offer-card").Last;
            await Expect(card.Locator(".offer-state")).ToHaveTextAsync("Accepted");
            await Expect(card.Locator(".agreement-link")).ToHaveAttributeAsync("href", AgreementUrl());
            await Expect(card.Locator("button[data-action]")).ToHaveCountAsync(0);
            var agreement = await page.APIRequest.GetAsync((await card.Locator(".agreement-link").GetAttributeAsync("href"))!);
            Assert.Equal(200, agreement.Status);
        }
        await BrowserSessions.ScreenshotAsync(buyer, "conversation-buyer.png");

        // The supplier drops off the network; the buyer writes three messages meanwhile.
        await supplierContext.SetOfflineAsync(true);
        await Expect(supplier.Locator("#connection-state")).ToHaveTextAsync("Offline");
        for (var i = 1; i <= 3; i++)
        {
            await buyer.Locator("#message-body").FillAsync($"While you were away, note {i}");
            await buyer.Locator("#message-body").PressAsync("Enter");
            await Expect(buyer.Locator("#messages .msg-own").Last.Locator(".msg-body")).ToHaveTextAsync($"While you were away, note {i}");
        }
        await Expect(buyer.Locator("#messages li.msg-pending")).ToHaveCountAsync(0);
        await Expect(supplier.Locator("#messages .msg-body", new() { HasText = "While you were away" })).ToHaveCountAsync(0);

        // Back online: everything after its last sequence number, once each, in order.
        await supplierContext.SetOfflineAsync(false);
        await Expect(supplier.Locator("#connection-state")).ToHaveTextAsync("Live");
        var caughtUp = supplier.Locator("#messages .msg-body", new() { HasText = "While you were away" });
        await Expect(caughtUp).ToHaveCountAsync(3);
        Assert.Equal(["While you were away, note 1", "While you were away, note 2", "While you were away, note 3"], await caughtUp.AllInnerTextsAsync());
        var seqs = (await supplier.Locator("#messages li[data-seq]").EvaluateAllAsync<long[]>("items => items.map(li => Number(li.dataset.seq))")).ToList();
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(n => (long)n), seqs);
        Assert.Equal(seqs, (await buyer.Locator("#messages li[data-seq]").EvaluateAllAsync<long[]>("items => items.map(li => Number(li.dataset.seq))")).ToList());
    }

    [BrowserFact]
    public async Task Earlier_messages_load_when_scrolling_up_in_order_and_once_each()
    {
        SetDefaultExpectTimeout(15_000);
        await using var context = await NewContextAsync();
        var buyer = await BrowserSessions.SignInAsync(context, DemoServerFixture.BuyerEmail);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var other = await db.Organizations.Where(o => o.Key == "sme-jp-tsubame-surgical").Select(o => o.Id).SingleAsync();
        var started = await buyer.APIRequest.PostAsync("/api/conversations", new APIRequestContextOptions { Headers = await BrowserSessions.ApiHeadersAsync(buyer), DataObject = new { topic = "Direct", organizationId = other } });
        Assert.True(started.Ok, $"Starting the conversation: {started.Status} {await started.TextAsync()}");
        var id = (await started.JsonAsync())!.Value.GetProperty("id").GetInt64();
        var katrin = await db.Users.Where(u => u.Email == DemoServerFixture.BuyerEmail).Select(u => new { u.Id, u.OrganizationId }).SingleAsync();
        var store = scope.ServiceProvider.GetRequiredService<ConversationStore>();
        for (var i = 1; i <= 70; i++)
            await store.AppendAsync(id, new Sender(katrin.Id, katrin.OrganizationId!.Value, "Katrin Vogel"), new NewMessage(MessageKind.Text, $"History line {i}", $"history-{i}"));

        await buyer.GotoAsync($"/Conversations/{id}");
        await Expect(buyer.Locator("#connection-state")).ToHaveTextAsync("Live");
        var rows = buyer.Locator("#messages li[data-seq]");
        Assert.Equal(50, await rows.CountAsync());
        await buyer.Locator("#message-scroller").EvaluateAsync("e => { e.scrollTop = 0; }");

        await Expect(rows).ToHaveCountAsync(71);
        await Expect(buyer.Locator("#load-earlier")).ToHaveCountAsync(0);
        var seqs = await rows.EvaluateAllAsync<long[]>("items => items.map(li => Number(li.dataset.seq))");
        Assert.Equal(Enumerable.Range(1, 71).Select(n => (long)n), seqs);
        Assert.Equal("History line 1", await buyer.Locator("#msg-2 .msg-body").InnerTextAsync());
    }

    private Task<IBrowserContext> NewContextAsync() => BrowserSessions.NewContextAsync(app);

    /// <summary>The demo suppliers are indexed in the background after start-up; reload until the supplier is ranked.</summary>
    [GeneratedRegex(@"/Conversations/\d+$")]
    private static partial Regex ConversationUrl();

    [GeneratedRegex(@"^/Conversations/\d+/Agreement/\d+$")]
    private static partial Regex AgreementUrl();
}
