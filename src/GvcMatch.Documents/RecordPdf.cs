using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GvcMatch.Documents;

/// <summary>
/// A printable record on A4 pages: a title, a table of facts and a body of text, e.g. an accepted NDA
/// with its acceptance trail. Latin text is written as real PDF text (searchable, copyable); a line in
/// another script (Japanese, say) is drawn as a picture by SkiaSharp, which finds a font for it, since
/// the one font PDFsharp has here covers Latin only.
/// </summary>
public static class RecordPdf
{
    private const double Margin = 50;
    private const double LineHeight = 14;
    private const int PictureLineChars = 36;
    private const double A4Width = 595;

    public static byte[] Write(RecordContent content) => Write(content.Title, content.Facts, content.Body, content.Footer);

    public static byte[] Write(string title, IReadOnlyList<(string Label, string Value)> facts, string body, string? footer = null)
    {
        StampFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = title;
        var writer = new PageWriter(document, footer);
        writer.Line(title, size: 14);
        writer.Gap();
        foreach (var (label, value) in facts) writer.Paragraph($"{label}: {value}");
        writer.Gap();
        foreach (var paragraph in body.Split('\n')) writer.Paragraph(paragraph);
        writer.Close();
        var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private static bool IsLatin(string text) => text.All(c => c < '\u0250' || c is '·' or '–' or '—' or '“' or '”' or '‘' or '’');

    private sealed class PageWriter(PdfDocument document, string? footer)
    {
        private PdfPage? _page;
        private XGraphics? _g;
        private double _y;

        public void Gap() => _y += LineHeight / 2;

        public void Paragraph(string text)
        {
            if (text.Length == 0) { Gap(); return; }
            foreach (var line in Wrap(text).ToList()) Line(line, size: 10);
        }

        public void Line(string text, double size)
        {
            var g = Graphics();
            if (_y + LineHeight > _page!.Height.Point - Margin) g = NewPage();
            if (IsLatin(text))
                g.DrawString(text, new XFont(StampFonts.Family, size), XBrushes.Black, new XPoint(Margin, _y + size));
            else
            {
                using var picture = XImage.FromStream(new MemoryStream(LineImage.Render(text, heightPixels: 40, colour: SkiaSharp.SKColors.Black)));
                var height = size * 1.4;
                g.DrawImage(picture, Margin - 2, _y, height * picture.PointWidth / picture.PointHeight, height);
            }
            _y += Math.Max(LineHeight, size * 1.5);
        }

        public void Close() { _g?.Dispose(); _measure?.Dispose(); }

        private IEnumerable<string> Wrap(string text)
        {
            if (!IsLatin(text))
            {
                for (var i = 0; i < text.Length; i += PictureLineChars) yield return text.Substring(i, Math.Min(PictureLineChars, text.Length - i));
                yield break;
            }
            var font = new XFont(StampFonts.Family, 10);
            var width = A4Width - 2 * Margin;
            var line = "";
            foreach (var word in text.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Measure.MeasureString(candidate, font).Width > width)
                {
                    yield return line;
                    line = word;
                }
                else line = candidate;
            }
            if (line.Length > 0) yield return line;
        }

        /// <summary>Measures words without drawing, so a page break while writing cannot pull the ruler away.</summary>
        private XGraphics Measure => _measure ??= XGraphics.CreateMeasureContext(new XSize(A4Width, 842), XGraphicsUnit.Point, XPageDirection.Downwards);
        private XGraphics? _measure;

        private XGraphics Graphics() => _g ?? NewPage();

        private XGraphics NewPage()
        {
            _g?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _g = XGraphics.FromPdfPage(_page);
            if (footer is not null)
                _g.DrawString($"{footer} · {document.PageCount}", new XFont(StampFonts.Family, 7), XBrushes.DimGray, new XPoint(Margin, _page.Height.Point - 25));
            _y = Margin;
            return _g;
        }
    }
}

/// <summary>What a record says, before it is laid out: built in the reader's language, written by <see cref="RecordPdf"/>.</summary>
public sealed record RecordContent(string Title, IReadOnlyList<(string Label, string Value)> Facts, string Body, string? Footer);
