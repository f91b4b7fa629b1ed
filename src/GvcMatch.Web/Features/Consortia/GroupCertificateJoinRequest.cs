namespace GvcMatch.Web.Features.Consortia;

public enum JoinRequestStatus
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>
/// An SME's request to join a cluster's group certificate that is open to new members. Accepting it
/// lists the SME on the certificate, already accepted: the SME's owner asked for exactly that.
/// One row per certificate and SME; asking again after a refusal makes it pending again.
/// </summary>
public sealed class GroupCertificateJoinRequest
{
    public int Id { get; set; }
    public int GroupCertificateId { get; set; }
    public int OrganizationId { get; set; }
    public required string RequestedByUserId { get; set; }
    public string? Note { get; set; }
    public JoinRequestStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}
