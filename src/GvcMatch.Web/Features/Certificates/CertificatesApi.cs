using System.Security.Claims;
using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Certificates;

public sealed record EvidenceInput(EvidenceLevel? Level, string? Note);

/// <summary>One certificate in a checker's list, with its SME and a link to its document.</summary>
public sealed record CheckItemDto(int OrganizationId, string OrganizationName, string Country, CertificationDto Certificate, string? DocumentUrl, string? DocumentName, DateTimeOffset? DocumentUploadedAt);

public sealed record CheckQueueDto(int Total, int Page, int Pages, EvidenceLevel Ceiling, IReadOnlyList<CheckItemDto> Items)
{
    public static CheckQueueDto From(CheckQueue q, DateOnly today) => new(q.Total, q.Page, q.Pages, q.Ceiling, q.Items.Select(i => new CheckItemDto(
        i.OrganizationId, i.OrganizationName, i.Country, CertificationDto.From(i.Certificate, today),
        i.Certificate.DocumentKey is null ? null : CertificatesApi.DocumentUrl(i.OrganizationId, i.Certificate.Id),
        i.Certificate.DocumentName, i.Certificate.DocumentUploadedAt)).ToList());
}

public sealed record StandardDto(string Code, string Name, string Family, IReadOnlyList<string> Aliases, string? ScopeKind, string? ScopeLabel, IReadOnlyList<string> Scopes);

/// <summary>
/// The certification registry for forms, evidence levels on a profile's certificates, and (for
/// admins) the standards people typed that the registry does not know, with the mapping that
/// teaches it. The profile's own certificates are written with the profile (PUT .../profile).
/// </summary>
public static partial class CertificatesApi
{
    public static IEndpointRouteBuilder MapCertificatesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/certifications/standards", Standards).AllowAnonymous().WithTags("Certifications")
            .WithSummary("The certification registry: codes, names, families, aliases and the scopes or classes each is issued for");
        app.MapPost("/api/organizations/{id:int}/profile/certifications/{certificationId:int}/evidence", SetEvidenceAsync)
            .RequireAuthorization().WithTags("Certifications")
            .WithSummary("Set how far a certificate has been checked (verified intermediaries of the SME's country, platform admins)");
        app.MapGet("/api/certifications/checks", ChecksAsync).RequireAuthorization().WithTags("Certifications")
            .WithSummary("Certificates a checker may set the evidence of (verified intermediaries: SMEs of their country; platform admins: all), documents waiting first");
        MapDocuments(app);

        var admin = app.MapGroup("/api/admin/certifications").WithTags("Admin").RequireAuthorization()
            .RequireActor(actor => actor.IsPlatformAdmin ? null : "Only platform admins manage the certification registry.");
        admin.MapGet("/unknown", UnknownAsync).WithSummary("Standard names in use that the registry does not know, most used first");
        admin.MapPost("/mappings", MapAsync).WithSummary("Map an unknown standard name to a registry entry; certificates under that name move to it");
        return app;
    }

    private static Ok<List<StandardDto>> Standards() => TypedResults.Ok(CertificationRegistry.Default.Standards
        .Select(s => new StandardDto(s.Code, s.Name, s.Family, s.Aliases, s.Scopes?.Kind, s.Scopes?.Label,
            s.Scopes?.Values.Select(v => v.Code).ToList() ?? [])).ToList());

    private static async Task<Results<Ok<CertificationDto>, ValidationProblem, ProblemHttpResult>> SetEvidenceAsync(
        int id, int certificationId, EvidenceInput input, ClaimsPrincipal user, AppDbContext db, CertificateEvidence evidence, TimeProvider clock, CancellationToken ct)
    {
        if (await user.GetActorAsync(db, ct) is not { } actor) return Problems.NotFound("The organisation");
        var set = await evidence.SetAsync(actor, id, certificationId, input.Level, input.Note, ct);
        return set.Reply(c => CertificationDto.From(c, clock.Today()));
    }

    private static async Task<Results<Ok<CheckQueueDto>, ValidationProblem, ProblemHttpResult>> ChecksAsync(
        ClaimsPrincipal user, AppDbContext db, CertificateEvidence evidence, TimeProvider clock, CancellationToken ct,
        bool waiting = true, string? q = null, string? country = null, int page = 1)
    {
        if (await user.GetActorAsync(db, ct) is not { } actor) return Problems.Forbidden("Sign in again.");
        var queue = await evidence.QueueAsync(actor, new CheckQuery(waiting, q, country, page), ct);
        return queue.Reply(x => CheckQueueDto.From(x, clock.Today()));
    }

    private static async Task<Results<Ok<UnknownStandardsDto>, ValidationProblem>> UnknownAsync(AppDbContext db, CancellationToken ct, int take = 50)
    {
        if (take is < 1 or > 500) return Problems.Invalid("take", "take is 1 to 500.");
        return TypedResults.Ok(await UnknownStandards.ReadAsync(db, take, ct));
    }

    private static async Task<Results<Ok<MappingResultDto>, ValidationProblem>> MapAsync(
        MappingInput input, ClaimsPrincipal user, AppDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Errors();
        var mapping = UnknownStandards.Check(input, errors);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        var actor = await user.GetActorAsync(db, ct);
        var moved = await UnknownStandards.MapAsync(db, audit, mapping!, actor!.UserId, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new MappingResultDto(mapping!.Name, mapping.Code, mapping.Scope, moved));
    }
}
