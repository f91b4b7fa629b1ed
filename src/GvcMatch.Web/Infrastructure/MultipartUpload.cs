using Microsoft.AspNetCore.Http.Features;

namespace GvcMatch.Web.Infrastructure;

/// <summary>
/// Reads an upload's form for the endpoints that take files by hand. A body the form reader
/// cannot parse (no boundary, cut short, a part header over 16 KB, more than 1,024 fields) is the
/// client's mistake: the caller gets the reason to answer with a 400 instead of an exception.
/// </summary>
public static class MultipartUpload
{
    /// <summary>Room for the multipart envelope (boundaries, part headers, small text fields) around the file.</summary>
    public const long FormOverhead = 64 * 1024;

    public static async Task<(IFormCollection? Form, string? Error)> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return (await request.ReadFormAsync(ct), null);
        }
        catch (InvalidDataException e)
        {
            return (null, $"The multipart body could not be read: {e.Message}");
        }
        catch (IOException e) when (!ct.IsCancellationRequested)
        {
            // The reader's wording for a body that ends in the middle of a part (or one over the body limit).
            return (null, $"The multipart body is incomplete: {e.Message}");
        }
    }

    /// <summary>
    /// The one file of a multipart body in the part named <paramref name="field"/>, or why there is none:
    /// not multipart, a declared length over <paramref name="maxBytes"/> (refused before a byte is read, and
    /// the body is capped there too), an unreadable body, or no such part. Type and content checks follow
    /// in <see cref="Features.Conversations.AttachmentStore"/>.
    /// </summary>
    public static async Task<(IFormFile? File, string? Error)> ReadFileAsync(HttpContext http, long maxBytes, string field, CancellationToken ct)
    {
        if (http.Request.ContentLength > maxBytes + FormOverhead) return (null, $"Documents are at most {maxBytes / 1024} KB.");
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBytes + FormOverhead;
        if (!http.Request.HasFormContentType) return (null, $"Send multipart/form-data with a '{field}' part.");
        var (form, unreadable) = await ReadFormAsync(http.Request, ct);
        if (unreadable is not null) return (null, unreadable);
        return form!.Files.GetFile(field) is { } file ? (file, null) : (null, $"Attach a file in the '{field}' part.");
    }
}
