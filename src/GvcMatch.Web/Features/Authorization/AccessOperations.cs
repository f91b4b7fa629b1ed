using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace GvcMatch.Web.Features.Authorization;

/// <summary>
/// What a caller asks to do with a resource. The handlers in this folder decide each one for the
/// resource's owner, so the API, the pages and the hub ask the same question and get the same answer.
/// </summary>
public static class AccessOperations
{
    /// <summary>Read a resource that may be a draft (drafts are for their own organisation only).</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Edit, publish, close or delete a requirement, an IP listing or a saved search.</summary>
    public static readonly OperationAuthorizationRequirement Change = new() { Name = nameof(Change) };

    /// <summary>Edit an organisation's own details (owners only).</summary>
    public static readonly OperationAuthorizationRequirement EditOrganization = new() { Name = nameof(EditOrganization) };

    /// <summary>Write an SME's capability profile.</summary>
    public static readonly OperationAuthorizationRequirement ManageProfile = new() { Name = nameof(ManageProfile) };

    /// <summary>Post requirements for an MNE.</summary>
    public static readonly OperationAuthorizationRequirement ManageRequirements = new() { Name = nameof(ManageRequirements) };

    /// <summary>List intellectual property for an SME.</summary>
    public static readonly OperationAuthorizationRequirement ManageIpListings = new() { Name = nameof(ManageIpListings) };
}
