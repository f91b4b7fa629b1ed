using System.IO.Compression;
using System.Text;
using System.Xml;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace GvcMatch.Documents;

/// <summary>
/// The words of an uploaded Word or PDF file, as the other side will read them. Only text comes out:
/// no macros run, no external entity is resolved, and a file that cannot be read safely is refused
/// with a reason fit to show (<see cref="DocumentRejectedException"/>).
/// </summary>
public static class DocumentText
{
    private const string Word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>The main part is read whole; a zip that claims more than this once unpacked is a bomb, not an NDA.</summary>
    private const long MaxUnpackedBytes = 20 * 1024 * 1024;

    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The paragraphs of <c>word/document.xml</c>, one a line, tabs and breaks kept.</summary>
    public static string FromDocx(byte[] content)
    {
        // Word writes a password-protected file as an OLE compound file holding the encrypted package.
        if (content.AsSpan().StartsWith(CompoundFile)) throw new DocumentRejectedException("Password-protected Word files are refused: remove the password and upload it again.");
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("word/vbaProject.bin") is not null || ContentTypes(zip).Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
                throw new DocumentRejectedException("Word files with macros are refused: save it as a plain .docx.");
            var main = zip.GetEntry("word/document.xml") ?? throw new DocumentRejectedException("The file is not a Word document.");
            if (main.Length > MaxUnpackedBytes) throw new DocumentRejectedException("The Word document is too large once unpacked.");
            using var stream = main.Open();
            return Tidy(ReadWordXml(stream));
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException)
        {
            throw new DocumentRejectedException("The Word document is damaged and cannot be read.");
        }
    }

    /// <summary>The text of every page in reading order (PdfPig), pages separated by a blank line.</summary>
    public static string FromPdf(byte[] content)
    {
        try
        {
            using var document = UglyToad.PdfPig.PdfDocument.Open(content);
            if (document.IsEncrypted) throw new DocumentRejectedException("Encrypted PDFs are refused: remove the password and upload it again.");
            var text = new StringBuilder();
            foreach (var page in document.GetPages())
                text.Append(ContentOrderTextExtractor.GetText(page)).Append("\n\n");
            return Tidy(text.ToString());
        }
        // Whatever the reader trips over in a file from outside is the file's fault, not a server error.
        catch (Exception ex) when (ex is not DocumentRejectedException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new DocumentRejectedException("The PDF is damaged or encrypted and cannot be read.");
        }
    }

    private static string ContentTypes(ZipArchive zip)
    {
        if (zip.GetEntry("[Content_Types].xml") is not { } entry || entry.Length > MaxUnpackedBytes) return "";
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private static string ReadWordXml(Stream stream)
    {
        var text = new StringBuilder();
        // No DTD and no resolver: a document cannot pull in files or expand entities.
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
        // Reading a text element's content already moves to the next node: do not read past it.
        var positioned = false;
        while (positioned || xml.Read())
        {
            positioned = false;
            if (xml.NamespaceURI != Word) continue;
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "p") text.Append('\n');
            else if (xml.NodeType != XmlNodeType.Element) continue;
            else if (xml.LocalName == "t" && !xml.IsEmptyElement)
            {
                text.Append(xml.ReadElementContentAsString());
                positioned = true;
            }
            else if (xml.LocalName == "tab") text.Append('\t');
            else if (xml.LocalName is "br" or "cr") text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Trailing spaces off every line, at most one blank line in a row, nothing around the whole.</summary>
    private static string Tidy(string raw)
    {
        var lines = raw.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd());
        var output = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank <= 1) output.Append(line).Append('\n');
        }
        return output.ToString().Trim();
    }
}
