using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// A buyer writes an "or equivalent" certification criterion in the requirement editor: a second
/// accepted standard added with the button after the page loaded is saved with the first, and each
/// standard's field offers the registry's scopes or classes for it.
/// </summary>
[Collection(SharedDemoServer.Name)]
public sealed class CertificationCriteriaInBrowserTests(DemoServerFixture app)
{
    [BrowserFact]
    public async Task ABuyerAddsASecondAcceptedStandardAndSavesTheCriterion()
    {
        SetDefaultExpectTimeout(15_000);
        await using var context = await BrowserSessions.NewContextAsync(app);
        var buyer = await BrowserSessions.SignInAsync(context, DemoServerFixture.BuyerEmail);
        await buyer.GotoAsync("/Account/Requirements/Edit");

        await buyer.FillAsync("#title", $"Cleanroom-packed sensor housings {Guid.NewGuid():N}"[..48]);
        await buyer.FillAsync("#responseDeadline", DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd"));
        await buyer.SelectOptionAsync("#crit-0-kind", "CertificationHeld");
        await buyer.CheckAsync("#crit-0-mandatory");
        await buyer.FillAsync("#crit-0-standard", "ISO 14644");
        await buyer.Locator("#crit-0-standard").DispatchEventAsync("change");
        // The class field now offers ISO 14644's classes.
        await Expect(buyer.Locator("#crit-0-scope")).ToHaveAttributeAsync("list", "scopes-iso-14644");
        await buyer.FillAsync("#crit-0-scope", "7");
        await buyer.FillAsync("#crit-0-std-0", "ISO 13485");

        await buyer.ClickAsync("#crit-0-add-equivalent");
        await Expect(buyer.Locator("#crit-0-std-1")).ToBeVisibleAsync();
        await Expect(buyer.Locator("#crit-0-std-1")).ToHaveValueAsync("");
        await buyer.FillAsync("#crit-0-std-1", "NADCAP");
        await buyer.Locator("#crit-0-std-1").DispatchEventAsync("change");
        await Expect(buyer.Locator("#crit-0-scope-1")).ToHaveAttributeAsync("list", "scopes-nadcap");
        await buyer.FillAsync("#crit-0-scope-1", "Chemical Processing");
        await buyer.SelectOptionAsync("#crit-0-evidence", "DocumentChecked");

        await buyer.SelectOptionAsync("#crit-1-kind", "CapabilityFit");
        await buyer.FillAsync("#crit-1-weight", "100");
        await buyer.FillAsync("#crit-1-keywords", "cleanroom assembly");
        await buyer.ClickAsync("#save");
        await buyer.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Account/Requirements/Edit/\\d+"));

        // Saved as one criterion with three accepted standards, shown again in order.
        await Expect(buyer.Locator("#crit-0-standard")).ToHaveValueAsync("ISO 14644");
        await Expect(buyer.Locator("#crit-0-scope")).ToHaveValueAsync("7");
        await Expect(buyer.Locator("#crit-0-std-0")).ToHaveValueAsync("ISO 13485");
        await Expect(buyer.Locator("#crit-0-std-1")).ToHaveValueAsync("NADCAP");
        await Expect(buyer.Locator("#crit-0-scope-1")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("(?i)chemical.processing"));
        await Expect(buyer.Locator("#crit-0-evidence")).ToHaveValueAsync("DocumentChecked");
        await Expect(buyer.Locator(".is-invalid")).ToHaveCountAsync(0);
        await BrowserSessions.ScreenshotAsync(buyer, "criteria-or-equivalent.png");
    }
}
