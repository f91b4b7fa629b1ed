using GvcMatch.Web.Features.Ndas;

namespace GvcMatch.Web.Features.ProtectedDocuments;

/// <summary>
/// A drawing, specification or dossier on a requirement or an IP listing that opens only for
/// organisations holding a valid NDA for that object, or that the owner named; until
/// <see cref="ExpiresAt"/>, at most <see cref="MaxDownloads"/> times per recipient organisation.
/// </summary>
public sealed class ProtectedDocument
{
    public int Id { get; set; }
    public NdaSubject Subject { get; set; }
    public int SubjectId { get; set; }
    public int OwnerOrganizationId { get; set; }
    public required string Title { get; set; }
    public int CurrentRevision { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public int? MaxDownloads { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the owner withdrew the whole document: every link stops working at once.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>
/// One stored version of a document: the encrypted file under <see cref="StorageKey"/> and its own
/// key, itself protected with ASP.NET Core Data Protection. Older revisions stay, so the log keeps
/// pointing at what was delivered.
/// </summary>
public sealed class ProtectedRevision
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public int Number { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required string Sha256 { get; set; }
    public required string StorageKey { get; set; }
    public required string ProtectedKey { get; set; }
    public required string UploadedByUserId { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>An organisation the owner named as a recipient (no NDA needed), or one whose access the owner revoked.</summary>
public sealed class DocumentRecipient
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public int OrganizationId { get; set; }
    public bool Named { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>
/// One attempt to open a document: a delivery (with the fingerprint its copy carries) or a refusal
/// (with the reason and no fingerprint). The owner reads these as the access log.
/// </summary>
public sealed class DocumentDelivery
{
    public long Id { get; set; }
    public int DocumentId { get; set; }
    public int Revision { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public int? OrganizationId { get; set; }
    public string? OrganizationName { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Address { get; set; }

    /// <summary>The 48-bit <see cref="GvcMatch.Documents.DeliveryFingerprint"/> value of a delivered copy; null for a refusal.</summary>
    public long? Fingerprint { get; set; }
    public string? Refusal { get; set; }
}
