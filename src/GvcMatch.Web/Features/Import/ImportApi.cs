using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.Import;

public static class ImportApi
{
    public const int MaxFiles = 10;

    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/import", ImportAsync)
            .WithTags("Admin")
            .RequireAuthorization()
            // One Accepts call: routing keeps only the last one, and both content types are welcome.
            .Accepts<SeedFileBody>("application/json", "multipart/form-data")
            .WithSummary("Bulk-load seeds files (multipart files of at most 10 MB each, or one JSON body); platform admins only")
            .WithDescription("Rows are upserted by key; bad rows are listed in the report and the good ones are kept. See docs/seeds-format.md.");
        return app;
    }

    /// <summary>The shape of a JSON body, for the API reference only; the body is read as raw bytes.</summary>
    public sealed record SeedFileBody(List<OrganizationRow>? Organizations, List<IpListingRow>? IpListings, List<RequirementRow>? Requirements, List<UserRow>? Users);

    private static async Task<Results<Ok<ImportReport>, ValidationProblem, ProblemHttpResult, UnauthorizedHttpResult>> ImportAsync(
        HttpContext http, ClaimsPrincipal principal, AppDbContext db, ImportAudit importer, CancellationToken ct)
    {
        var actor = await principal.GetActorAsync(db, ct);
        if (actor is null) return TypedResults.Unauthorized();
        if (!actor.IsPlatformAdmin) return Problems.Forbidden("Only platform admins may import data.");

        // The app-wide body limit is one file's worth; this endpoint takes several files of that size.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxFiles * SeedImporter.MaxFileBytes + 64 * 1024;

        var files = await ReadUploadAsync(http.Request, ct);
        if (files.Count == 0)
            return Problems.Invalid("files", "Send one or more seeds files as multipart/form-data, or one file as an application/json body.");
        if (files.All(f => f.FileError is not null))
            return Problems.Invalid(files.ToDictionary(f => f.Name, f => new[] { f.FileError!.ToString() }));

        var report = await importer.ImportAsync(files, ImportOrigin.Upload, actor.UserId, ct: ct);
        return TypedResults.Ok(report);
    }

    /// <summary>Reads the uploaded files; a file that is too large or not valid JSON comes back with its error set.</summary>
    public static async Task<List<SeedFile>> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        var files = new List<SeedFile>();
        if (request.HasFormContentType)
        {
            var (form, unreadable) = await MultipartUpload.ReadFormAsync(request, ct);
            if (unreadable is not null) return [SeedImporter.Unreadable("files", unreadable)];
            foreach (var file in form!.Files.Take(MaxFiles))
                files.Add(await ReadFormFileAsync(file, ct));
            foreach (var file in form.Files.Skip(MaxFiles))
                files.Add(SeedImporter.Unreadable(file.FileName, $"Only {MaxFiles} files are read per upload; send this one again."));
            return files;
        }
        if (request.HasJsonContentType())
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            if (buffer.Length == 0) return files;
            files.Add(buffer.Length > SeedImporter.MaxFileBytes
                ? SeedImporter.Unreadable("request body", "The body is larger than 10 MB.")
                : SeedFileReader.Read("request body", buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        }
        return files;
    }

    public static async Task<SeedFile> ReadFormFileAsync(IFormFile file, CancellationToken ct)
    {
        var name = Path.GetFileName(string.IsNullOrWhiteSpace(file.FileName) ? file.Name : file.FileName);
        if (file.Length > SeedImporter.MaxFileBytes) return SeedImporter.Unreadable(name, "The file is larger than 10 MB.");
        if (file.Length == 0) return SeedImporter.Unreadable(name, "The file is empty.");
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return SeedFileReader.Read(name, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }
}
