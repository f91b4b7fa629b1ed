using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.SupportProgrammes;

public static class SupportProgrammesApi
{
    public const int MaxTake = 100;

    public static IEndpointRouteBuilder MapSupportProgrammesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/support-programmes").WithTags("Support programmes");
        group.MapGet("/", SearchAsync).AllowAnonymous()
            .WithSummary("The support-programme directory: by country (with international ones), kind and words");
        group.MapGet("/{id:int}", GetAsync).AllowAnonymous();
        group.MapPost("/", CreateAsync).RequireAuthorization()
            .WithSummary("Add a programme (intermediaries and platform admins)");
        group.MapPut("/{id:int}", UpdateAsync).RequireAuthorization()
            .WithSummary("Edit a programme (its intermediary, or a platform admin)");
        return app;
    }

    private static async Task<Results<Ok<List<ProgrammeDto>>, ValidationProblem>> SearchAsync(
        ClaimsPrincipal user, AppDbContext db, ReferenceData.ReferenceData reference, CancellationToken ct,
        string? q = null, string? country = null, ProgrammeKind? kind = null, int take = 50)
    {
        if (take is < 1 or > MaxTake) return Problems.Invalid("take", $"take is 1 to {MaxTake}.");
        if (!string.IsNullOrWhiteSpace(country) && !reference.IsCountry(country)) return Problems.Invalid("country", $"Unknown ISO 3166 country code '{country}'.");
        if (kind is { } k && !Enum.IsDefined(k)) return Problems.Invalid("kind", "Unknown programme kind.");
        var actor = await user.GetActorAsync(db, ct);
        var found = await ProgrammeDirectory.Search(db, q, country, kind).OrderBy(p => p.Country == null).ThenBy(p => p.Country).ThenBy(p => p.Name)
            .Take(take).ToListAsync(ct);
        return TypedResults.Ok(found.Select(p => ProgrammeDto.From(p, actor)).ToList());
    }

    private static async Task<Results<Ok<ProgrammeDto>, ProblemHttpResult>> GetAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var programme = await db.SupportProgrammes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return programme is null ? Problems.NotFound("The programme") : TypedResults.Ok(ProgrammeDto.From(programme, await user.GetActorAsync(db, ct)));
    }

    private static async Task<Results<Created<ProgrammeDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ProgrammeInput input, ClaimsPrincipal user, AppDbContext db, ReferenceData.ReferenceData reference, TimeProvider clock, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null || !(actor.IsPlatformAdmin || actor.OrganizationKind == OrganizationKind.Intermediary))
            return Problems.Forbidden("Only intermediaries and platform admins maintain the programme directory.");
        var errors = new Errors();
        input.Validate(errors, reference);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        var now = clock.GetUtcNow();
        // An admin's rows are the platform's; an intermediary's are its own to keep.
        var programme = new SupportProgramme
        {
            Name = "", CreatedAt = now, UpdatedAt = now,
            OrganizationId = actor.OrganizationKind == OrganizationKind.Intermediary ? actor.OrganizationId : null,
        };
        input.ApplyTo(programme);
        db.SupportProgrammes.Add(programme);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/support-programmes/{programme.Id}", ProgrammeDto.From(programme, actor));
    }

    private static async Task<Results<Ok<ProgrammeDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, ProgrammeInput input, ClaimsPrincipal user, AppDbContext db, ReferenceData.ReferenceData reference, TimeProvider clock, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var programme = await db.SupportProgrammes.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null) return Problems.NotFound("The programme");
        if (CanEdit(actor, programme) is { } refused) return Problems.Forbidden(refused);
        var errors = new Errors();
        input.Validate(errors, reference);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        input.ApplyTo(programme);
        programme.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProgrammeDto.From(programme, actor));
    }

    /// <summary>Admins edit any programme; an intermediary edits the ones it maintains.</summary>
    public static string? CanEdit(Actor? actor, SupportProgramme p) =>
        actor is null ? "Sign in to edit programmes."
        : actor.IsPlatformAdmin ? null
        : p.OrganizationId is { } owner && actor.IsMemberOf(owner) ? null
        : "Only the intermediary that maintains this programme, or a platform admin, edits it.";
}
