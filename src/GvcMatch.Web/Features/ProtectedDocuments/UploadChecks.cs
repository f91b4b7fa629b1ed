using System.Text;
using GvcMatch.Web.Features.Conversations;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using SkiaSharp;

namespace GvcMatch.Web.Features.ProtectedDocuments;

/// <summary>
/// What a protected document must be before it is stored: the upload checks every document passes
/// (<see cref="AttachmentStore.Check"/>: not empty, not too large, an allowed type by name), then a
/// look at the structure, since every delivery will be opened and stamped. A PDF must open without a
/// password and carry no scripts, launch actions or embedded files; an image must decode as the type
/// its name says, at a size that can be marked and with no more pixels than the limit (a small file
/// can claim an enormous picture).
/// </summary>
public static class UploadChecks
{
    public static readonly IReadOnlyCollection<string> Extensions = [".pdf", ".png", ".jpg", ".jpeg"];

    /// <summary>Dictionary keys and action names that run something or smuggle a file inside a PDF.</summary>
    private static readonly string[] ActiveNames = ["/JavaScript", "/JS", "/Launch", "/EmbeddedFiles", "/EmbeddedFile", "/RichMedia", "/XFA"];

    public const int MinimumImageSide = 160;

    public static (string? Name, string? ContentType, string? Problem) Check(string rawName, byte[] content, ProtectedDocumentOptions options)
    {
        var (name, type, problem) = AttachmentStore.Check(rawName, content.LongLength, options.MaxDocumentBytes, 200, Extensions);
        if (problem is not null) return (null, null, problem);
        problem = type == "application/pdf" ? PdfProblem(content) : ImageProblem(content, type!, options.MaxImagePixels);
        return problem is null ? (name, type, null) : (null, null, problem);
    }

    /// <summary>Why a PDF from outside must not be opened further (encrypted, active content, damaged, no pages); null when it may.</summary>
    public static string? PdfProblem(byte[] content)
    {
        if (!content.AsSpan().StartsWith("%PDF-"u8)) return "The file does not start like a PDF.";
        // The raw bytes first: an encryption dictionary can let a PDF open without a password, and names can hide in plain sight.
        // Only the bytes between objects' stream bodies: compressed picture data holds "/JS" by chance
        // in any large drawing, and what a stream carries is unpacked and checked object by object below.
        var raw = OutsideStreams(Encoding.Latin1.GetString(content));
        if (raw.Contains("/Encrypt", StringComparison.Ordinal)) return "Encrypted PDFs are refused: remove the password and upload it again.";
        if (Active(raw) is { } token) return $"PDFs with active content ({token}) are refused.";
        PdfDocument document;
        try { document = PdfReader.Open(new MemoryStream(content), PdfDocumentOpenMode.Import); }
        // Whatever the reader trips over in a file from outside is the file's fault, not a server error.
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return "The PDF is damaged or encrypted and cannot be read.";
        }
        using (document)
        {
            if (document.PageCount == 0) return "The PDF has no pages.";
            // Then every object, object streams unpacked: a compressed stream can carry what the raw bytes do not show.
            foreach (var item in document.Internals.GetAllObjects())
                if (item is PdfDictionary dictionary)
                    foreach (var key in dictionary.Elements.Keys)
                        if (ActiveNames.Contains(key, StringComparer.Ordinal) || dictionary.Elements[key] is PdfName value && ActiveNames.Contains(value.Value, StringComparer.Ordinal))
                            return $"PDFs with active content ({key}) are refused.";
        }
        return null;
    }

    /// <summary>
    /// The text of a PDF with every stream body left out: the bytes after a <c>stream</c> keyword
    /// (which ends its line) up to the next <c>endstream</c>. Dictionaries, the trailer and the
    /// stream's own dictionary stay, so a name written anywhere a reader looks for one is still seen.
    /// </summary>
    public static string OutsideStreams(string raw)
    {
        var kept = new StringBuilder(Math.Min(raw.Length, 1 << 20));
        var at = 0;
        while (at < raw.Length)
        {
            var start = raw.IndexOf("stream", at, StringComparison.Ordinal);
            if (start < 0) { kept.Append(raw, at, raw.Length - at); break; }
            var after = start + "stream".Length;
            kept.Append(raw, at, after - at);
            at = after;
            var keyword = !(start >= 3 && raw.AsSpan(start - 3, 3) is "end") && after < raw.Length && raw[after] is '\r' or '\n';
            if (!keyword) continue;
            var end = raw.IndexOf("endstream", after, StringComparison.Ordinal);
            at = end < 0 ? raw.Length : end;
        }
        return kept.ToString();
    }

    private static string? Active(string raw)
    {
        foreach (var name in ActiveNames)
        {
            var at = raw.IndexOf(name, StringComparison.Ordinal);
            // A name ends where a delimiter or white space starts: /JSON is not /JS.
            while (at >= 0)
            {
                var end = at + name.Length;
                if (end >= raw.Length || !char.IsAsciiLetterOrDigit(raw[end])) return name;
                at = raw.IndexOf(name, end, StringComparison.Ordinal);
            }
        }
        return null;
    }

    private static string? ImageProblem(byte[] content, string type, long maxPixels)
    {
        using var codec = SKCodec.Create(new MemoryStream(content));
        if (codec is null) return "The image cannot be read.";
        var expected = type == "image/png" ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        if (codec.EncodedFormat != expected) return type == "image/png" ? "The file is not a PNG image." : "The file is not a JPEG image.";
        // The header's size is read without decoding: an image bomb is refused before it costs anything.
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if ((long)w * h > maxPixels) return $"The image is too large ({w} × {h} pixels; at most {maxPixels / 1_000_000} megapixels).";
        if (w < MinimumImageSide || h < MinimumImageSide) return $"The image is too small to mark (at least {MinimumImageSide} pixels a side).";
        return null;
    }
}
