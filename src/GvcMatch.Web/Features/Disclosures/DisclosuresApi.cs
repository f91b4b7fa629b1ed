using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Certificates;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.Disclosures;

/// <summary>
/// An SME's sustainability disclosures: read by anyone while its profile is published, written by
/// its own members, each with its own ETag (If-Match optional on PUT, DELETE and the document).
/// </summary>
public static class DisclosuresApi
{
    public static IServiceCollection AddDisclosures(this IServiceCollection services)
    {
        services.AddSingleton<DisclosureDocumentStore>();
        services.AddScoped<DisclosureService>();
        return services;
    }

    public static string Url(int organizationId) => $"/api/organizations/{organizationId}/disclosures";

    public static string DocumentUrl(int organizationId, int id) => $"{Url(organizationId)}/{id}/document";

    public static IEndpointRouteBuilder MapDisclosuresApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/disclosures/topics", () => TypedResults.Ok(DisclosureReferenceDto.Build())).AllowAnonymous().WithTags("Disclosures")
            .WithSummary("The disclosure topics, which way a criterion bounds each one's figure, the audit schemes, minerals reports and medals");
        var group = app.MapGroup("/api/organizations/{id:int}/disclosures").WithTags("Disclosures");
        group.MapGet("/", ListAsync).AllowAnonymous().WithSummary("An SME's disclosures, every year, each topic's latest marked current (public while its profile is published)");
        group.MapGet("/{disclosureId:int}", GetAsync).AllowAnonymous().WithSummary("One disclosure, with its ETag");
        group.MapPost("/", CreateAsync).RequireAuthorization().WithSummary("Add a disclosure for a topic and year (your own SME); a new year never replaces a past one");
        group.MapPut("/{disclosureId:int}", UpdateAsync).RequireAuthorization().WithSummary("Change a disclosure (If-Match optional); changed figures are self-declared again");
        group.MapDelete("/{disclosureId:int}", DeleteAsync).RequireAuthorization().WithSummary("Remove a disclosure (If-Match optional)");
        group.MapPost("/{disclosureId:int}/evidence", SetEvidenceAsync).RequireAuthorization()
            .WithSummary("Set how far a disclosure has been checked (verified intermediaries of the SME's country, platform admins)");
        group.MapPut("/{disclosureId:int}/document", UploadAsync).RequireAuthorization()
            .WithSummary("Attach or replace the evidence document (multipart: file; pdf, png, jpeg); your own SME only (If-Match optional)");
        group.MapGet("/{disclosureId:int}/document", DownloadAsync).RequireAuthorization()
            .WithSummary("Download the evidence document (the certificate documents' readers)");
        group.MapDelete("/{disclosureId:int}/document", DeleteDocumentAsync).RequireAuthorization().WithSummary("Remove the evidence document (If-Match optional)");
        return app;
    }

    private static async Task<Results<Ok<List<DisclosureDto>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        int id, ClaimsPrincipal user, AppDbContext db, DisclosureService service, CancellationToken ct) =>
        (await service.ListAsync(await user.GetActorAsync(db, ct), id, ct)).Reply(x => DisclosureDto.List(x.Disclosures));

    private static async Task<Results<Ok<DisclosureDto>, ValidationProblem, ProblemHttpResult>> GetAsync(
        int id, int disclosureId, HttpResponse response, ClaimsPrincipal user, AppDbContext db, DisclosureService service, CancellationToken ct) =>
        (await service.GetAsync(await user.GetActorAsync(db, ct), id, disclosureId, ct)).Reply(response, d => d.ConcurrencyStamp, d => DisclosureDto.From(d));

    private static async Task<Results<Created<DisclosureDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        int id, DisclosureInput input, HttpResponse response, ClaimsPrincipal user, AppDbContext db, DisclosureService service, CancellationToken ct) =>
        (await service.CreateAsync(await user.GetActorAsync(db, ct), id, input, ct))
            .ReplyCreated(response, d => d.ConcurrencyStamp, d => $"{Url(id)}/{d.Id}", d => DisclosureDto.From(d));

    private static async Task<Results<Ok<DisclosureDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, int disclosureId, DisclosureInput input, HttpRequest request, ClaimsPrincipal user, AppDbContext db, DisclosureService service, CancellationToken ct) =>
        (await service.UpdateAsync(await user.GetActorAsync(db, ct), id, disclosureId, input, IfMatch.From(request), ct))
            .Reply(request.HttpContext.Response, d => d.ConcurrencyStamp, d => DisclosureDto.From(d));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        int id, int disclosureId, HttpRequest request, ClaimsPrincipal user, AppDbContext db, DisclosureService service, CancellationToken ct) =>
        (await service.DeleteAsync(await user.GetActorAsync(db, ct), id, disclosureId, IfMatch.From(request), ct)).ReplyNoContent();

    private static async Task<Results<Ok<DisclosureDto>, ValidationProblem, ProblemHttpResult>> SetEvidenceAsync(
        int id, int disclosureId, EvidenceInput input, HttpResponse response, ClaimsPrincipal user, AppDbContext db, DisclosureService service, CancellationToken ct) =>
        (await service.SetEvidenceAsync(await user.GetActorAsync(db, ct), id, disclosureId, input.Level, input.Note, ct))
            .Reply(response, d => d.ConcurrencyStamp, d => DisclosureDto.From(d));

    /// <summary>Read by hand like certificate documents: the form's size is capped before it is read.</summary>
    private static async Task<Results<Ok<DisclosureDto>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        int id, int disclosureId, HttpContext http, ClaimsPrincipal user, AppDbContext db, DisclosureService service, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (await service.CheckOwnDocumentAsync(actor, id, disclosureId, ct) is { } refused) return refused.ToProblem();
        var (file, unreadable) = await MultipartUpload.ReadFileAsync(http, service.MaxDocumentBytes, "file", ct);
        if (file is null) return Problems.Invalid("file", unreadable!);
        await using var content = file.OpenReadStream();
        return (await service.AttachAsync(actor, id, disclosureId, content, file.FileName, file.Length, IfMatch.From(http.Request), ct))
            .Reply(http.Response, d => d.ConcurrencyStamp, d => DisclosureDto.From(d));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        int id, int disclosureId, HttpContext http, ClaimsPrincipal user, AppDbContext db, DisclosureService service, CancellationToken ct)
    {
        var opened = await service.OpenAsync(await user.GetActorAsync(db, ct), id, disclosureId, ct);
        if (opened.Refusal is { } refused) return refused.ToProblem();
        var (disclosure, stream) = opened.Value;
        // Served as a download the browser must not reinterpret.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return TypedResults.File(stream, disclosure.DocumentContentType, disclosure.DocumentName,
            entityTag: Microsoft.Net.Http.Headers.EntityTagHeaderValue.Parse(ETags.For(disclosure.ConcurrencyStamp)));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteDocumentAsync(
        int id, int disclosureId, HttpRequest request, ClaimsPrincipal user, AppDbContext db, DisclosureService service, CancellationToken ct)
    {
        var detached = await service.DetachAsync(await user.GetActorAsync(db, ct), id, disclosureId, IfMatch.From(request), ct);
        if (detached.Refusal is null) request.HttpContext.Response.Tag(detached.Value!.ConcurrencyStamp);
        return detached.ReplyNoContent();
    }
}
