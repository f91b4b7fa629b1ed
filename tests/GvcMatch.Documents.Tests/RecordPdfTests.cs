namespace GvcMatch.Documents.Tests;

/// <summary>A record PDF keeps its facts and text readable, wraps long paragraphs and runs onto more pages when it must.</summary>
public sealed class RecordPdfTests
{
    [Fact]
    public void Latin_text_is_real_text_and_a_japanese_line_is_drawn()
    {
        var body = string.Join('\n', Enumerable.Range(1, 80).Select(i => $"Clause {i}. The receiving party keeps the disclosing party's drawings secret and uses them only for the purpose stated above."))
            + "\n第1条（目的）当事者は、次の目的のために情報を開示し合う。";
        var pdf = RecordPdf.Write("NDA record #7", [("SHA-256 of the text (UTF-8)", new string('a', 64)), ("Receiving party", "Acme Tooling")], body, footer: "GvcMatch NDA record #7");

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages > 1);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.Contains("NDA record #7", text);
        Assert.Contains(new string('a', 64), text);
        // Words of a line stay on one line: a paragraph is wrapped at the page's width, not word by word.
        Assert.Contains("Clause 80. The receiving party keeps", text);
        Assert.Contains("Receiving party: Acme Tooling", text);
        // The Japanese clause is a picture on the last page, not missing glyphs.
        Assert.NotEmpty(document.GetPage(document.NumberOfPages).GetImages());
    }
}
