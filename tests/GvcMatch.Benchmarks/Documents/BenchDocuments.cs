using GvcMatch.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SkiaSharp;

namespace GvcMatch.Benchmarks.Documents;

/// <summary>
/// The files the stamping benchmark delivers: a vector drawing like a buyer's (A3 sheets of lines,
/// arcs and dimension text, as a CAD program exports them) and a large PDF whose bulk is pictures
/// (noise, so nothing compresses), for the memory check.
/// </summary>
public static class BenchDocuments
{
    private const double A3Width = 842, A3Height = 1191;

    /// <summary>A <paramref name="pages"/>-page A3 drawing with <paramref name="linesPerPage"/> strokes and a label every ten.</summary>
    public static byte[] Drawing(int pages, int linesPerPage, int seed = 7)
    {
        InstallFonts();
        var random = new Random(seed);
        using var document = new PdfDocument();
        document.Info.Title = "Bracket assembly, sheets 1-" + pages;
        var font = new XFont("DejaVu Sans", 7);
        var pen = new XPen(XColors.Black, 0.3);
        for (var p = 0; p < pages; p++)
        {
            var page = document.AddPage();
            (page.Width, page.Height) = (XUnit.FromPoint(A3Width), XUnit.FromPoint(A3Height));
            using var g = XGraphics.FromPdfPage(page);
            g.DrawRectangle(new XPen(XColors.Black, 1.2), 20, 20, A3Width - 40, A3Height - 40);
            for (var i = 0; i < linesPerPage; i++)
            {
                var (x, y) = (30 + random.NextDouble() * (A3Width - 60), 30 + random.NextDouble() * (A3Height - 60));
                if (i % 7 == 0) g.DrawArc(pen, x, y, 10 + random.Next(60), 10 + random.Next(60), random.Next(360), 90 + random.Next(180));
                else g.DrawLine(pen, x, y, x + random.Next(-80, 80), y + random.Next(-80, 80));
                if (i % 10 == 0) g.DrawString($"Ø{random.Next(2, 80)}.{random.Next(0, 9)} ±0.{random.Next(1, 5)}", font, XBrushes.Black, x, y);
            }
            g.DrawString($"Sheet {p + 1} of {pages} · DWG-4711-{p + 1:00} · Rev C", new XFont("DejaVu Sans", 12), XBrushes.Black, 40, A3Height - 40);
        }
        return Save(document);
    }

    /// <summary>
    /// A drawing of about <paramref name="megabytes"/> MB: A3 sheets dense with strokes, content streams
    /// left uncompressed as many CAD exports do. (Compressed pictures of noise were tried first: by chance
    /// their bytes contain "/JS", which the upload check refuses as active content.)
    /// </summary>
    public static byte[] Large(int megabytes, int seed = 11)
    {
        InstallFonts();
        var random = new Random(seed);
        using var document = new PdfDocument();
        document.Options.CompressContentStreams = false;
        const int strokesPerPage = 40_000;
        // About 40 bytes of content per stroke ("x y m x y l S" with two decimals).
        var pages = Math.Max(1, (int)Math.Ceiling(megabytes * 1048576.0 / 40 / strokesPerPage));
        var pen = new XPen(XColors.Black, 0.2);
        for (var p = 0; p < pages; p++)
        {
            var page = document.AddPage();
            (page.Width, page.Height) = (XUnit.FromPoint(A3Width), XUnit.FromPoint(A3Height));
            using var g = XGraphics.FromPdfPage(page);
            for (var i = 0; i < strokesPerPage; i++)
            {
                var (x, y) = (20 + random.NextDouble() * (A3Width - 40), 20 + random.NextDouble() * (A3Height - 40));
                g.DrawLine(pen, x, y, x + random.Next(-40, 40), y + random.Next(-40, 40));
            }
        }
        return Save(document);
    }

    /// <summary>An opaque noise PNG of about <paramref name="megabytes"/> MB (3 bytes a pixel stored, nothing compresses).</summary>
    public static byte[] LargeImage(int megabytes, int seed = 13)
    {
        var side = (int)Math.Sqrt(megabytes * 1048576.0 / 3);
        var pixels = new byte[side * side * 4];
        new Random(seed).NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4) pixels[i] = 255;
        using var bitmap = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque));
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static byte[] Save(PdfDocument document)
    {
        var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>
    /// The app's PDF font resolver (DejaVu for every family), installed the way the app installs it:
    /// writing a record once. The drawing's labels then use the same face as the stamps.
    /// </summary>
    private static void InstallFonts() => RecordPdf.Write("fonts", [], "");
}
