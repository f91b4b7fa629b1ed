using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// A supplier day in two browsers, through the pages: the buyer organises a one-day event that runs
/// today (so its first meeting has begun), both register, the supplier picks the buyer from its
/// suggestions and asks for a meeting, the buyer accepts it, runs the scheduler and pins the meeting
/// to the first slot; the supplier reads its agenda and leaves its feedback.
/// </summary>
[Collection(SharedDemoServer.Name)]
public sealed class SupplierDayInBrowserTests(DemoServerFixture app)
{
    [BrowserFact]
    public async Task A_supplier_day_runs_from_registration_to_feedback_in_the_browser()
    {
        SetDefaultExpectTimeout(20_000);
        await using var buyerContext = await BrowserSessions.NewContextAsync(app);
        await using var supplierContext = await BrowserSessions.NewContextAsync(app);
        var buyer = await BrowserSessions.SignInAsync(buyerContext, DemoServerFixture.BuyerEmail);
        var supplier = await BrowserSessions.SignInAsync(supplierContext, DemoServerFixture.SupplierEmail);
        var id = await CreateTodaysEventAsync(buyer);

        foreach (var (page, offers, seeks) in new[] { (buyer, "sourcing of machined parts", "5-axis milling, anodising"), (supplier, "5-axis milling, anodising", "automotive buyers") })
        {
            await page.GotoAsync($"/Events/{id}");
            await page.FillAsync("#Registration_Offers", offers);
            await page.FillAsync("#Registration_Seeks", seeks);
            await page.ClickAsync("#register");
            await Expect(page.Locator("#agenda-link")).ToBeVisibleAsync();
        }

        // The supplier finds the buyer among its suggestions, explained, and asks for a meeting.
        await supplier.GotoAsync($"/Events/{id}");
        var suggestion = supplier.Locator("#suggestions tr.suggestion").Filter(new() { HasText = "Rheinfeld" });
        await Expect(suggestion).ToHaveCountAsync(1);
        await BrowserSessions.ScreenshotAsync(supplier, "event-suggestions.png");
        await suggestion.Locator("button.request").ClickAsync();
        await Expect(supplier.Locator("#sent tr.sent")).ToHaveCountAsync(1);

        // The buyer accepts, schedules, and pins the meeting to the day's first slot, which has begun.
        await buyer.GotoAsync($"/Events/{id}");
        await buyer.Locator("#received button.accept").ClickAsync();
        await Expect(buyer.Locator("#notice")).ToBeVisibleAsync();
        await buyer.ClickAsync("#run-scheduler");
        await Expect(buyer.Locator("#meetings tr.meeting td").Nth(3)).Not.ToBeEmptyAsync();
        var row = buyer.Locator("#meetings tr.meeting").First;
        await row.Locator("select[name=slot]").SelectOptionAsync("0");
        await row.Locator("button").ClickAsync();
        await Expect(buyer.Locator("#notice")).ToBeVisibleAsync();
        await Expect(buyer.Locator("#figure-bars tr[data-figure=held] .figure-value")).ToHaveTextAsync("1");

        // The supplier's agenda: the meeting, its PDF, and the feedback form now that it has started.
        await supplier.GotoAsync($"/Events/{id}/Agenda");
        await Expect(supplier.Locator("#agenda tr.agenda-meeting")).ToContainTextAsync("Rheinfeld");
        await BrowserSessions.ScreenshotAsync(supplier, "event-agenda.png");
        var pdf = await supplier.APIRequest.GetAsync((await supplier.Locator("#agenda-pdf").GetAttributeAsync("href"))!);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        var form = supplier.Locator("form.feedback-form");
        await form.Locator("input[name=useful]").CheckAsync();
        await form.Locator("input[name=followUp]").CheckAsync();
        await form.Locator("input[name=note]").FillAsync("Samples of the bracket next week");
        await form.Locator("button").ClickAsync();
        await Expect(supplier.Locator("#notice")).ToBeVisibleAsync();
        await Expect(supplier.Locator(".feedback-saved")).ToBeVisibleAsync();

        await buyer.GotoAsync($"/Events/{id}");
        await Expect(buyer.Locator("#figure-bars tr[data-figure=useful] .figure-value")).ToHaveTextAsync("1");
    }

    /// <summary>Through the API with the page's cookie: one day, today, around the clock in UTC, so its first meeting has begun.</summary>
    private static async Task<int> CreateTodaysEventAsync(IPage buyer)
    {
        var now = DateTimeOffset.UtcNow;
        var created = await buyer.APIRequest.PostAsync("/api/events", new APIRequestContextOptions
        {
            Headers = await BrowserSessions.ApiHeadersAsync(buyer),
            DataObject = new
            {
                name = "Rheinfeld supplier day", place = "Stuttgart, Hall 2", firstDay = now.ToString("yyyy-MM-dd"), days = 1,
                dayStart = "00:00", dayEnd = "23:30", meetingMinutes = 30, timeZone = "UTC", tables = 4,
                registrationOpensAt = now.AddHours(-1), registrationClosesAt = now.AddDays(1), audience = new[] { "Sme", "Mne" }, requestLimit = 5,
            },
        });
        Assert.True(created.Ok, $"Creating the event: {created.Status} {await created.TextAsync()}");
        return (await created.JsonAsync())!.Value.GetProperty("id").GetInt32();
    }
}
