using GvcMatch.Matching;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>One member as the consortium's members see it.</summary>
public sealed record ConsortiumMemberDto(
    int OrganizationId, string Name, string Country, ConsortiumRole Role, ConsortiumMemberStatus Status,
    decimal SharePercent, string Work, IReadOnlyList<int> Criteria, IReadOnlyList<int> Lots,
    DateTimeOffset InvitedAt, DateTimeOffset? RespondedAt);

/// <summary>A consortium as one of its members (or an invitee) sees it.</summary>
/// <param name="You">The caller's own membership: its role and whether it is invited or accepted.</param>
/// <param name="ConversationId">The consortium's conversation with the buyer, once someone started it.</param>
public sealed record ConsortiumDto(
    int Id, string Name, ConsortiumStatus Status, int RequirementId, string RequirementTitle, int BuyerOrganizationId, string BuyerName,
    int LeadOrganizationId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<ConsortiumMemberDto> Members,
    ConsortiumMemberDto You, long? ConversationId)
{
    public decimal AcceptedShares => Members.Where(m => m.Status == ConsortiumMemberStatus.Accepted).Sum(m => m.SharePercent);
}

/// <summary>A row of "my consortia and invitations".</summary>
public sealed record ConsortiumSummaryDto(
    int Id, string Name, ConsortiumStatus Status, int RequirementId, string RequirementTitle, string LeadName,
    ConsortiumRole YourRole, ConsortiumMemberStatus YourStatus, int AcceptedMembers, DateTimeOffset UpdatedAt);

/// <summary>The consortium's coverage of its requirement, criterion by criterion, over its accepted members.</summary>
/// <param name="WithoutProfile">Accepted members without a capability profile: they cover nothing until they have one.</param>
public sealed record ConsortiumCoverageDto(
    int ConsortiumId, int RequirementId, int RequirementVersion, DateTimeOffset EvaluatedAt, bool MandatoryMet, double Total,
    IReadOnlyList<CriterionCoverage> Criteria, IReadOnlyList<string> WithoutProfile);

/// <summary>A cluster's certificate shared with its member SMEs.</summary>
/// <param name="ConcurrencyStamp">The version: sent as the ETag (not in the body), carried by the page's edit form.</param>
public sealed record GroupCertificateDto(
    int Id, string Standard, string? Issuer, string? Number, DateOnly? ValidUntil, bool Verified, bool Expired,
    IReadOnlyList<GroupMemberDto> Members, [property: System.Text.Json.Serialization.JsonIgnore] Guid ConcurrencyStamp)
{
    /// <summary>Whether SMEs may ask to join, and on what terms.</summary>
    public GroupOpennessDto Openness { get; init; } = new(false, null, null, null);
}

/// <param name="Accepted">Whether the SME's owner accepted the listing; until then it does not count for the SME.</param>
public sealed record GroupMemberDto(int OrganizationId, string Name, string Country, bool Accepted);

/// <summary>A group certificate as the SME it lists sees it.</summary>
/// <param name="Counts">Accepted, held by a verified cluster (or verified itself) and not expired: coverage relies on it.</param>
public sealed record GroupCertificateListingDto(
    int Id, int ClusterOrganizationId, string ClusterName, bool ClusterVerified, string Standard, string? Issuer, string? Number,
    DateOnly? ValidUntil, bool Verified, bool Expired, bool Accepted, bool Counts);

/// <summary>Where the consortium's conversation with the buyer is.</summary>
public sealed record ConsortiumConversationDto(long ConversationId, bool Created);
