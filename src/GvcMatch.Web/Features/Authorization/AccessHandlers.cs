using GvcMatch.Web.Data;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Features.SavedSearches;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace GvcMatch.Web.Features.Authorization;

/// <summary>
/// The base of the resource handlers: resolves the actor, asks the rule, and records the reason
/// of a refusal so the caller can say why. An operation a handler does not know is left undecided.
/// </summary>
public abstract class ActorHandler<TResource>(AppDbContext db) : AuthorizationHandler<OperationAuthorizationRequirement, TResource>
{
    /// <summary>Null = allowed, otherwise why not; <see cref="Unknown"/> for an operation this resource does not have.</summary>
    protected abstract string? Decide(Actor actor, string operation, TResource resource);

    protected const string Unknown = "\0";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, TResource resource)
    {
        var actor = await ActorPrincipal.ResolveAsync(context.User, db);
        var reason = actor is null ? "Sign in again." : Decide(actor, requirement.Name, resource);
        if (reason == Unknown) return;
        if (reason is null) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, reason));
    }
}

/// <summary>Who may edit an organisation, and write its profile, requirements and IP listings.</summary>
public sealed class OrganizationHandler(AppDbContext db) : ActorHandler<Organization>(db)
{
    protected override string? Decide(Actor actor, string operation, Organization org) => operation switch
    {
        nameof(AccessOperations.EditOrganization) => Access.CanEditOrganization(actor, org.Id),
        nameof(AccessOperations.ManageProfile) => Access.CanManageProfile(actor, org),
        nameof(AccessOperations.ManageRequirements) => Access.CanManageRequirements(actor, org.Id),
        nameof(AccessOperations.ManageIpListings) => Access.CanManageIpListings(actor, org.Id),
        _ => Unknown,
    };
}

/// <summary>A requirement is read by everyone once published, and changed by its MNE's members.</summary>
public sealed class RequirementHandler(AppDbContext db) : ActorHandler<Requirement>(db)
{
    protected override string? Decide(Actor actor, string operation, Requirement r) => operation switch
    {
        nameof(AccessOperations.Read) => r.IsVisibleToEveryone || actor.IsMemberOf(r.OrganizationId) ? null : "This requirement is a draft of another organisation.",
        nameof(AccessOperations.Change) => Access.CanManageRequirements(actor, r.OrganizationId),
        _ => Unknown,
    };
}

/// <summary>An IP listing is read by everyone once published, and changed by its SME's members.</summary>
public sealed class IpListingHandler(AppDbContext db) : ActorHandler<IpListing>(db)
{
    protected override string? Decide(Actor actor, string operation, IpListing ip) => operation switch
    {
        nameof(AccessOperations.Read) => ip.Status == PublicationStatus.Published || actor.IsMemberOf(ip.OrganizationId) ? null : "This listing is a draft of another organisation.",
        nameof(AccessOperations.Change) => Access.CanManageIpListings(actor, ip.OrganizationId),
        _ => Unknown,
    };
}

/// <summary>A draft profile is read only by its own SME.</summary>
public sealed class ProfileHandler(AppDbContext db) : ActorHandler<CapabilityProfile>(db)
{
    protected override string? Decide(Actor actor, string operation, CapabilityProfile p) => operation switch
    {
        nameof(AccessOperations.Read) => p.Status == PublicationStatus.Published || actor.IsMemberOf(p.OrganizationId) ? null : "This profile is a draft.",
        _ => Unknown,
    };
}

/// <summary>A saved search is its owner's alone.</summary>
public sealed class SavedSearchHandler(AppDbContext db) : ActorHandler<SavedSearch>(db)
{
    protected override string? Decide(Actor actor, string operation, SavedSearch s) => operation switch
    {
        nameof(AccessOperations.Read) or nameof(AccessOperations.Change) => s.UserId == actor.UserId ? null : "This saved search is someone else's.",
        _ => Unknown,
    };
}
