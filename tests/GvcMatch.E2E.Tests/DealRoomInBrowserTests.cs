using GvcMatch.Documents;
using Microsoft.Playwright;
using PdfSharp.Drawing;
using static Microsoft.Playwright.Assertions;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// A drawing shared under NDA, in two browsers: the buyer requires an NDA and uploads a drawing, the
/// supplier accepts the NDA on the requirement page and downloads its stamped copy, the buyer finds
/// that copy in the access log and revokes the supplier, and the supplier's link is dead.
/// </summary>
[Collection(SharedDemoServer.Name)]
public sealed class DealRoomInBrowserTests(DemoServerFixture app)
{
    [BrowserFact]
    public async Task A_buyer_shares_a_drawing_under_nda_sees_the_stamped_copy_in_the_log_and_revokes_it()
    {
        SetDefaultExpectTimeout(15_000);
        await using var buyerContext = await BrowserSessions.NewContextAsync(app);
        await using var supplierContext = await BrowserSessions.NewContextAsync(app);
        var buyer = await BrowserSessions.SignInAsync(buyerContext, DemoServerFixture.BuyerEmail);
        var supplier = await BrowserSessions.SignInAsync(supplierContext, DemoServerFixture.SupplierEmail);
        var requirementId = await BrowserSessions.PublishRequirementAsync(buyer, deadlineInDays: 20);

        // The buyer asks for the one-way NDA and uploads the drawing.
        await buyer.GotoAsync($"/Account/DealRoom/requirements/{requirementId}");
        await buyer.SelectOptionAsync("#policy-template", "platform:one-way:en");
        await buyer.FillAsync("#policy-purpose", "Quoting for the seat-adjuster brackets");
        await buyer.FillAsync("#policy-law", "the laws of Germany");
        await buyer.FillAsync("#policy-court", "Stuttgart");
        await buyer.ClickAsync("#nda-policy button[type=submit]");
        await Expect(buyer.Locator("#message")).ToBeVisibleAsync();
        await buyer.SetInputFilesAsync("#upload-file", new FilePayload { Name = "bracket-drawing.pdf", MimeType = "application/pdf", Buffer = Drawing() });
        await buyer.ClickAsync("#upload-document button[type=submit]");
        await Expect(buyer.Locator(".protected-document")).ToHaveCountAsync(1);

        // The supplier reads the NDA made out to it, accepts it and downloads its own copy.
        await supplier.GotoAsync($"/Requirements/{requirementId}");
        await Expect(supplier.Locator("#nda-text")).ToContainTextAsync("Kawaguchi");
        await supplier.ClickAsync("#nda-accept button[type=submit]");
        await Expect(supplier.Locator("#nda-held")).ToBeVisibleAsync();
        await BrowserSessions.ScreenshotAsync(supplier, "deal-room-requirement.png");
        var href = await supplier.Locator("a.protected-download").GetAttributeAsync("href");
        var download = await supplier.RunAndWaitForDownloadAsync(() => supplier.ClickAsync("a.protected-download"));
        var copy = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var fingerprint = PdfStamper.ReadFingerprint(copy);
        Assert.NotNull(fingerprint);

        // The buyer sees that copy in the log and revokes the supplier: the link no longer works.
        await buyer.GotoAsync($"/Account/DealRoom/requirements/{requirementId}");
        await Expect(buyer.Locator(".access-log")).ToContainTextAsync(fingerprint.Value.ToString());
        await BrowserSessions.ScreenshotAsync(buyer, "deal-room-log.png");
        await buyer.ClickAsync(".access-log button.revoke-recipient");
        await Expect(buyer.Locator("#message")).ToBeVisibleAsync();
        var dead = await supplier.APIRequest.GetAsync(href!);
        Assert.Equal(403, dead.Status);
    }

    /// <summary>A two-page A3 drawing, lines only.</summary>
    private static byte[] Drawing()
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        for (var i = 0; i < 2; i++)
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A3;
            using var g = XGraphics.FromPdfPage(page);
            g.DrawRectangle(XPens.Black, 60, 60, 500, 300);
            g.DrawEllipse(XPens.Black, 200, 120, 120, 120);
        }
        var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }
}
