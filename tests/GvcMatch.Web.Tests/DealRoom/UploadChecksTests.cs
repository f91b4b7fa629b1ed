using System.Text;
using GvcMatch.Web.Features.ProtectedDocuments;

namespace GvcMatch.Web.Tests.DealRoom;

public sealed class UploadChecksTests
{
    /// <summary>A one-page PDF with a content stream holding the given bytes and a correct cross-reference table.</summary>
    private static byte[] PdfWithStream(string streamBody, string catalogExtra = "")
    {
        var objects = new[]
        {
            $"<< /Type /Catalog /Pages 2 0 R {catalogExtra}>>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
            $"<< /Length {Encoding.Latin1.GetByteCount(streamBody)} >>\nstream\n{streamBody}\nendstream",
        };
        var pdf = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    [Fact]
    public void ActiveContentNamesThatOccurByChanceInsideAStreamsBytesDoNotRefuseTheDrawing()
    {
        // Compressed picture data is arbitrary bytes: in a large drawing "/JS" or "/Encrypt" turn up in it sooner or later.
        var drawing = PdfWithStream("% \u00e2/JS\u0001/Encrypt\u0002/Launch\u00ff\n0 0 m 150 150 l S");

        Assert.Null(UploadChecks.PdfProblem(drawing));
    }

    [Theory]
    [InlineData("/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ", "/JavaScript")]
    [InlineData("/Names << /EmbeddedFiles << /Names [] >> >> ", "/EmbeddedFiles")]
    public void ActiveContentInADictionaryBesideAStreamIsStillRefused(string catalogExtra, string name)
    {
        var problem = UploadChecks.PdfProblem(PdfWithStream("0 0 m 150 150 l S", catalogExtra));

        Assert.Equal($"PDFs with active content ({name}) are refused.", problem);
    }

    [Fact]
    public void AnEncryptionDictionaryInTheTrailerIsRefusedEvenAfterAStream()
    {
        var locked = Encoding.Latin1.GetString(PdfWithStream("0 0 m 150 150 l S")).Replace("/Root 1 0 R", "/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 >>");

        Assert.StartsWith("Encrypted PDFs are refused", UploadChecks.PdfProblem(Encoding.Latin1.GetBytes(locked)));
    }

    [Fact]
    public void StreamBodiesAreLeftOutButTheWordsAroundThemAndAnEndStreamWithoutAKeywordStay()
    {
        Assert.Equal("<< /Length 3 >>\nstreamendstream /JS", UploadChecks.OutsideStreams("<< /Length 3 >>\nstream\n/JS\nendstream /JS"));
        Assert.Equal("a streamline /JS", UploadChecks.OutsideStreams("a streamline /JS"));
    }
}
