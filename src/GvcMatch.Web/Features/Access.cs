using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features;

/// <summary>
/// Who may touch what. Every rule takes the caller and the organisation that owns the object, so
/// no object is ever acted on by id alone. A null result means allowed; otherwise the reason.
/// </summary>
public static class Access
{
    /// <summary>Only an owner edits the organisation's own details.</summary>
    public static string? CanEditOrganization(Actor actor, int organizationId) =>
        actor.IsOwnerOf(organizationId) ? null : "Only an owner of this organisation can edit it.";

    /// <summary>Members of an SME manage its capability profile.</summary>
    public static string? CanManageProfile(Actor actor, Organization org) =>
        !actor.IsMemberOf(org.Id) ? "You can only manage your own organisation's profile."
        : org.Kind != OrganizationKind.Sme ? "Only SMEs publish capability profiles."
        : null;

    /// <summary>Members of an SME manage its IP listings.</summary>
    public static string? CanManageIpListings(Actor actor, int organizationId) =>
        !actor.IsMemberOf(organizationId) ? "You can only manage your own organisation's IP listings."
        : !actor.IsSme ? "Only SMEs list intellectual property."
        : null;

    /// <summary>Members of an MNE manage its sourcing requirements.</summary>
    public static string? CanManageRequirements(Actor actor, int organizationId) =>
        !actor.IsMemberOf(organizationId) ? "You can only manage your own organisation's requirements."
        : !actor.IsMne ? "Only MNE buyers post sourcing requirements."
        : null;

    public static string? CanVerify(Actor actor) =>
        actor.CanVerify ? null : "Only platform admins and verified intermediaries verify organisations.";

    /// <summary>
    /// An organisation id sent in a request body must be the caller's own: acting for another
    /// organisation is refused rather than quietly ignored.
    /// </summary>
    public static string? ClaimedOrganization(Actor actor, int? claimed) =>
        claimed is null || claimed == actor.OrganizationId ? null : "You may only act for your own organisation.";

    public static bool IsMember(Actor? actor, int organizationId) => actor?.IsMemberOf(organizationId) == true;
}
