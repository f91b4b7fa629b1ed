using System.Globalization;
using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Ndas;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.ProtectedDocuments;

/// <summary>Protected documents on requirements and IP listings: upload, list, download (stamped, logged), revisions, revocation, access log and fingerprint lookup.</summary>
public static class ProtectedDocumentsApi
{
    public static IServiceCollection AddProtectedDocuments(this IServiceCollection services)
    {
        services.AddOptions<ProtectedDocumentOptions>().BindConfiguration(ProtectedDocumentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EncryptedFileStore>();
        services.AddScoped<DocumentAccess>();
        services.AddScoped<ProtectedDocumentService>();
        services.AddScoped<DeliveryService>();
        services.AddScoped<RevocationNotice>();
        return services;
    }

    public static IEndpointRouteBuilder MapProtectedDocumentsApi(this IEndpointRouteBuilder app)
    {
        foreach (var subject in Enum.GetValues<NdaSubject>())
        {
            var onSubject = app.MapGroup($"/api/{NdaSubjects.Segment(subject)}/{{id:int}}/protected-documents").RequireAuthorization().WithTags("Protected documents");
            onSubject.MapGet("/", async (int id, ClaimsPrincipal u, AppDbContext db, ProtectedDocumentService s, CancellationToken ct) =>
                (await s.ListAsync(await u.GetActorAsync(db, ct), subject, id, ct)).Reply(l => l)).WithSummary("The protected documents here, and whether each opens for you");
            // Files in a conversation are sent as protected attachments, so they take their place in the thread.
            if (subject == NdaSubject.Conversation) continue;
            onSubject.MapPost("/", (int id, HttpContext http, ClaimsPrincipal u, AppDbContext db, ProtectedDocumentService s, CancellationToken ct) => UploadAsync(subject, id, http, u, db, s, ct))
                .WithSummary("Attach a protected document (multipart: file; pdf, png, jpeg; optional title, expiresAt, maxDownloads); the owner only");
        }

        var group = app.MapGroup("/api/protected-documents").RequireAuthorization().WithTags("Protected documents");
        group.MapGet("/{id:int}/download", DownloadAsync).WithSummary("Your personal copy: stamped (PDF) or marked (image) for you, and logged");
        group.MapPut("/{id:int}/file", ReplaceAsync).WithSummary("Upload a new revision (multipart: file); recipients are notified; the owner only");
        group.MapPost("/{id:int}/withdraw", async (int id, ClaimsPrincipal u, AppDbContext db, ProtectedDocumentService s, CancellationToken ct) =>
            (await s.WithdrawAsync(await u.GetActorAsync(db, ct), id, ct)).ReplyNoContent()).WithSummary("Withdraw the whole document: every link stops working; the owner only");
        group.MapPut("/{id:int}/recipients/{organizationId:int}", async (int id, int organizationId, ClaimsPrincipal u, AppDbContext db, ProtectedDocumentService s, CancellationToken ct) =>
            (await s.SetRecipientAsync(await u.GetActorAsync(db, ct), id, organizationId, allow: true, ct)).ReplyNoContent()).WithSummary("Name an organisation that may open the document without an NDA; the owner only");
        group.MapDelete("/{id:int}/recipients/{organizationId:int}", async (int id, int organizationId, ClaimsPrincipal u, AppDbContext db, ProtectedDocumentService s, CancellationToken ct) =>
            (await s.SetRecipientAsync(await u.GetActorAsync(db, ct), id, organizationId, allow: false, ct)).ReplyNoContent()).WithSummary("Revoke an organisation's access, NDA or not; the owner only");
        group.MapGet("/{id:int}/log", async (int id, ClaimsPrincipal u, AppDbContext db, DeliveryService s, CancellationToken ct) =>
            (await s.LogAsync(await u.GetActorAsync(db, ct), id, ct)).Reply(l => l)).WithSummary("Who opened the document, when, from where, with which fingerprint, and every refusal; the owner only");
        group.MapPost("/lookup", LookupAsync).WithSummary("Find the delivery a leaked copy came from (multipart or form: fingerprint, or file); the owner of the document or a platform admin");
        return app;
    }

    private static async Task<Results<Created<ProtectedDocumentDto>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        NdaSubject subject, int id, HttpContext http, ClaimsPrincipal user, AppDbContext db, ProtectedDocumentService service, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if ((await service.OwnSubjectAsync(actor, subject, id, ct)).Refusal is { } refused) return refused.ToProblem();
        var (upload, problem) = await ReadUploadAsync(http, service.MaxBytes, ct);
        if (problem is not null) return problem.ToValidationProblem();
        var created = await service.UploadAsync(actor, subject, id, upload!, ct);
        if (created.Refusal is { } bad) return bad.IsInvalid ? bad.ToValidationProblem() : bad.ToProblem();
        return TypedResults.Created($"/api/protected-documents/{created.Value!.Id}/download", await service.DescribeAsync(actor!, created.Value, ct));
    }

    private static async Task<Results<Ok<ProtectedDocumentDto>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        int id, HttpContext http, ClaimsPrincipal user, AppDbContext db, ProtectedDocumentService service, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if ((await service.OwnDocumentAsync(actor, id, ct)).Refusal is { } refused) return refused.ToProblem();
        var (upload, problem) = await ReadUploadAsync(http, service.MaxBytes, ct);
        if (problem is not null) return problem.ToValidationProblem();
        var replaced = await service.ReplaceAsync(actor, id, upload!, ct);
        if (replaced.Refusal is { } bad) return bad.IsInvalid ? bad.ToValidationProblem() : bad.ToProblem();
        return TypedResults.Ok(await service.DescribeAsync(actor!, replaced.Value!, ct));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        int id, HttpContext http, ClaimsPrincipal user, AppDbContext db, DeliveryService deliveries, CancellationToken ct)
    {
        var delivered = await deliveries.DeliverAsync(await user.GetActorAsync(db, ct), id, NdasApi.AddressOf(http), ct);
        if (delivered.Refusal is { } refused) return refused.ToProblem();
        return Send(http, delivered.Value!);
    }

    /// <summary>Sends a personal copy: never cached on the way, never reinterpreted by the browser, its fingerprint in a header.</summary>
    public static FileContentHttpResult Send(HttpContext http, DeliveredCopy copy)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        http.Response.Headers["X-Delivery-Fingerprint"] = copy.Fingerprint.ToString();
        return TypedResults.File(copy.Content, copy.ContentType, copy.FileName);
    }

    private static async Task<Results<Ok<DeliveryDto>, ValidationProblem, ProblemHttpResult>> LookupAsync(
        HttpContext http, ClaimsPrincipal user, AppDbContext db, DeliveryService deliveries, ProtectedDocumentService documents, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType) return Problems.Invalid("fingerprint", "Send a form with a 'fingerprint' field or a 'file' part.");
        if (http.Request.ContentLength > documents.MaxBytes + MultipartUpload.FormOverhead) return Problems.Invalid("file", $"Files are at most {documents.MaxBytes / 1024} KB.");
        var (form, unreadable) = await MultipartUpload.ReadFormAsync(http.Request, ct);
        if (form is null) return Problems.Invalid("file", unreadable!);
        byte[]? bytes = null;
        if (form.Files.GetFile("file") is { Length: > 0 } file)
        {
            if (file.Length > documents.MaxBytes) return Problems.Invalid("file", $"Files are at most {documents.MaxBytes / 1024} KB.");
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        return (await deliveries.LookupAsync(await user.GetActorAsync(db, ct), form["fingerprint"].FirstOrDefault(), bytes, ct)).Reply(d => d);
    }

    /// <summary>The file and the sharing limits of an upload form; the refusal names the field at fault.</summary>
    public static async Task<(ProtectedUpload? Upload, Refusal? Problem)> ReadUploadAsync(HttpContext http, long maxBytes, CancellationToken ct)
    {
        var (file, unreadable) = await MultipartUpload.ReadFileAsync(http, maxBytes, "file", ct);
        if (file is null) return (null, Refusal.Invalid("file", unreadable!));
        var (expires, max, problem) = ReadLimits(http.Request.Form);
        if (problem is not null) return (null, problem);
        if (file.Length > maxBytes) return (null, Refusal.Invalid("file", $"Documents are at most {maxBytes / 1024} KB."));
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return (new ProtectedUpload(file.FileName, buffer.ToArray(), http.Request.Form["title"].FirstOrDefault(), expires, max), null);
    }

    /// <summary>The sharing limits of a form (optional <c>expiresAt</c> and <c>maxDownloads</c>); the refusal names the field at fault.</summary>
    public static (DateTimeOffset? ExpiresAt, int? MaxDownloads, Refusal? Problem) ReadLimits(IFormCollection form)
    {
        DateTimeOffset? expires = null;
        if (form["expiresAt"].FirstOrDefault() is { Length: > 0 } rawExpires)
        {
            if (!DateTimeOffset.TryParse(rawExpires, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                return (null, null, Refusal.Invalid("expiresAt", "Give the end of the sharing period as a date and time (2027-03-01T12:00:00Z)."));
            expires = parsed;
        }
        int? max = null;
        if (form["maxDownloads"].FirstOrDefault() is { Length: > 0 } rawMax)
        {
            if (!int.TryParse(rawMax, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                return (null, null, Refusal.Invalid("maxDownloads", "Give the number of downloads allowed per organisation as a whole number."));
            max = parsed;
        }
        return (expires, max, null);
    }
}
