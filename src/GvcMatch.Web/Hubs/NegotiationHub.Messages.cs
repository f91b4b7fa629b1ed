using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using Microsoft.AspNetCore.SignalR;

namespace GvcMatch.Web.Hubs;

/// <summary>Messages, read receipts and typing. Stored first, then broadcast to the members read fresh.</summary>
public sealed partial class NegotiationHub
{
    /// <summary>
    /// Opens a conversation on this connection and returns what came after <paramref name="afterSeq"/>
    /// (at most 200; call again with the last seq while HasMore). Events flow to every connection of
    /// a member anyway; Join is the catch-up.
    /// </summary>
    public async Task<JoinResult> Join(long conversationId, long afterSeq, AppDbContext db)
    {
        if (afterSeq < 0) throw HubErrors.Error(HubErrors.Invalid, $"afterSeq: must be 0 or more (got {afterSeq}).");
        var who = await ParticipantAsync(conversationId, db);
        var ct = Context.ConnectionAborted;
        var conversation = (await ConversationQueries.GetAsync(db, conversationId, who.UserId, ct))!;
        var page = await ConversationQueries.HistoryAsync(db, conversationId, afterSeq, null, ConversationQueries.MaxHistory, ct);
        return new JoinResult(conversation, page.Messages, page.HasMore, conversation.LastReadSeq);
    }

    /// <summary>
    /// The busiest call: membership is checked by the message writer for the whole burst of sends
    /// in one query, at the moment of writing, rather than by a query per send before queueing.
    /// </summary>
    public async Task<MessageDto> Send(SendMessage request, ConversationMessaging messaging, MessageWriter writer, SendBudget budget)
    {
        // The person's one budget, shared with their other connections and the API.
        if (budget.TryTake(Context.UserIdentifier ?? "") is { } wait)
            throw HubErrors.Error(HubErrors.RateLimited, $"you are sending messages faster than allowed; retry in {SendBudget.Seconds(wait)} s.");
        if (request is null) throw HubErrors.Error(HubErrors.Invalid, "send a message object.");
        var errors = MessageRules.Check(request.ClientMessageId, request.Body, bodyRequired: true);
        if (errors.Any) throw HubErrors.Error(HubErrors.Invalid, MessageRules.FirstError(errors));
        try
        {
            var message = new NewMessage(MessageKind.Text, request.Body, request.ClientMessageId);
            return (await messaging.SendCheckedAsync(Context.User!, request.ConversationId, message, writer, Context.ConnectionAborted)).Message;
        }
        catch (NotAParticipantException)
        {
            throw HubErrors.ConversationNotFound(request.ConversationId);
        }
    }

    public async Task MarkRead(long conversationId, long seq, AppDbContext db, ConversationMessaging messaging)
    {
        var who = await ParticipantAsync(conversationId, db);
        var lastSeq = await ConversationQueries.LastSeqAsync(db, conversationId, Context.ConnectionAborted);
        if (seq < 0 || seq > lastSeq) throw HubErrors.Error(HubErrors.Invalid, $"seq: 0 to {lastSeq}, the newest message (got {seq}).");
        await messaging.MarkReadAsync(who, seq, Context.ConnectionAborted);
    }

    public async Task Typing(long conversationId, bool isTyping, AppDbContext db, ConversationStore store)
    {
        var who = await ParticipantAsync(conversationId, db);
        var others = (await store.RecipientsAsync(conversationId, Context.ConnectionAborted)).Where(u => u != who.UserId).ToList();
        await Clients.Users(others).Typing(new TypingEvent(conversationId, who.UserId, who.Name, isTyping));
    }
}
