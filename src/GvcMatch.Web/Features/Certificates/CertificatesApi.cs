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

public sealed record StandardDto(string Code, string Name, string Family, IReadOnlyList<string> Aliases, string? ScopeKind, string? ScopeLabel, IReadOnlyList<string> Scopes);

/// <summary>
/// The certification registry for forms, evidence levels on a profile's certificates, and (for
/// admins) the standards people typed that the registry does not know, with the mapping that
/// teaches it. The profile's own certificates are written with the profile (PUT .../profile).
/// </summary>
public static partial class CertificatesApi
{
    public const int MaxNote = 500;

    public static IEndpointRouteBuilder MapCertificatesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/certifications/standards", Standards).AllowAnonymous().WithTags("Certifications")
            .WithSummary("The certification registry: codes, names, families, aliases and the scopes or classes each is issued for");
        app.MapPost("/api/organizations/{id:int}/profile/certifications/{certificationId:int}/evidence", SetEvidenceAsync)
            .RequireAuthorization().WithTags("Certifications")
            .WithSummary("Set how far a certificate has been checked (verified intermediaries of the SME's country, platform admins)");
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
        int id, int certificationId, EvidenceInput input, ClaimsPrincipal user, AppDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (actor is null || org is null) return Problems.NotFound("The organisation");
        var actorCountry = actor.OrganizationId is { } own ? await db.Organizations.Where(o => o.Id == own).Select(o => o.Country).FirstOrDefaultAsync(ct) : null;
        if (EvidenceRules.MaxFor(actor, actorCountry, org) is not { } allowed)
            return Problems.Forbidden("Only the SME, a verified intermediary of its country or a platform admin sets a certificate's evidence level.");
        // Found through the organisation's profile: a certificate id of another SME is not found here.
        var certificate = await db.Certifications.FirstOrDefaultAsync(
            c => c.Id == certificationId && db.Profiles.Any(p => p.Id == c.ProfileId && p.OrganizationId == id), ct);
        if (certificate is null) return Problems.NotFound("The certificate");

        if (input.Level is not { } level || !Enum.IsDefined(level)) return Problems.Invalid("level", "Give an evidence level: SelfDeclared, DocumentChecked, VerifiedByIntermediary or VerifiedByIssuer.");
        if (level > allowed) return Problems.Invalid("level", $"You may set evidence levels up to '{allowed}' on this certificate, not '{level}'.");
        if (input.Note is { Length: > MaxNote }) return Problems.Invalid("note", $"At most {MaxNote} characters.");

        certificate.Evidence = level;
        certificate.Verified = level >= EvidenceLevel.VerifiedByIntermediary;
        await audit.AddAsync(actor.UserId, "certificate.evidence", new AuditTarget(AuditTargets.Organization, org.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), org.Name),
            org.Id, $"{CertificationRequirement.Name(CertificateFacts.Held(certificate))}: {level}. {input.Note}".Trim(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CertificationDto.From(certificate, clock.Today()));
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
