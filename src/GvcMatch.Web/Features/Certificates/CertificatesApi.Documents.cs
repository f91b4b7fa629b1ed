using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.Certificates;

public sealed record CertificateDocumentDto(int CertificationId, string FileName, string ContentType, long Length, string Sha256, DateTimeOffset UploadedAt, string Url);

public static partial class CertificatesApi
{
    public static IServiceCollection AddCertificates(this IServiceCollection services)
    {
        services.AddOptions<CertificateOptions>().BindConfiguration(CertificateOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CertificateDocumentStore>();
        services.AddScoped<CertificateDocuments>();
        services.AddScoped<CertificateEvidence>();
        services.AddSingleton<CertificateExpiryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<CertificateExpiryWorker>());
        return services;
    }

    public static string DocumentUrl(int organizationId, int certificationId) =>
        $"/api/organizations/{organizationId}/profile/certifications/{certificationId}/document";

    private static void MapDocuments(IEndpointRouteBuilder app)
    {
        var document = app.MapGroup("/api/organizations/{id:int}/profile/certifications/{certificationId:int}/document")
            .RequireAuthorization().WithTags("Certifications");
        document.MapPut("/", UploadAsync)
            .WithSummary("Attach or replace a certificate's document (multipart: file; pdf, png, jpeg); your own SME's profile only (If-Match: the profile's ETag, optional)");
        document.MapGet("/", DownloadAsync)
            .WithSummary("Download a certificate's document (the SME, admins, checkers, buyers and intermediaries while the profile is published); its ETag is the profile's");
        document.MapDelete("/", DeleteAsync).WithSummary("Remove a certificate's document; your own SME's profile only (If-Match: the profile's ETag, optional)");
    }

    /// <summary>Read by hand like bid documents: the form's size is capped before it is read. Antiforgery for cookie callers is checked by the API middleware.</summary>
    private static async Task<Results<Ok<CertificateDocumentDto>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        int id, int certificationId, HttpContext http, ClaimsPrincipal user, AppDbContext db, CertificateDocuments documents, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (await documents.CheckOwnAsync(actor, id, certificationId, ct) is { } refused) return refused.ToProblem();
        var (file, unreadable) = await MultipartUpload.ReadFileAsync(http, documents.MaxBytes, "file", ct);
        if (file is null) return Problems.Invalid("file", unreadable!);
        await using var content = file.OpenReadStream();
        var attached = await documents.AttachAsync(actor, id, certificationId, content, file.FileName, file.Length, IfMatch.From(http.Request), ct);
        return attached.Reply(http.Response, a => a.Stamp, a => Describe(id, a.Certificate));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        int id, int certificationId, HttpContext http, ClaimsPrincipal user, AppDbContext db, CertificateDocuments documents, CancellationToken ct)
    {
        var opened = await documents.OpenAsync(await user.GetActorAsync(db, ct), id, certificationId, ct);
        if (opened.Refusal is { } refused) return refused.ToProblem();
        var (certificate, stream, stamp) = opened.Value;
        // Served as a download the browser must not reinterpret.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return TypedResults.File(stream, certificate.DocumentContentType, certificate.DocumentName,
            entityTag: Microsoft.Net.Http.Headers.EntityTagHeaderValue.Parse(ETags.For(stamp)));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        int id, int certificationId, HttpRequest request, ClaimsPrincipal user, AppDbContext db, CertificateDocuments documents, CancellationToken ct)
    {
        var detached = await documents.DetachAsync(await user.GetActorAsync(db, ct), id, certificationId, IfMatch.From(request), ct);
        if (detached.Refusal is null) request.HttpContext.Response.Tag(detached.Value.Stamp);
        return detached.ReplyNoContent();
    }

    private static CertificateDocumentDto Describe(int organizationId, Certification c) =>
        new(c.Id, c.DocumentName!, c.DocumentContentType!, c.DocumentLength ?? 0, c.DocumentSha256!, c.DocumentUploadedAt!.Value, DocumentUrl(organizationId, c.Id));
}
