using PdfSharp.Drawing;



namespace GvcMatch.Documents.Tests;

/// <summary>Every page of a delivered PDF names its recipient and carries the delivery's fingerprint, read back as a viewer reads it.</summary>
public sealed class PdfStamperTests
{
    private static readonly DeliveryStamp Stamp = new("Kawasaki Precision 川崎精密", "Aiko Tanaka", new DateTimeOffset(2027, 2, 16, 9, 30, 0, TimeSpan.Zero), ParseOrThrow("7K2QX-M9D4A"));

    [Fact]
    public void Every_page_carries_the_fingerprint_and_keeps_its_own_content()
    {
        var stamped = PdfStamper.Stamp(Drawing(pages: 3), Stamp);

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(stamped);
        Assert.Equal(3, pdf.NumberOfPages);
        foreach (var page in pdf.GetPages())
        {
            Assert.Contains("Delivery 7K2QX-M9D4A", page.Text);
            Assert.Contains($"Bracket drawing sheet {page.Number}", page.Text);
            // The recipient's line is drawn as a picture, so it prints in any script: twice on every page.
            Assert.Equal(2, page.GetImages().Count());
        }
        Assert.Contains("delivery:7K2QX-M9D4A", pdf.Information.Keywords);
        Assert.Equal(Stamp.Fingerprint, PdfStamper.ReadFingerprint(stamped));
    }

    [Fact]
    public void A_file_that_is_not_a_pdf_is_refused_and_an_unstamped_one_has_no_fingerprint()
    {
        Assert.Throws<DocumentRejectedException>(() => PdfStamper.Stamp("%PDF-1.7 but nothing after"u8.ToArray(), Stamp));
        Assert.Throws<DocumentRejectedException>(() => PdfStamper.Stamp(new byte[100], Stamp));
        Assert.Null(PdfStamper.ReadFingerprint(Drawing(pages: 1)));
    }

    private static byte[] Drawing(int pages)
    {
        StampFonts.Install();
        using var document = new PdfSharp.Pdf.PdfDocument();
        for (var i = 1; i <= pages; i++)
        {
            var page = document.AddPage();
            using var g = XGraphics.FromPdfPage(page);
            g.DrawRectangle(XPens.Black, 50, 50, 300, 200);
            g.DrawString($"Bracket drawing sheet {i}", new XFont(StampFonts.Family, 12), XBrushes.Black, new XPoint(60, 300));
        }
        var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private static DeliveryFingerprint ParseOrThrow(string text) =>
        DeliveryFingerprint.TryParse(text, out var f) ? f : throw new ArgumentException(text);
}
