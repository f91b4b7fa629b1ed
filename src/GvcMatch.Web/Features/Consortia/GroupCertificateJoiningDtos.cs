namespace GvcMatch.Web.Features.Consortia;

public static class GroupCertificateLimits
{
    public const int Scope = 200;
    public const int Text = 1000;
}

/// <summary>Whether a cluster's certificate takes new members, and on what terms.</summary>
/// <param name="Country">The country it covers (ISO code); none: any country.</param>
/// <param name="Joining">What joining takes: audits, shared costs, the group's quality manual.</param>
public sealed record GroupOpennessInput(bool Open, string? Country = null, string? Scope = null, string? Joining = null);

public sealed record GroupOpennessDto(bool Open, string? Country, string? Scope, string? Joining);

public sealed record JoinRequestInput(string? Note = null);

/// <summary>A group certification an SME could join, as that SME sees it.</summary>
/// <param name="YourRequest">The SME's own request to join, if it made one.</param>
/// <param name="Listed">The SME is on the certificate already.</param>
public sealed record OpenGroupCertificationDto(
    int Id, int ClusterOrganizationId, string ClusterName, bool ClusterVerified, string Standard, DateOnly? ValidUntil,
    string? Country, string? Scope, string? Joining, JoinRequestStatus? YourRequest, bool Listed);

public sealed record JoinRequestDto(
    int Id, int GroupCertificateId, string Standard, string ClusterName, int OrganizationId, string OrganizationName, string Country,
    string? Note, JoinRequestStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt);

/// <summary>The words a page shows for a request's status (translated through the shared resources).</summary>
public static class JoinStatusWords
{
    public static string Of(JoinRequestStatus status) => status switch
    {
        JoinRequestStatus.Accepted => "accepted by the cluster",
        JoinRequestStatus.Declined => "declined by the cluster",
        _ => "awaiting the cluster's answer",
    };
}
