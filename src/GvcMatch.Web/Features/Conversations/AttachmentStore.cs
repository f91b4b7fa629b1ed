using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using GvcMatch.Web.Data;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Conversations;

/// <summary>A stored upload: its storage key, the bytes written and their SHA-256 (hex).</summary>
public sealed record StoredFile(string Key, long Length, string Sha256);

/// <summary>
/// Uploaded files under a folder of the data folder (<c>attachments/</c> for conversations, or the
/// folder a derived store names), each named by a random key: the
/// sender's file name is only ever shown, never used as a path. A file is accepted when its
/// extension is allowed and its content looks like that type (magic bytes, the parts an Office
/// file must have, or clean UTF-8 for text).
/// </summary>
public class AttachmentStore(IOptions<DataFolderOptions> data, IHostEnvironment env, string folderName = "attachments")
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    public static IReadOnlyCollection<string> AllowedExtensions => Types.Keys;

    public string Folder { get; } = Path.Combine(data.Value.Resolve(env.ContentRootPath), folderName);

    /// <summary>
    /// The name as shown to others: no folders, no control characters, no bidi controls (which can
    /// make <c>invoice\u202Efdp.exe</c> read as <c>invoiceexe.pdf</c>), at most
    /// <paramref name="maxLength"/> characters (extension kept).
    /// </summary>
    public static string CleanName(string raw, int maxLength)
    {
        var name = new string(Path.GetFileName(raw.Replace('\\', '/')).Where(c => !char.IsControl(c) && !IsBidiControl(c)).ToArray()).Trim();
        if (name.Length == 0) name = "file";
        if (name.Length <= maxLength) return name;
        var ext = Path.GetExtension(name);
        return name[..(maxLength - ext.Length)] + ext;
    }

    /// <summary>LRM/RLM, the embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069).</summary>
    private static bool IsBidiControl(char c) => c is '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The content type served for an allowed file name, or null when the type is not allowed.</summary>
    public static string? ContentTypeFor(string fileName) => Types.GetValueOrDefault(Path.GetExtension(fileName));

    /// <summary>
    /// The checks an upload passes before a byte is stored: not empty, at most <paramref name="maxBytes"/>, a
    /// cleaned name whose extension is allowed (all of <see cref="AllowedExtensions"/>, or the narrower
    /// <paramref name="extensions"/>). Returns the cleaned name and its content type, or the reason.
    /// </summary>
    public static (string? Name, string? ContentType, string? Problem) Check(
        string rawName, long length, long maxBytes, int maxNameLength, IReadOnlyCollection<string>? extensions = null)
    {
        if (length == 0) return (null, null, "The file is empty.");
        if (length > maxBytes) return (null, null, TooLarge(maxBytes));
        var name = CleanName(rawName, maxNameLength);
        var allowed = extensions ?? AllowedExtensions;
        if (!allowed.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase) || ContentTypeFor(name) is not { } type)
            return (null, null, $"Allowed types: {string.Join(", ", allowed.Select(e => e.TrimStart('.')).Distinct())}.");
        return (name, type, null);
    }

    public static string TooLarge(long maxBytes) => $"Documents are at most {maxBytes / 1024} KB.";

    /// <summary>
    /// Stores the upload as <see cref="SaveAsync"/> does and measures what was written (a client's declared
    /// length can lie): null with a reason when the content does not match its type or is over <paramref name="maxBytes"/>.
    /// </summary>
    public async Task<(StoredFile? File, string? Problem)> SaveMeasuredAsync(Stream content, string fileName, long maxBytes, CancellationToken ct)
    {
        var (key, problem) = await SaveAsync(content, fileName, ct);
        if (key is null) return (null, problem);
        try
        {
            await using var file = Open(key)!;
            var length = file.Length;
            if (length > maxBytes)
            {
                await file.DisposeAsync();
                Delete(key);
                return (null, TooLarge(maxBytes));
            }
            return (new StoredFile(key, length, Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct))), null);
        }
        catch
        {
            Delete(key);
            throw;
        }
    }

    /// <summary>Stores the upload under a new key; null with a reason when the content does not match its extension.</summary>
    public async Task<(string? Key, string? Problem)> SaveAsync(Stream content, string fileName, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = PathOf(key);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            await content.CopyToAsync(file, ct);
        var problem = await CheckContentAsync(path, Path.GetExtension(fileName).ToLowerInvariant(), ct);
        if (problem is null) return (key, null);
        Delete(key);
        return (null, problem);
    }

    public Stream? Open(string key)
    {
        var path = PathOf(key);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public void Delete(string key)
    {
        try { File.Delete(PathOf(key)); }
        catch (IOException) { }
    }

    private string PathOf(string key) =>
        key.Length == 32 && key.All(char.IsAsciiHexDigitLower) ? Path.Combine(Folder, key) : throw new ArgumentException("Not a storage key.", nameof(key));

    private static async Task<string?> CheckContentAsync(string path, string extension, CancellationToken ct)
    {
        if (extension is ".txt" or ".csv") return await TextProblemAsync(path, ct);
        var head = new byte[8];
        int read;
        await using (var file = File.OpenRead(path)) read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return BinaryProblem(path, extension, head.AsSpan(0, read));
    }

    private static string? BinaryProblem(string path, string extension, ReadOnlySpan<byte> head) => extension switch
    {
        ".pdf" => head.StartsWith("%PDF-"u8) ? null : "The file does not start like a PDF.",
        ".png" => head.StartsWith(PngSignature) ? null : "The file is not a PNG image.",
        ".jpg" or ".jpeg" => head.StartsWith(JpegSignature) ? null : "The file is not a JPEG image.",
        ".docx" => OfficeProblem(path, head, "word/document.xml", "Word"),
        ".xlsx" => OfficeProblem(path, head, "xl/workbook.xml", "Excel"),
        _ => "This file type is not allowed.",
    };

    /// <summary>An Office file is a zip holding a content-types part and its main document.</summary>
    private static string? OfficeProblem(string path, ReadOnlySpan<byte> head, string mainPart, string kind)
    {
        if (!head.StartsWith("PK\u0003\u0004"u8)) return $"The file is not a {kind} document.";
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry(mainPart) is not null ? null : $"The file is not a {kind} document.";
        }
        catch (InvalidDataException)
        {
            return $"The file is not a {kind} document.";
        }
    }

    /// <summary>Text must be UTF-8 without NUL bytes: a binary file renamed to .txt is refused.</summary>
    private static async Task<string?> TextProblemAsync(string path, CancellationToken ct)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
        var buffer = new char[16 * 1024];
        try
        {
            int n;
            while ((n = await reader.ReadAsync(buffer, ct)) > 0)
                if (buffer.AsSpan(0, n).Contains('\0')) return "The file is not plain text.";
        }
        catch (DecoderFallbackException)
        {
            return "The file is not UTF-8 text.";
        }
        return null;
    }
}
