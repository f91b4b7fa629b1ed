using GvcMatch.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GvcMatch.E2E.Tests;

/// <summary>The Inbox badge in the navigation follows the server's pushes, without a reload.</summary>
[Collection(SharedDemoServer.Name)]
public sealed class InboxBadgeInBrowserTests(DemoServerFixture app)
{
    [BrowserFact]
    public async Task AnotherPersonsActionRaisesTheInboxBadgeWithoutAReload()
    {
        SetDefaultExpectTimeout(15_000);
        await using var supplierContext = await BrowserSessions.NewContextAsync(app);
        await using var buyerContext = await BrowserSessions.NewContextAsync(app);
        var supplier = await BrowserSessions.SignInAsync(supplierContext, DemoServerFixture.SupplierEmail);
        var buyer = await BrowserSessions.SignInAsync(buyerContext, DemoServerFixture.BuyerEmail);

        // Everything read first, so the next notification is a new unread entry, not one folded into an unread one.
        var read = await supplier.APIRequest.PostAsync("/api/notifications/read-all", new APIRequestContextOptions { Headers = await BrowserSessions.ApiHeadersAsync(supplier) });
        Assert.True(read.Ok, $"Marking the inbox read: {read.Status}");
        await supplier.GotoAsync("/About");
        var badge = supplier.Locator("#unread-count");
        await Expect(badge).ToBeHiddenAsync();
        await supplier.EvaluateAsync("() => { window.__sameDocument = true; }");

        // The buyer opens a direct conversation with the supplier's organisation and writes: the supplier's inbox is told.
        var headers = await BrowserSessions.ApiHeadersAsync(buyer);
        var started = await buyer.APIRequest.PostAsync("/api/conversations", new APIRequestContextOptions
        {
            Headers = headers,
            DataObject = new { topic = "Direct", organizationId = await SupplierOrganizationAsync() },
        });
        Assert.True(started.Ok, $"Starting the conversation: {started.Status} {await started.TextAsync()}");
        var id = (await started.JsonAsync())!.Value.GetProperty("id").GetInt64();
        var sent = await buyer.APIRequest.PostAsync($"/api/conversations/{id}/messages", new APIRequestContextOptions
        {
            Headers = headers,
            DataObject = new { clientMessageId = Guid.NewGuid().ToString("N"), body = "Could you quote 5,000 brackets?" },
        });
        Assert.True(sent.Ok, $"Sending: {sent.Status} {await sent.TextAsync()}");

        await Expect(badge).ToBeVisibleAsync();
        var unread = await UnreadAsync(supplier);
        Assert.True(unread > 0);
        await Expect(badge).ToHaveTextAsync(unread.ToString());
        Assert.True(await supplier.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page was reloaded.");
    }

    private static async Task<int> UnreadAsync(IPage page)
    {
        var inbox = await page.APIRequest.GetAsync("/api/notifications?pageSize=1");
        return (await inbox.JsonAsync())!.Value.GetProperty("unread").GetInt32();
    }

    private async Task<int> SupplierOrganizationAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(DemoServerFixture.SupplierEmail);
        return user!.OrganizationId!.Value;
    }
}
