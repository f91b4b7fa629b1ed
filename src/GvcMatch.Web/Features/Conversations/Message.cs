namespace GvcMatch.Web.Features.Conversations;

public enum MessageKind { Text, Attachment, Offer, System }

/// <summary>
/// One entry in a conversation, numbered by <see cref="Seq"/> (1, 2, 3 ... per conversation, no
/// gaps). A sender's <see cref="ClientMessageId"/> is unique per conversation, so a retried send
/// stores nothing new.
/// </summary>
public sealed class Message
{
    public long Id { get; set; }
    public long ConversationId { get; set; }
    public long Seq { get; set; }
    public MessageKind Kind { get; set; }

    /// <summary>Null for system events.</summary>
    public string? SenderUserId { get; set; }
    public int? SenderOrganizationId { get; set; }
    public string? ClientMessageId { get; set; }
    public string Body { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }

    /// <summary>The offer this message announces (Kind = Offer).</summary>
    public long? OfferId { get; set; }

    public string? AttachmentName { get; set; }
    public string? AttachmentContentType { get; set; }
    public long? AttachmentSize { get; set; }

    /// <summary>File name under the data folder's attachments directory; never shown to clients.</summary>
    public string? AttachmentStorageKey { get; set; }

    /// <summary>
    /// A protected attachment: the file is a protected document (encrypted, stamped per reader, logged,
    /// revocable) and <see cref="AttachmentStorageKey"/> is null; it opens only under the conversation's NDA.
    /// </summary>
    public int? ProtectedDocumentId { get; set; }
}

public static class MessageLimits
{
    public const int Body = 4000;
    public const int ClientMessageId = 64;
    public const int Subject = 200;
    public const int AttachmentName = 200;
}
