using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// The requirement criteria editor offers the capability vocabulary on every keywords field,
/// including rows the buyer adds with "Add a row" after the page loaded.
/// </summary>
[Collection(SharedDemoServer.Name)]
public sealed class CriteriaChipsInBrowserTests(DemoServerFixture app)
{
    [BrowserFact]
    public async Task AnAddedCriterionRowSuggestsCapabilitiesAndShowsWhatItRecognises()
    {
        SetDefaultExpectTimeout(15_000);
        await using var context = await BrowserSessions.NewContextAsync(app);
        var buyer = await BrowserSessions.SignInAsync(context, DemoServerFixture.BuyerEmail);
        await buyer.GotoAsync("/Account/Requirements/Edit");

        var rows = buyer.Locator("#criteria-rows .criterion-row");
        var before = await rows.CountAsync();
        await buyer.ClickAsync("#add-criterion");
        await Expect(rows).ToHaveCountAsync(before + 1);
        var added = rows.Nth(before);
        // One suggestion list and one chip line per field: the copies of the cloned row's are gone.
        await Expect(added.Locator(".vocabulary-suggestions")).ToHaveCountAsync(1);
        await Expect(added.Locator(".vocabulary-chips")).ToHaveCountAsync(1);

        var keywords = added.Locator("[data-param=keywords]");
        await keywords.PressSequentiallyAsync("powder coa");
        var suggestion = added.Locator(".vocabulary-suggestions button", new() { HasText = "powder coating" });
        await Expect(suggestion.First).ToBeVisibleAsync();

        await keywords.FillAsync("electrostatic powder painting, fresado CNC");
        await keywords.DispatchEventAsync("input");
        await Expect(added.Locator(".concept-chip[data-concept=powder-coating]")).ToBeVisibleAsync();
        await Expect(added.Locator(".concept-chip[data-concept=cnc-milling]")).ToBeVisibleAsync();
        // The first row's field was not touched and shows none of it.
        await Expect(rows.Nth(0).Locator(".concept-chip[data-concept=cnc-milling]")).ToHaveCountAsync(0);
        await BrowserSessions.ScreenshotAsync(buyer, "criteria-added-row-chips.png");
    }
}
