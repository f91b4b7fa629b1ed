namespace GvcMatch.Web.Features.Consortia;

public enum ConsortiumStatus { Forming, Active, Dissolved }

public enum ConsortiumRole { Lead, Member }

public enum ConsortiumMemberStatus { Invited, Accepted, Declined, Left }

/// <summary>
/// SMEs that bid together for one requirement. The lead creates it and invites the others; it
/// becomes <see cref="ConsortiumStatus.Active"/> once at least two members have accepted. It bids
/// as one party (<see cref="Bids.Bid.ConsortiumId"/>) and negotiates as one party
/// (<see cref="Conversations.Conversation.ConsortiumId"/>).
/// </summary>
public sealed class Consortium
{
    public int Id { get; set; }
    public int RequirementId { get; set; }
    public required string Name { get; set; }
    public int LeadOrganizationId { get; set; }
    public ConsortiumStatus Status { get; set; }
    public required string CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Replaced on every change to the consortium or its members; its ETag is the version a lead names
    /// in If-Match when changing a member's part. A timestamp cannot serve: two changes can share one.
    /// </summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<ConsortiumMember> Members { get; set; } = [];
}

/// <summary>
/// One SME in a consortium: its role, its declared share of the work, and the work it does,
/// named as the requirement criteria (0-based indexes) and lots it takes on. A member's
/// certificates count only for that work.
/// </summary>
public sealed class ConsortiumMember
{
    public int Id { get; set; }
    public int ConsortiumId { get; set; }
    public int OrganizationId { get; set; }
    public ConsortiumRole Role { get; set; }
    public ConsortiumMemberStatus Status { get; set; }
    public decimal SharePercent { get; set; }
    public string Work { get; set; } = "";
    public List<int> Criteria { get; set; } = [];
    public List<int> Lots { get; set; } = [];
    public string? InvitedByUserId { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
}

/// <summary>
/// A certificate held by a cluster (an intermediary organisation) on behalf of its member SMEs:
/// a member may rely on it as if it held the certificate itself, once that member's owner has
/// accepted the listing. A cluster can list any SME, so a listing alone proves nothing.
/// </summary>
public sealed class GroupCertificate
{
    public int Id { get; set; }
    public int ClusterOrganizationId { get; set; }
    public required string Standard { get; set; }
    public string? Issuer { get; set; }
    public string? Number { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public bool Verified { get; set; }
    public List<int> MemberOrganizationIds { get; set; } = [];

    /// <summary>The listed SMEs whose owner accepted the listing; always a subset of <see cref="MemberOrganizationIds"/>.</summary>
    public List<int> AcceptedOrganizationIds { get; set; } = [];

    /// <summary>SMEs may ask to join (<see cref="GroupCertificateJoining"/>).</summary>
    public bool OpenToNewMembers { get; set; }

    /// <summary>The country whose SMEs may ask to join (ISO code); null: any country.</summary>
    public string? OpenCountry { get; set; }

    /// <summary>The scope the certificate covers, in the cluster's words.</summary>
    public string? OpenScope { get; set; }

    /// <summary>What joining takes: audits, shared costs, the group's quality manual.</summary>
    public string? JoiningTakes { get; set; }

    /// <summary>Replaced on every change (the cluster's edit, an SME's accept or decline); its ETag is the version named in If-Match.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>
    /// Not stored: the SMEs whose acceptance the change being saved ends (declined, taken off the list,
    /// asked again, the certificate removed), so that the search index drops the certificate from them.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Schema.NotMapped]
    public IReadOnlyList<int> Released { get; set; } = [];

    public bool IsAcceptedBy(int organizationId) => AcceptedOrganizationIds.Contains(organizationId) && MemberOrganizationIds.Contains(organizationId);

    public bool IsExpired(DateOnly today) => ValidUntil is { } until && until < today;
}

public static class ConsortiumLimits
{
    public const int Name = 200;
    public const int Work = 1000;
    public const int MaxMembers = 8;
}
