using GvcMatch.Documents;
using GvcMatch.Web.Features.Ndas;

namespace GvcMatch.Web.Features.ProtectedDocuments;

/// <summary>A document as the caller sees it: whether it opens for them, and if not, why.</summary>
public sealed record ProtectedDocumentDto(
    int Id, NdaSubject Subject, int SubjectId, string Title, string FileName, string ContentType, long Length, int Revision,
    DateTimeOffset? ExpiresAt, int? MaxDownloads, DateTimeOffset? RevokedAt, DateTimeOffset CreatedAt, bool IsOwner, bool MayOpen, string? Reason, string DownloadUrl);

public sealed record DeliveryDto(
    long Id, int DocumentId, string DocumentTitle, int Revision, string UserId, string UserName, int? OrganizationId, string? OrganizationName,
    DateTimeOffset At, string Address, string? Fingerprint, string? Refusal)
{
    public static DeliveryDto From(DocumentDelivery d, string title) => new(
        d.Id, d.DocumentId, title, d.Revision, d.UserId, d.UserName, d.OrganizationId, d.OrganizationName, d.At, d.Address,
        d.Fingerprint is { } f ? new DeliveryFingerprint((ulong)f).ToString() : null, d.Refusal);
}

public sealed record RecipientDto(int OrganizationId, string OrganizationName, bool Named, DateTimeOffset? RevokedAt, int Downloads);

/// <summary>The owner's view of a document: every delivery and refusal, newest first, and the organisations named or revoked.</summary>
public sealed record AccessLogDto(ProtectedDocumentDto Document, IReadOnlyList<DeliveryDto> Entries, IReadOnlyList<RecipientDto> Recipients);

/// <summary>A stamped copy ready to send.</summary>
public sealed record DeliveredCopy(byte[] Content, string ContentType, string FileName, DeliveryFingerprint Fingerprint);
