using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Ndas;
using GvcMatch.Web.Features.ProtectedDocuments;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Conversations;

public static partial class ConversationsApi
{
    /// <summary>Room for the multipart envelope and the text fields around the file.</summary>
    private const long FormOverhead = 64 * 1024;

    private static void MapAttachments(RouteGroupBuilder group)
    {
        group.MapPost("/{id:long}/attachments", UploadAsync)
            .WithSummary("Send a file (multipart: file, clientMessageId, body?); pdf, png, jpeg, txt, csv, docx, xlsx");
        group.MapGet("/{id:long}/messages/{seq:long}/attachment", DownloadAsync).WithSummary("Download a message's attachment (participants only)");
    }

    /// <summary>
    /// The form is read by hand, not bound: bound forms demand the antiforgery middleware, which
    /// would refuse bearer-token clients. A cookie-signed-in browser still has to send the
    /// antiforgery token, since a cross-site page could otherwise post a form in its name.
    /// </summary>
    private static async Task<Results<Created<MessageDto>, Ok<MessageDto>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        long id, HttpContext http, ClaimsPrincipal user, AppDbContext db, ConversationMessaging messaging, AttachmentStore files,
        IAntiforgery antiforgery, IOptions<MessagingOptions> options, ProtectedDocumentService protectedDocuments, CancellationToken ct)
    {
        var who = await ConversationQueries.ParticipantAsync(user, id, db, ct);
        if (who is null) return NotFound();

        var max = options.Value.MaxAttachmentBytes;
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
        var file = form!.Files.GetFile("file");
        string? clientMessageId = form!["clientMessageId"];
        string? body = form["body"];
        var errors = MessageRules.Check(clientMessageId, body, bodyRequired: false);
        if (file is null) errors.Add("file", "Attach a file in the 'file' part.");
        else if (file.Length == 0) errors.Add("file", "The file is empty.");
        else if (file.Length > max) return TooLarge(max);
        var name = file is null ? "" : CleanName(file.FileName);
        if (file is not null && AttachmentStore.ContentTypeFor(name) is null)
            errors.Add("file", $"Allowed types: {string.Join(", ", AttachmentStore.AllowedExtensions.Select(e => e.TrimStart('.')).Distinct())}.");
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        if (form["protected"].FirstOrDefault() is { Length: > 0 } flag)
        {
            if (!bool.TryParse(flag, out var isProtected)) return Problems.Invalid("protected", "Say true or false.");
            if (isProtected) return await SendProtectedAsync(who, form, file!, name, body, clientMessageId!, messaging, protectedDocuments, ct);
        }

        await using var content = file!.OpenReadStream();
        var (key, problem) = await files.SaveAsync(content, name, ct);
        if (key is null) return Problems.Invalid("file", problem!);
        Appended sent;
        try
        {
            sent = await messaging.SendAsync(who, new NewMessage(MessageKind.Attachment, body?.Trim() ?? "", clientMessageId)
            {
                AttachmentName = name,
                AttachmentContentType = AttachmentStore.ContentTypeFor(name),
                AttachmentSize = file.Length,
                AttachmentStorageKey = key,
            }, ct);
        }
        catch
        {
            files.Delete(key);
            throw;
        }
        if (!sent.Created)
        {
            // A retry: the first upload's file is the one the message points at.
            files.Delete(key);
            return TypedResults.Ok(sent.Message);
        }
        return TypedResults.Created(sent.Message.Attachment!.Url, sent.Message);
    }

    /// <summary>
    /// A protected attachment becomes a protected document of the conversation, owned by the sender's
    /// organisation: checked as one (PDF or image, structure), encrypted, and delivered only through the
    /// stamping, logging download under the conversation's NDA. The message points at it.
    /// </summary>
    private static async Task<Results<Created<MessageDto>, Ok<MessageDto>, ValidationProblem, ProblemHttpResult>> SendProtectedAsync(
        Participant who, IFormCollection form, IFormFile file, string name, string? body, string clientMessageId,
        ConversationMessaging messaging, ProtectedDocumentService documents, CancellationToken ct)
    {
        var (expires, maxDownloads, limits) = ProtectedDocumentsApi.ReadLimits(form);
        if (limits is not null) return limits.ToValidationProblem();
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var upload = new ProtectedUpload(name, buffer.ToArray(), null, expires, maxDownloads);
        var created = await documents.UploadAsync(who.Actor, NdaSubject.Conversation, checked((int)who.ConversationId), upload, ct);
        if (created.Refusal is { } refused) return refused.IsInvalid ? refused.ToValidationProblem() : refused.ToProblem();
        var doc = created.Value!;
        Appended sent;
        try
        {
            sent = await messaging.SendAsync(who, new NewMessage(MessageKind.Attachment, body?.Trim() ?? "", clientMessageId)
            {
                AttachmentName = name, AttachmentContentType = AttachmentStore.ContentTypeFor(name), AttachmentSize = file.Length, ProtectedDocumentId = doc.Id,
            }, ct);
        }
        catch
        {
            await documents.DiscardAsync(doc.Id, CancellationToken.None);
            throw;
        }
        if (sent.Created) return TypedResults.Created(sent.Message.Attachment!.Url, sent.Message);
        // A retry: the first upload's document is the one the message points at.
        await documents.DiscardAsync(doc.Id, ct);
        return TypedResults.Ok(sent.Message);
    }

    private static ProblemHttpResult TooLarge(long max) => TypedResults.Problem(
        $"Attachments are at most {max / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large.");

    /// <summary>The name as shown to the other side: no folders, no control characters, not too long.</summary>
    private static string CleanName(string raw) => AttachmentStore.CleanName(raw, MessageLimits.AttachmentName);

    private static async Task<Results<FileStreamHttpResult, FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        long id, long seq, HttpContext http, ClaimsPrincipal user, AppDbContext db, AttachmentStore files, DeliveryService deliveries, CancellationToken ct)
    {
        var who = await ConversationQueries.ParticipantAsync(user, id, db, ct);
        if (who is null) return NotFound();
        var row = await db.Set<Message>().AsNoTracking().Where(m => m.ConversationId == id && m.Seq == seq && (m.AttachmentStorageKey != null || m.ProtectedDocumentId != null))
            .Select(m => new { m.AttachmentName, m.AttachmentContentType, m.AttachmentStorageKey, m.ProtectedDocumentId }).FirstOrDefaultAsync(ct);
        if (row?.ProtectedDocumentId is { } documentId)
        {
            // The same gate, stamp and log as the protected-document download: no second way to the plain file.
            var delivered = await deliveries.DeliverAsync(who.Actor, documentId, NdasApi.AddressOf(http), ct);
            return delivered.Refusal is { } refused ? refused.ToProblem() : ProtectedDocumentsApi.Send(http, delivered.Value!);
        }
        if (row is null || files.Open(row.AttachmentStorageKey!) is not { } stream) return Problems.NotFound("The attachment");
        // Served as a download the browser must not reinterpret: a "PDF" can never run as a page here.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return TypedResults.File(stream, row.AttachmentContentType ?? "application/octet-stream", row.AttachmentName);
    }
}
