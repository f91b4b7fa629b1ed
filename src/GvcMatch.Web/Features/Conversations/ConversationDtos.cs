using System.Text.Json.Serialization;

namespace GvcMatch.Web.Features.Conversations;

public sealed record PartyDto(int OrganizationId, string Name, string Kind);

// Nulls are written here although the API leaves them out elsewhere: these shapes travel over the
// hub too, where SignalR writes every property, and a client should find one shape on both.

/// <summary>One conversation as its participant sees it (their read position and archive flag).</summary>
public sealed record ConversationDto(
    long Id, string Topic, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? AboutId, string Subject, IReadOnlyList<PartyDto> Parties,
    long LastSeq, long LastReadSeq, bool Archived, DateTimeOffset CreatedAt);

/// <summary>A row of the conversation list.</summary>
public sealed record ConversationSummaryDto(
    long Id, string Topic, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? AboutId, string Subject, IReadOnlyList<PartyDto> Parties,
    long LastSeq, DateTimeOffset LastMessageAt, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? LastMessagePreview, long Unread, bool Archived);

public sealed record ConversationUnreadDto(long ConversationId, long Unread);

public sealed record UnreadTotalsDto(long Total, IReadOnlyList<ConversationUnreadDto> Conversations);

/// <summary>What Join answers: the conversation and the messages after the caller's last seen number.</summary>
public sealed record JoinResult(ConversationDto Conversation, IReadOnlyList<MessageDto> Messages, bool HasMore, long LastReadSeq);

public sealed record HistoryPage(IReadOnlyList<MessageDto> Messages, bool HasMore);

/// <summary>The hub's Send argument.</summary>
public sealed record SendMessage(long ConversationId, string ClientMessageId, string Body);

public sealed record SendMessageRequest(string? ClientMessageId, string? Body);

public sealed record ReadRequest(long Seq);

public sealed record StartConversationRequest(ConversationTopic? Topic, int? AboutId, int? OrganizationId);

/// <summary>The caller's archive flag of a conversation; <see cref="Stamp"/> is sent as the ETag, not in the body.</summary>
public sealed record ArchiveState(bool Archived, DateTimeOffset? ArchivedAt, [property: System.Text.Json.Serialization.JsonIgnore] Guid Stamp);
