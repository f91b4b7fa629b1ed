using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Ndas;

/// <summary>NDA templates, the NDA an owner asks for on a requirement or an IP listing, accepting it, and the NDAs an organisation holds.</summary>
public static class NdasApi
{
    public static IServiceCollection AddNdas(this IServiceCollection services)
    {
        services.AddSingleton<NdaTemplates>();
        services.AddScoped<NdaService>();
        services.AddScoped<NdaTemplateFiles>();
        return services;
    }

    public static IEndpointRouteBuilder MapNdasApi(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/nda-templates").RequireAuthorization().WithTags("NDAs");
        templates.MapGet("/", ListTemplatesAsync).WithSummary("The platform's NDA templates and your organisation's own");
        templates.MapPost("/", AddTemplateAsync).WithSummary("Add your organisation's own NDA text (variables {{owner}}, {{recipient}}, {{purpose}}, {{term}}, {{governingLaw}}, {{jurisdiction}})");
        templates.MapPost("/file", AddTemplateFileAsync)
            .WithSummary("Add your organisation's own NDA as a file (multipart: file (.pdf or .docx), name, kind, language); its text is what the other side reads");
        templates.MapGet("/{id:int}/file", TemplateFileAsync).WithSummary("The original file of an own NDA template; its organisation and the organisations it is put to");

        foreach (var subject in Enum.GetValues<NdaSubject>())
        {
            var gate = app.MapGroup($"/api/{NdaSubjects.Segment(subject)}/{{id:int}}/nda").RequireAuthorization().WithTags("NDAs");
            gate.MapGet("/", (int id, ClaimsPrincipal u, AppDbContext db, NdaService s, CancellationToken ct) => GateAsync(subject, id, u, db, s, ct))
                .WithSummary("Whether an NDA is needed here, its text for your organisation, and your NDA if you hold one");
            gate.MapPut("/", (int id, NdaPolicyInput input, ClaimsPrincipal u, AppDbContext db, NdaService s, CancellationToken ct) => SetPolicyAsync(subject, id, input, u, db, s, ct))
                .WithSummary("Require an NDA (template, term in months, purpose, governing law, jurisdiction); the owner only");
            gate.MapDelete("/", async (int id, ClaimsPrincipal u, AppDbContext db, NdaService s, CancellationToken ct) =>
                (await s.RemovePolicyAsync(await u.GetActorAsync(db, ct), subject, id, ct)).ReplyNoContent()).WithSummary("Stop requiring an NDA; the owner only");
            gate.MapPost("/accept", (int id, NdaAcceptInput input, HttpContext http, ClaimsPrincipal u, AppDbContext db, NdaService s, CancellationToken ct) => AcceptAsync(subject, id, input, http, u, db, s, ct))
                .WithSummary("Accept the NDA text you read (send its textSha256)");
        }

        var ndas = app.MapGroup("/api/ndas").RequireAuthorization().WithTags("NDAs");
        ndas.MapGet("/", ListAsync).WithSummary("Every NDA your organisation holds: with whom, for what, until when");
        ndas.MapGet("/{id:int}", GetAsync).WithSummary("One NDA, with its text; its two parties only");
        ndas.MapGet("/{id:int}/record", RecordAsync).WithSummary("The signed PDF record of an NDA; its two parties only");
        ndas.MapPost("/{id:int}/end", async (int id, ClaimsPrincipal u, AppDbContext db, NdaService s, TimeProvider clock, CancellationToken ct) =>
            (await s.EndAsync(await u.GetActorAsync(db, ct), id, ct)).Reply(n => NdaDto.From(n, clock.GetUtcNow()))).WithSummary("End an NDA early; the disclosing owner only");
        return app;
    }

    /// <summary>The address an acceptance is recorded from (the forwarded-headers middleware has already applied a trusted proxy's header).</summary>
    public static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async Task<Ok<List<NdaTemplateDto>>> ListTemplatesAsync(ClaimsPrincipal user, AppDbContext db, NdaTemplates templates, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var own = actor?.OrganizationId is { } org
            ? await db.NdaTemplates.AsNoTracking().Where(t => t.OrganizationId == org).OrderBy(t => t.Id).ToListAsync(ct)
            : [];
        return TypedResults.Ok(templates.Platform.OrderBy(t => t.Ref).Concat(own.Select(NdaTemplates.Describe)).Select(NdaTemplateDto.From).ToList());
    }

    private static async Task<Results<Created<NdaTemplateDto>, ValidationProblem, ProblemHttpResult>> AddTemplateAsync(
        NdaTemplateInput input, ClaimsPrincipal user, AppDbContext db, NdaService service, CancellationToken ct)
    {
        var added = await service.AddTemplateAsync(await user.GetActorAsync(db, ct), input, ct);
        if (added.Refusal is { } refused) return refused.IsInvalid ? refused.ToValidationProblem() : refused.ToProblem();
        return TypedResults.Created("/api/nda-templates", NdaTemplateDto.From(NdaTemplates.Describe(added.Value!)));
    }

    private static async Task<Results<Created<NdaTemplateDto>, ValidationProblem, ProblemHttpResult>> AddTemplateFileAsync(
        HttpContext http, ClaimsPrincipal user, AppDbContext db, NdaTemplateFiles files, CancellationToken ct)
    {
        var (file, unreadable) = await MultipartUpload.ReadFileAsync(http, NdaLimits.MaxFileBytes, "file", ct);
        if (file is null) return Problems.Invalid("file", unreadable!);
        var form = http.Request.Form;
        NdaKind? kind = Enum.TryParse<NdaKind>(form["kind"].FirstOrDefault(), ignoreCase: true, out var parsed) ? parsed : null;
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var input = new NdaTemplateFileInput(form["name"].FirstOrDefault(), kind, form["language"].FirstOrDefault(), file.FileName, buffer.ToArray());
        var added = await files.AddAsync(await user.GetActorAsync(db, ct), input, ct);
        if (added.Refusal is { } refused) return refused.IsInvalid ? refused.ToValidationProblem() : refused.ToProblem();
        return TypedResults.Created(NdaTemplates.FileUrl(added.Value!.Id), NdaTemplateDto.From(NdaTemplates.Describe(added.Value)));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> TemplateFileAsync(int id, HttpContext http, ClaimsPrincipal user, AppDbContext db, NdaTemplateFiles files, CancellationToken ct)
    {
        var found = await files.GetAsync(await user.GetActorAsync(db, ct), id, ct);
        if (found.Refusal is { } refused) return refused.ToProblem();
        // A file from outside: downloaded, never shown inline as a page.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return TypedResults.File(found.Value!.Content, found.Value.ContentType, found.Value.FileName);
    }

    private static async Task<Results<Ok<NdaGateDto>, ValidationProblem, ProblemHttpResult>> GateAsync(
        NdaSubject subject, int id, ClaimsPrincipal user, AppDbContext db, NdaService service, CancellationToken ct) =>
        (await service.GateAsync(await user.GetActorAsync(db, ct), subject, id, ct)).Reply(g => g);

    private static async Task<Results<Ok<NdaGateDto>, ValidationProblem, ProblemHttpResult>> SetPolicyAsync(
        NdaSubject subject, int id, NdaPolicyInput input, ClaimsPrincipal user, AppDbContext db, NdaService service, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var set = await service.SetPolicyAsync(actor, subject, id, input, ct);
        if (set.Refusal is { } refused) return refused.IsInvalid ? refused.ToValidationProblem() : refused.ToProblem();
        return (await service.GateAsync(actor, subject, id, ct)).Reply(g => g);
    }

    private static async Task<Results<Ok<NdaDto>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        NdaSubject subject, int id, NdaAcceptInput input, HttpContext http, ClaimsPrincipal user, AppDbContext db, NdaService service, CancellationToken ct)
    {
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        return (await service.AcceptAsync(await user.GetActorAsync(db, ct), subject, id, input, AddressOf(http), ct)).Reply(n => NdaDto.From(n, clock.GetUtcNow()));
    }

    private static async Task<Ok<List<NdaDto>>> ListAsync(ClaimsPrincipal user, AppDbContext db, NdaService service, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return TypedResults.Ok((await service.ListAsync(await user.GetActorAsync(db, ct), ct)).Select(n => NdaDto.From(n, now)).ToList());
    }

    private static async Task<Results<Ok<NdaWithTextDto>, ValidationProblem, ProblemHttpResult>> GetAsync(
        int id, ClaimsPrincipal user, AppDbContext db, NdaService service, TimeProvider clock, CancellationToken ct) =>
        (await service.GetAsync(await user.GetActorAsync(db, ct), id, ct)).Reply(n => new NdaWithTextDto(NdaDto.From(n, clock.GetUtcNow()), n.Text));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RecordAsync(int id, ClaimsPrincipal user, AppDbContext db, NdaService service, CancellationToken ct)
    {
        var found = await service.GetAsync(await user.GetActorAsync(db, ct), id, ct);
        if (found.Refusal is { } refused) return refused.ToProblem();
        return TypedResults.File(NdaRecord.Pdf(found.Value!), "application/pdf", $"nda-{id}.pdf");
    }
}

public sealed record NdaWithTextDto(NdaDto Nda, string Text);
