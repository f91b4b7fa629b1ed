namespace GvcMatch.Web.Features.Conversations;

/// <summary>What a conversation is about; together with <see cref="Conversation.AboutId"/> it names the object.</summary>
public enum ConversationTopic { Requirement, Match, IpListing, Direct }

/// <summary>
/// A negotiation between organisations about one thing. Members of the party organisations see
/// it; nobody else can. <see cref="LastSeq"/> is the sequence number of the newest message and is
/// the only counter messages take their numbers from.
/// </summary>
public sealed class Conversation
{
    public long Id { get; set; }
    public ConversationTopic Topic { get; set; }

    /// <summary>The requirement (for Requirement and Match) or IP listing id; null for Direct.</summary>
    public int? AboutId { get; set; }

    /// <summary>
    /// Topic, object and the sorted party ids in one string, unique: starting the same
    /// conversation twice opens the existing one instead of creating a second.
    /// </summary>
    public required string PairKey { get; set; }
    public required string Subject { get; set; }
    public long LastSeq { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastMessageAt { get; set; }
    public required string CreatedByUserId { get; set; }

    /// <summary>
    /// Set when one side is a consortium: its accepted members are that side's parties, kept in
    /// step as members join and leave, so the consortium negotiates as one party.
    /// </summary>
    public int? ConsortiumId { get; set; }

    public List<ConversationParty> Parties { get; set; } = [];
}

/// <summary>An organisation taking part in a conversation.</summary>
public sealed class ConversationParty
{
    public long ConversationId { get; set; }
    public int OrganizationId { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}

/// <summary>One person's place in a conversation: how far they have read, and whether they archived it.</summary>
public sealed class ConversationUserState
{
    public long ConversationId { get; set; }
    public required string UserId { get; set; }
    public long LastReadSeq { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>
    /// The version of the archive flag, replaced whenever <see cref="ArchivedAt"/> changes (the person's
    /// archive or restore, a new message bringing the conversation back). Not a concurrency token: read
    /// positions are written on the same row and must never fail because of it. No row: <see cref="Guid.Empty"/>.
    /// </summary>
    public Guid ArchiveStamp { get; set; } = Guid.NewGuid();
}
