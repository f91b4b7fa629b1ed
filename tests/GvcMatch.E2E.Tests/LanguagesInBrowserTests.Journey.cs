using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// The SME's whole journey in Spanish and Japanese: publish the profile, find the buyer's new
/// requirement, open it, ask the buyer in a conversation with a message and an offer, and bid.
/// Every page (with what the scripts add: the live state, the offer card) must be free of English.
/// The language is chosen with the switcher before signing in, so the demo account keeps no saved
/// language that would leak into the other tests.
/// </summary>
public sealed partial class LanguagesInBrowserTests
{
    [BrowserFact]
    public Task AJapaneseSmePublishesFindsARequirementNegotiatesAndBidsWithoutMeetingEnglish() => JourneyAsync("ja");

    [BrowserFact]
    public Task ASpanishSmePublishesFindsARequirementNegotiatesAndBidsWithoutMeetingEnglish() => JourneyAsync("es");

    private async Task JourneyAsync(string language)
    {
        SetDefaultExpectTimeout(15_000);
        await using var buyerContext = await BrowserSessions.NewContextAsync(app);
        var buyer = await BrowserSessions.SignInAsync(buyerContext, DemoServerFixture.BuyerEmail);
        var requirement = await BrowserSessions.PublishRequirementAsync(buyer, deadlineInDays: 20);

        await using var context = await BrowserSessions.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.ClickAsync("#language-menu");
        await page.ClickAsync($"#language-switch button[value={language}]");
        await page.WaitForSelectorAsync($"html[lang={language}]");
        await page.GotoAsync("/Identity/Account/Login");
        await page.FillAsync("#Input_Email", DemoServerFixture.SupplierEmail);
        await page.FillAsync("#Input_Password", DemoServerFixture.DemoPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/Login", StringComparison.OrdinalIgnoreCase));

        // The profile: edited and published again.
        await page.GotoAsync("/Account/Profile");
        await AssertInLanguageAsync(page, language, "profile form");
        await page.ClickAsync("#publish");
        await page.WaitForSelectorAsync("#message");
        await AssertInLanguageAsync(page, language, "profile after publishing");
        await page.GotoAsync("/Account/Dashboard");
        await AssertInLanguageAsync(page, language, "dashboard");

        // The requirement: found in the list, opened with its criteria and the SME's own score.
        await page.GotoAsync("/Requirements");
        await AssertInLanguageAsync(page, language, "requirement list");
        await page.ClickAsync($"a[href='/Requirements/{requirement}']");
        await page.WaitForSelectorAsync("#criteria");
        await AssertInLanguageAsync(page, language, "requirement page");

        // The conversation: started from the requirement, a message and an offer over the live connection.
        await page.ClickAsync("#ask-buyer button[type=submit]");
        await page.WaitForURLAsync("**/Conversations/*");
        await Expect(page.Locator("#connection-state")).ToHaveAttributeAsync("data-state", "live");
        await page.FillAsync("#message-body", "こんにちは / Buenos días: 12.000 piezas al mes.");
        await page.ClickAsync("#send");
        await Expect(page.Locator("#messages .msg-own .msg-body").Last).ToContainTextAsync("12.000");
        await page.ClickAsync("#new-offer");
        await page.FillAsync("#offer-price", "18.40");
        await page.FillAsync("#offer-quantity", "12000");
        await page.FillAsync("#offer-unit", "pcs");
        await page.FillAsync("#offer-lead", "30");
        await page.FillAsync("#offer-place", "Kawaguchi, Saitama");
        await page.ClickAsync("#offer-submit");
        await page.WaitForFunctionAsync("() => document.getElementById('offer-form').hidden || !document.getElementById('offer-error').hidden");
        Assert.True(await page.Locator("#offer-form").IsHiddenAsync(), $"The offer was not made: {await page.Locator("#offer-error").TextContentAsync()}");
        await Expect(page.Locator(".offer-card[data-state=Proposed]")).ToHaveCountAsync(1);
        await AssertInLanguageAsync(page, language, "conversation with an offer");
        await page.ReloadAsync();
        await Expect(page.Locator(".offer-card[data-state=Proposed] button[data-action=withdraw]")).ToHaveCountAsync(1);
        await AssertInLanguageAsync(page, language, "conversation read again");
        await page.GotoAsync("/Conversations");
        await AssertInLanguageAsync(page, language, "conversation list");

        // The bid: every criterion answered, submitted, then listed.
        await page.GotoAsync($"/Requirements/{requirement}");
        await page.ClickAsync("#bid");
        await page.WaitForURLAsync($"**/Requirements/{requirement}/Bid");
        await AssertInLanguageAsync(page, language, "bid form");
        await page.FillAsync("#answer-0-value", "ISO 9001");
        await page.FillAsync("#answer-0-evidence", "JQA-QMA-11843");
        await page.FillAsync("#answer-1-value", "5-axis milling");
        await page.FillAsync("#answer-2-value", "30");
        await page.FillAsync("#answer-2-number", "30");
        await page.FillAsync("#price", "4.20");
        await page.FillAsync("#currency", "EUR");
        await page.ClickAsync("#submit");
        await Expect(page.Locator("#message")).ToBeVisibleAsync();
        await AssertInLanguageAsync(page, language, "submitted bid");
        await page.GotoAsync("/Account/Bids");
        await AssertInLanguageAsync(page, language, "my bids");
        await BrowserSessions.ScreenshotAsync(page, $"my-bids-{language}.png");
    }
}
