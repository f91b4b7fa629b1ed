using System.Text.Json.Serialization;

namespace GvcMatch.Web.Features.Conversations;

/// <summary>A message's file. A protected one opens through the protected-document download: stamped for each reader, logged, under the conversation's NDA.</summary>
public sealed record AttachmentDto(string Name, string ContentType, long Size, string Url, bool Protected = false, int? DocumentId = null);

/// <summary>A message as clients see it: over the hub, in history pages and on reconnect catch-up (nulls written in both, one shape).</summary>
public sealed record MessageDto(
    long ConversationId,
    long Seq,
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? SenderUserId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? SenderName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? SenderOrganizationId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ClientMessageId,
    string Body,
    DateTimeOffset SentAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? OfferId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] AttachmentDto? Attachment)
{
    public static MessageDto From(Message m, string? senderName) => new(
        m.ConversationId, m.Seq, m.Kind.ToString(), m.SenderUserId, senderName, m.SenderOrganizationId,
        m.ClientMessageId, m.Body, m.SentAt, m.OfferId,
        m.AttachmentName is null ? null : new AttachmentDto(
            m.AttachmentName, m.AttachmentContentType ?? "application/octet-stream", m.AttachmentSize ?? 0,
            m.ProtectedDocumentId is { } doc ? $"/api/protected-documents/{doc}/download" : $"/api/conversations/{m.ConversationId}/messages/{m.Seq}/attachment",
            m.ProtectedDocumentId is not null, m.ProtectedDocumentId));
}
