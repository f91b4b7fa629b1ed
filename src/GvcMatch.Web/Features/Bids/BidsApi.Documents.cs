using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Bids;

public static partial class BidsApi
{
    /// <summary>Room for the multipart envelope around the file.</summary>
    private const long FormOverhead = 64 * 1024;

    private static void MapDocuments(RouteGroupBuilder bids)
    {
        bids.MapPost("/{id:int}/documents", UploadAsync)
            .WithSummary("Attach a document (multipart: file); pdf, png, jpeg, txt, csv, docx, xlsx (If-Match: the bid's ETag, optional)");
        bids.MapGet("/{id:int}/documents/{documentId:int}", DownloadAsync).WithSummary("Download a bid document (as sealed as the bid); its ETag is the bid's");
        bids.MapDelete("/{id:int}/documents/{documentId:int}", DeleteDocumentAsync).WithSummary("Remove a document until the deadline (If-Match: the bid's ETag, optional)");
    }

    /// <summary>Read by hand like conversation attachments: bearer clients need no antiforgery token, cookie clients do.</summary>
    private static async Task<Results<Created<BidDocumentDto>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        int id, HttpContext http, ClaimsPrincipal user, AppDbContext db, BidService service, IAntiforgery antiforgery, IOptions<BidOptions> options,
        CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        // Who may add documents is settled before a byte of the upload is read: a stranger learns nothing and costs nothing.
        if (await service.CanChangeAsync(actor, id, ct) is { } refused)
            return refused.IsInvalid ? refused.ToValidationProblem() : refused.ToProblem();
        var max = options.Value.MaxDocumentBytes;
        if (http.Request.ContentLength > max + FormOverhead) return TooLarge(max);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = max + FormOverhead;
        if (!http.Request.HasFormContentType) return Problems.Invalid("file", "Send multipart/form-data with a 'file' part.");
        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            try { await antiforgery.ValidateRequestAsync(http); }
            catch (AntiforgeryValidationException) { return Problems.Invalid("__RequestVerificationToken", "The antiforgery token is missing or invalid."); }
        }
        var (form, unreadable) = await MultipartUpload.ReadFormAsync(http.Request, ct);
        if (unreadable is not null) return Problems.Invalid("file", unreadable);
        if (form!.Files.GetFile("file") is not { } file) return Problems.Invalid("file", "Attach a file in the 'file' part.");
        if (file.Length > max) return TooLarge(max);
        await using var content = file.OpenReadStream();
        var added = await service.AddDocumentAsync(actor, id, content, file.FileName, file.Length, IfMatch.From(http.Request), ct);
        if (added.Refusal is { } f) return f.IsInvalid ? f.ToValidationProblem() : f.ToProblem();
        var (d, stamp) = added.Value;
        http.Response.Tag(stamp);
        var url = $"/api/bids/{id}/documents/{d.Id}";
        return TypedResults.Created(url, new BidDocumentDto(d.Id, d.FileName, d.ContentType, d.Length, d.Sha256, d.UploadedAt, url));
    }

    private static ProblemHttpResult TooLarge(long max) => TypedResults.Problem(
        $"Documents are at most {max / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large.");

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        int id, int documentId, HttpContext http, ClaimsPrincipal user, AppDbContext db, BidReads reads, BidDocumentStore files, CancellationToken ct)
    {
        var read = await reads.ReadAsync(await user.GetActorAsync(db, ct), id, ct);
        if (read.Refusal is { } f) return f.ToProblem();
        var document = read.Value!.Bid.Documents.FirstOrDefault(d => d.Id == documentId);
        if (document is null || files.Open(document.StoredName) is not { } stream) return Problems.NotFound("The document");
        // Served as a download the browser must not reinterpret.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return TypedResults.File(stream, document.ContentType, document.FileName,
            entityTag: Microsoft.Net.Http.Headers.EntityTagHeaderValue.Parse(ETags.For(read.Value.Bid.ConcurrencyStamp)));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteDocumentAsync(
        int id, int documentId, HttpRequest request, ClaimsPrincipal user, AppDbContext db, BidService service, CancellationToken ct)
    {
        var deleted = await service.DeleteDocumentAsync(await user.GetActorAsync(db, ct), id, documentId, IfMatch.From(request), ct);
        if (deleted.Refusal is { } f) return f.IsInvalid ? f.ToValidationProblem() : f.ToProblem();
        request.HttpContext.Response.Tag(deleted.Value!.ConcurrencyStamp);
        return TypedResults.NoContent();
    }
}
