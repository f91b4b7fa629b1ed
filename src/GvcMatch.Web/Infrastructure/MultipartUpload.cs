namespace GvcMatch.Web.Infrastructure;

/// <summary>
/// Reads an upload's form for the endpoints that take files by hand. A body the form reader
/// cannot parse (no boundary, cut short, a part header over 16 KB, more than 1,024 fields) is the
/// client's mistake: the caller gets the reason to answer with a 400 instead of an exception.
/// </summary>
public static class MultipartUpload
{
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
            // The reader's wording for a body that ends in the middle of a part.
            return (null, $"The multipart body is incomplete: {e.Message}");
        }
    }
}
