using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// A patent licensed through a term sheet, in two browsers: the SME lists a patent with its terms,
/// the buyer finds it from its requirement and proposes a licence term sheet in the conversation,
/// the SME accepts, and both download the heads of terms.
/// </summary>
[Collection(SharedDemoServer.Name)]
public sealed partial class LicensingInBrowserTests(DemoServerFixture app)
{
    [BrowserFact]
    public async Task An_sme_licenses_a_listed_patent_to_a_buyer_through_a_term_sheet()
    {
        SetDefaultExpectTimeout(15_000);
        await using var buyerContext = await BrowserSessions.NewContextAsync(app);
        await using var supplierContext = await BrowserSessions.NewContextAsync(app);
        var buyer = await BrowserSessions.SignInAsync(buyerContext, DemoServerFixture.BuyerEmail);
        var supplier = await BrowserSessions.SignInAsync(supplierContext, DemoServerFixture.SupplierEmail);

        // The SME lists its patent with the terms it offers and what it seeks.
        await supplier.GotoAsync("/Account/Ip/Edit");
        await supplier.FillAsync("#title", "Self-lubricating bearing bush coating");
        await supplier.FillAsync("#abstract", "A sprayed polymer coating that lets bronze bearing bushes run dry, halving friction in seat-adjuster hinges.");
        await supplier.FillAsync("#jurisdictions", "JP, EP");
        await supplier.FillAsync("#applicationNumber", "JP2026-104211");
        await supplier.SelectOptionAsync("#terms-kind", "ExclusiveLicence");
        await supplier.FillAsync("#terms-field", "Seat-adjuster hinges for passenger cars");
        await supplier.FillAsync("#terms-territory", "DE, ASEAN");
        await supplier.FillAsync("#terms-years", "10");
        await supplier.SelectOptionAsync("#terms-improvements", "Joint");
        await supplier.FillAsync("#terms-royalty", "3.5");
        await supplier.FillAsync("#terms-lump", "25000");
        await supplier.FillAsync("#terms-currency", "EUR");
        await supplier.FillAsync("input[name='Input.Terms.MilestoneLabels[0]']", "First series production");
        await supplier.FillAsync("input[name='Input.Terms.MilestoneAmounts[0]']", "40000");
        await supplier.CheckAsync("#seek-Licensee");
        await supplier.FillAsync("#seek-territories", "EU");
        await supplier.ClickAsync("#publish");
        await Expect(supplier.Locator("#message")).ToBeVisibleAsync();
        var listingId = int.Parse(ListingId().Match(supplier.Url).Groups[1].Value);
        await supplier.GotoAsync($"/Ip/{listingId}");
        await Expect(supplier.Locator("#offered-terms")).ToContainTextAsync("Seat-adjuster hinges for passenger cars");
        await BrowserSessions.ScreenshotAsync(supplier, "ip-listing-terms.png");

        // The buyer's requirement finds the listing, explained; the buyer contacts the owner from it.
        var requirementId = await BrowserSessions.PublishRequirementAsync(buyer, deadlineInDays: 30, new object[]
        {
            new { kind = "CapabilityFit", weight = 70, keywords = new[] { "bearing bush coating", "dry-running bearings" } },
            new { kind = "ExportExperience", weight = 30, countries = new[] { "DE" } },
        });
        await BrowserSessions.OpenOnceIndexedAsync(buyer, $"/Ip/ForRequirement/{requirementId}", $".ip-match[data-id='{listingId}']");
        await buyer.Locator($".ip-match[data-id='{listingId}'] a").First.ClickAsync();
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Contact owner" }).ClickAsync();
        await buyer.WaitForURLAsync(new Regex(@"/Conversations/\d+$"));
        var conversation = new Uri(buyer.Url).AbsolutePath;
        await Expect(buyer.Locator("#connection-state")).ToHaveTextAsync("Live");

        // The buyer proposes a licence term sheet; the SME sees it live and accepts.
        await buyer.ClickAsync("#new-licence");
        await buyer.SelectOptionAsync("#licence-kind", "ExclusiveLicence");
        await buyer.FillAsync("#licence-field", "Seat-adjuster hinges for passenger cars");
        await buyer.FillAsync("#licence-territory", "DE, ASEAN");
        await buyer.FillAsync("#licence-years", "10");
        await buyer.FillAsync("#licence-royalty", "3");
        await buyer.FillAsync("#licence-lump", "20000");
        await buyer.FillAsync("#licence-milestone", "First series production");
        await buyer.FillAsync("#licence-milestone-amount", "40000");
        await buyer.ClickAsync("#licence-submit");
        await Expect(buyer.Locator("#licence-form")).ToBeHiddenAsync();

        await supplier.GotoAsync(conversation);
        var card = supplier.Locator(".offer-card").Last;
        await Expect(card.Locator(".licence-terms")).ToContainTextAsync("Exclusive licence");
        await card.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        foreach (var page in new[] { supplier, buyer })
        {
            var accepted = page.Locator(".offer-card").Last;
            await Expect(accepted.Locator(".offer-state")).ToHaveTextAsync("Accepted");
            var download = await page.RunAndWaitForDownloadAsync(() => accepted.Locator("a.heads-of-terms-link").ClickAsync());
            var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        }
        await BrowserSessions.ScreenshotAsync(supplier, "licence-term-sheet.png");
    }

    [GeneratedRegex(@"/Account/Ip/Edit/(\d+)")]
    private static partial Regex ListingId();
}
