using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Authorization;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Questions;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Requirements;

/// <summary>
/// Every change to a requirement short of its award: create, edit, delete, publish and close. The
/// API and the editor page both call these, so a published requirement demands a change note and
/// the version the caller edited on either path.
/// </summary>
public sealed class RequirementService(AppDbContext db, ReferenceData.ReferenceData reference, TimeProvider clock, QuestionBoard board,
    RequirementAlertQueue alerts, ResourceAccess access)
{
    private const string What = "this requirement";

    public async Task<Outcome<Requirement>> CreateAsync(Actor? actor, RequirementInput input, CancellationToken ct)
    {
        if (actor?.OrganizationId is not { } orgId) return Refusal.Forbidden("Join an MNE to post requirements.");
        if (Access.ClaimedOrganization(actor, input.OrganizationId) is { } claim) return Refusal.Forbidden(claim);
        var org = await db.Organizations.FirstAsync(o => o.Id == orgId, ct);
        if (await access.CheckAsync(actor, org, AccessOperations.ManageRequirements) is { } denied) return denied;

        var errors = new Errors();
        input.Validate(errors, reference, clock.Today());
        if (errors.Any) return Refusal.Invalid(errors);

        var now = clock.GetUtcNow();
        var requirement = new Requirement
        {
            Key = Slug.NewKey("req", input.Title), Title = "", OrganizationId = orgId, Organization = org,
            Status = RequirementStatus.Draft, CreatedAt = now, UpdatedAt = now,
        };
        input.ApplyTo(requirement);
        db.Requirements.Add(requirement);
        await db.SaveChangesAsync(ct);
        return requirement;
    }

    /// <summary>Edits a draft, or a published requirement as a new version: then the change note and the version edited are required.</summary>
    public async Task<Outcome<Requirement>> UpdateAsync(Actor? actor, int id, RequirementInput input, IfMatch expected, CancellationToken ct)
    {
        var loaded = await FindForChangeAsync(actor, id, ct);
        if (loaded.Refusal is { } refused) return refused;
        var requirement = loaded.Value!;
        if (Access.ClaimedOrganization(actor!, input.OrganizationId) is { } claim) return Refusal.Forbidden(claim);
        if (RequirementLifecycle.CanEdit(requirement) is { } locked) return new Refusal(StatusCodes.Status409Conflict, locked, Field("status", locked));
        var published = requirement.Status == RequirementStatus.Published;
        if (expected.Check(requirement.ConcurrencyStamp, What, published ? "is published and every responder reads its versions" : null) is { } stale)
            return stale;

        var errors = new Errors();
        // Responders rely on the change note to understand a new version, so it is never made up.
        if (published && string.IsNullOrWhiteSpace(input.ChangeNote)) errors.Add("changeNote", "Say what changed; every responder sees this note.");
        input.Validate(errors, reference, clock.Today());
        if (errors.Any) return Refusal.Invalid(errors);
        if (await RequirementLots.FrozenAsync(db, requirement, input.Lots, ct) is { } frozen) return new Refusal(StatusCodes.Status409Conflict, frozen, Field("lots", frozen));

        var versionBefore = requirement.Version;
        input.ApplyTo(requirement);
        RequirementLifecycle.RecordEdit(requirement, clock.GetUtcNow(), input.ChangeNote);
        if (await SaveAsync(ct) is { } lost) return lost;
        // Committed: bidders learn of the new version, so they can review their answers.
        if (versionBefore > 0 && requirement.Version > versionBefore) await board.NotifyNewVersionAsync(requirement, ct);
        return requirement;
    }

    public async Task<Outcome<Requirement>> DeleteAsync(Actor? actor, int id, IfMatch expected, CancellationToken ct)
    {
        var loaded = await FindForChangeAsync(actor, id, ct);
        if (loaded.Refusal is { } refused) return refused;
        var requirement = loaded.Value!;
        if (requirement.Status != RequirementStatus.Draft)
            return Refusal.Conflict("Only drafts can be deleted; cancel a published requirement instead, so responders see why.");
        if (expected.Check(requirement.ConcurrencyStamp, What) is { } stale) return stale;
        db.Requirements.Remove(requirement);
        if (await SaveAsync(ct) is { } lost) return lost;
        return requirement;
    }

    /// <summary>Publishes a draft; once committed, matching suppliers are told in the background so publishing stays fast.</summary>
    public async Task<Outcome<Requirement>> PublishAsync(Actor? actor, int id, IfMatch expected, CancellationToken ct)
    {
        var published = await PublishWithoutAlertsAsync(actor, id, expected, ct);
        if (published.Ok) alerts.Enqueue(id);
        return published;
    }

    /// <summary>
    /// Publishes without alerting the best-matching suppliers, for a caller that alerts them later
    /// itself (a road-map item turned into a requirement: its interested SMEs hear first).
    /// </summary>
    public Task<Outcome<Requirement>> PublishWithoutAlertsAsync(Actor? actor, int id, IfMatch expected, CancellationToken ct) =>
        TransitionAsync(actor, id, expected, RequirementLifecycle.Publish, ct);

    public Task<Outcome<Requirement>> CloseAsync(Actor? actor, int id, IfMatch expected, CancellationToken ct) =>
        TransitionAsync(actor, id, expected, RequirementLifecycle.Close, ct);

    /// <summary>
    /// The requirement if the caller may change it. Another organisation's draft does not exist for
    /// it (404); its published requirement may be read, so the refusal says why (403).
    /// </summary>
    public async Task<Outcome<Requirement>> FindForChangeAsync(Actor? actor, int id, CancellationToken ct)
    {
        var requirement = await db.Requirements.Include(r => r.Organization).Include(r => r.Versions).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (actor is null || requirement is null) return Refusal.NotFound("The requirement");
        if (await access.CheckAsync(actor, requirement, AccessOperations.Change) is { } denied)
            return requirement.IsVisibleToEveryone ? denied : Refusal.NotFound("The requirement");
        return requirement;
    }

    private async Task<Outcome<Requirement>> TransitionAsync(Actor? actor, int id, IfMatch expected, Func<Requirement, DateTimeOffset, string?> change,
        CancellationToken ct)
    {
        var loaded = await FindForChangeAsync(actor, id, ct);
        if (loaded.Refusal is { } refused) return refused;
        var requirement = loaded.Value!;
        if (expected.Check(requirement.ConcurrencyStamp, What) is { } stale) return stale;
        if (change(requirement, clock.GetUtcNow()) is { } notAllowed) return Refusal.Conflict(notAllowed);
        requirement.ConcurrencyStamp = Guid.NewGuid();
        if (await SaveAsync(ct) is { } lost) return lost;
        return requirement;
    }

    private Task<Refusal?> SaveAsync(CancellationToken ct) => db.SaveVersionedAsync(What, ct);

    private static Dictionary<string, string[]> Field(string field, string message) => new() { [field] = [message] };
}
