namespace GvcMatch.Web.Features.Conversations;

public sealed record AttachmentDto(string Name, string ContentType, long Size, string Url);

/// <summary>A message as clients see it: over the hub, in history pages and on reconnect catch-up.</summary>
public sealed record MessageDto(
    long ConversationId,
    long Seq,
    string Kind,
    string? SenderUserId,
    string? SenderName,
    int? SenderOrganizationId,
    string? ClientMessageId,
    string Body,
    DateTimeOffset SentAt,
    long? OfferId,
    AttachmentDto? Attachment)
{
    public static MessageDto From(Message m, string? senderName) => new(
        m.ConversationId, m.Seq, m.Kind.ToString(), m.SenderUserId, senderName, m.SenderOrganizationId,
        m.ClientMessageId, m.Body, m.SentAt, m.OfferId,
        m.AttachmentName is null ? null : new AttachmentDto(
            m.AttachmentName, m.AttachmentContentType ?? "application/octet-stream", m.AttachmentSize ?? 0,
            $"/api/conversations/{m.ConversationId}/messages/{m.Seq}/attachment"));
}
