using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace GvcMatch.Documents;

/// <summary>
/// Stamps every page of a PDF for one delivery: the recipient's line across the foot of the page and
/// faintly across its middle, and the fingerprint as text that survives printing and copy-paste. The
/// fingerprint is also kept in the document's properties, so a leaked file can be looked up even if
/// someone crops the stamp off the pages.
/// </summary>
public static class PdfStamper
{
    public const string FingerprintKey = "/GvcMatchFingerprint";

    public static byte[] Stamp(byte[] pdf, DeliveryStamp stamp)
    {
        StampFonts.Install();
        PdfDocument document;
        try { document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify); }
        catch (Exception ex) when (ex is PdfReaderException or InvalidOperationException or NotSupportedException or IOException or ArgumentException)
        {
            throw new DocumentRejectedException("The file is not a PDF that can be stamped (damaged, encrypted or not a PDF).", ex);
        }
        using (document)
        {
            var line = LineImage.Render(stamp.Line, heightPixels: 48);
            using var banner = XImage.FromStream(new MemoryStream(line));
            var font = new XFont(StampFonts.Family, 7);
            foreach (var page in document.Pages)
            {
                using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                var (w, h) = (page.Width.Point, page.Height.Point);
                // The names across the foot, scaled to the page's width, and once large and faint across the middle.
                var footWidth = Math.Min(w - 36, banner.PointWidth * 12 / banner.PointHeight);
                g.DrawImage(banner, 18, h - 26, footWidth, footWidth * banner.PointHeight / banner.PointWidth);
                var state = g.Save();
                g.TranslateTransform(w / 2, h / 2);
                g.RotateTransform(-30);
                var across = w * 0.9;
                g.DrawImage(banner, -across / 2, -across * banner.PointHeight / banner.PointWidth / 2, across, across * banner.PointHeight / banner.PointWidth);
                g.Restore(state);
                g.DrawString($"Delivery {stamp.Fingerprint}", font, XBrushes.DimGray, new XPoint(18, h - 8));
            }
            document.Info.Elements[FingerprintKey] = new PdfString(stamp.Fingerprint.ToString());
            document.Info.Keywords = string.Join(' ', new[] { document.Info.Keywords, $"delivery:{stamp.Fingerprint}" }.Where(k => !string.IsNullOrWhiteSpace(k)));
            var output = new MemoryStream();
            document.Save(output);
            return output.ToArray();
        }
    }

    /// <summary>The fingerprint a stamped PDF carries in its properties, if any.</summary>
    public static DeliveryFingerprint? ReadFingerprint(byte[] pdf)
    {
        try
        {
            using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
            return DeliveryFingerprint.TryParse(document.Info.Elements.GetString(FingerprintKey), out var f) ? f : null;
        }
        catch (Exception ex) when (ex is PdfReaderException or InvalidOperationException or NotSupportedException or IOException or ArgumentException)
        {
            return null;
        }
    }
}
