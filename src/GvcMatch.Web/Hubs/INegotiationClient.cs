using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.Offers;

namespace GvcMatch.Web.Hubs;

public sealed record TypingEvent(long ConversationId, string UserId, string? Name, bool IsTyping);

public sealed record ReadEvent(long ConversationId, string UserId, string? Name, long LastReadSeq);

public sealed record UnreadEvent(long ConversationId, long Unread, long TotalUnread);

/// <summary>
/// The events the server sends on <c>/hubs/negotiation</c>. Method names are the event names
/// clients subscribe to; docs/negotiation-protocol.md describes each payload.
/// </summary>
public interface INegotiationClient
{
    Task MessageReceived(MessageDto message);
    Task Typing(TypingEvent typing);
    Task Read(ReadEvent read);
    Task Unread(UnreadEvent unread);
    Task OfferUpdated(OfferDto offer);
    Task NotificationReceived(NotificationDto notification);
    Task DocumentRevoked(Features.ProtectedDocuments.DocumentRevokedEvent revoked);
}
