using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Profiles;

public static class ProfilesApi
{
    public static IEndpointRouteBuilder MapProfilesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/suppliers", BrowseAsync).AllowAnonymous().WithTags("Suppliers").WithSummary("Browse published supplier profiles");

        var group = app.MapGroup("/api/organizations/{id:int}/profile").WithTags("Suppliers");
        group.MapGet("/", GetAsync).AllowAnonymous().WithSummary("An SME's capability profile (drafts only for its members)");
        group.MapPut("/", UpdateAsync).RequireAuthorization().WithSummary("Create or edit your SME's profile");
        group.MapPost("/publish", PublishAsync).RequireAuthorization().WithSummary("Publish your SME's profile");
        group.MapPost("/unpublish", UnpublishAsync).RequireAuthorization().WithSummary("Withdraw your SME's profile to draft");
        return app;
    }

    private static async Task<Results<Ok<Paged<SupplierCard>>, ValidationProblem>> BrowseAsync(
        [AsParameters] SupplierFilter filter, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Errors();
        filter.Validate(errors);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        return TypedResults.Ok(await SupplierQueries.BrowseAsync(db, filter, clock.Today(), ct));
    }

    private static async Task<Results<Ok<ProfileDto>, ProblemHttpResult>> GetAsync(
        int id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking().Include(p => p.Certifications).FirstOrDefaultAsync(p => p.OrganizationId == id, ct);
        if (profile is null) return Problems.NotFound("The profile");
        if (profile.Status != PublicationStatus.Published)
        {
            var actor = await user.GetActorAsync(db, ct);
            if (!Access.IsMember(actor, id)) return Problems.NotFound("The profile");
        }
        return TypedResults.Ok(ProfileDto.From(profile, clock.Today()));
    }

    private static async Task<Results<Ok<ProfileDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, ProfileInput input, ClaimsPrincipal user, AppDbContext db, ReferenceData.ReferenceData reference, TimeProvider clock, CancellationToken ct)
    {
        var (profile, problem) = await LoadForEditAsync(id, user, db, ct);
        if (problem is not null) return problem;

        var errors = new Errors();
        input.Validate(errors, reference);
        // Members of the SME self-declare; stronger evidence is set through the certificate evidence endpoint.
        Certificates.CertificateRecords.CheckEvidence(errors, input.Certifications, profile!.Certifications, GvcMatch.Matching.Certifications.EvidenceLevel.SelfDeclared);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        input.ApplyTo(profile!, reference);
        profile!.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProfileDto.From(profile, clock.Today()));
    }

    private static async Task<Results<Ok<ProfileDto>, ProblemHttpResult>> PublishAsync(
        int id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (profile, problem) = await LoadForEditAsync(id, user, db, ct);
        if (problem is not null) return problem;
        if (ProfilePublishing.Publish(profile!, clock.GetUtcNow()) is { } reason) return Problems.Conflict(reason);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProfileDto.From(profile!, clock.Today()));
    }

    private static async Task<Results<Ok<ProfileDto>, ProblemHttpResult>> UnpublishAsync(
        int id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (profile, problem) = await LoadForEditAsync(id, user, db, ct);
        if (problem is not null) return problem;
        ProfilePublishing.Unpublish(profile!, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProfileDto.From(profile!, clock.Today()));
    }

    /// <summary>Loads (or starts) the profile of an SME the caller belongs to; any other caller gets 403/404.</summary>
    private static async Task<(CapabilityProfile?, ProblemHttpResult?)> LoadForEditAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var org = await db.Organizations.Include(o => o.Profile!).ThenInclude(p => p.Certifications).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (actor is null || org is null) return (null, Problems.NotFound("The organisation"));
        if (Access.CanManageProfile(actor, org) is { } reason) return (null, Problems.Forbidden(reason));
        org.Profile ??= new CapabilityProfile { OrganizationId = org.Id, Status = PublicationStatus.Draft };
        return (org.Profile, null);
    }
}
