using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Conversations;

/// <summary>
/// What happens around a stored message, for the hub and the API alike: the message is stored
/// first, then broadcast to the current members of the party organisations, then each of them
/// learns their unread counts and the others get an inbox entry.
/// </summary>
public sealed class ConversationMessaging(
    AppDbContext db, ConversationStore store, IHubContext<NegotiationHub, INegotiationClient> hub, Notifier notifier, UnreadBroadcaster unread,
    TimeProvider clock)
{
    public const int PreviewLength = 140;

    public static string Link(long conversationId) => $"/Conversations/{conversationId}";

    /// <summary>Stores a message from a checked participant; a retry returns the stored one and broadcasts nothing.</summary>
    public async Task<Appended> SendAsync(Participant from, NewMessage message, CancellationToken ct)
    {
        var appended = await store.AppendAsync(from.ConversationId, from.AsSender, message, ct);
        if (appended.Created) await PublishAsync(appended.Message, ct);
        return appended;
    }

    /// <summary>
    /// Tells everyone about a message already stored. Offer messages get no "message" inbox entry:
    /// the offer flow leaves its own ("offer"). <paramref name="actingUserId"/> names who caused a
    /// system message, so that person is not notified of their own action.
    /// </summary>
    public async Task PublishAsync(MessageDto message, CancellationToken ct = default, string? actingUserId = null)
    {
        var id = message.ConversationId;
        var actor = message.SenderUserId ?? actingUserId;
        // Archiving is "nothing new here": news from someone else brings the conversation back.
        // Looked for first: a read costs little, while an UPDATE takes SQLite's one write lock
        // even when it changes nothing, and almost no message finds an archived reader.
        var archived = db.Set<ConversationUserState>().Where(s => s.ConversationId == id && s.ArchivedAt != null && s.UserId != actor);
        if (await archived.AnyAsync(ct))
            await archived.ExecuteUpdateAsync(s => s.SetProperty(x => x.ArchivedAt, (DateTimeOffset?)null), ct);

        var recipients = await store.RecipientsAsync(id, ct);
        await hub.Clients.Users(recipients).MessageReceived(message);
        if (unread.IsRunning) unread.Mark(id, recipients);
        else
        {
            foreach (var (userId, counts) in await UnreadCounts.EventsAsync(db, id, recipients, ct))
                await hub.Clients.User(userId).Unread(counts);
        }

        if (message.Kind != nameof(MessageKind.Offer))
            await NotifyAsync(message, recipients.Where(u => u != actor).ToList(), ct);
    }

    /// <summary>
    /// One inbox entry per person and conversation until they read it: a burst of fifty messages
    /// is one notification, not fifty.
    /// </summary>
    private async Task NotifyAsync(MessageDto message, List<string> others, CancellationToken ct)
    {
        if (others.Count == 0) return;
        var link = Link(message.ConversationId);
        var alreadyTold = await db.Notifications.AsNoTracking()
            .Where(n => others.Contains(n.UserId) && n.Kind == NotificationKinds.Message && n.Link == link && n.ReadAt == null)
            .Select(n => n.UserId).Distinct().ToListAsync(ct);
        var toTell = others.Except(alreadyTold).ToList();
        if (toTell.Count == 0) return;
        var subject = await db.Set<Conversation>().Where(c => c.Id == message.ConversationId).Select(c => c.Subject).FirstAsync(ct);
        var preview = Preview(message);
        var body = message.SenderName is null ? preview : $"{message.SenderName}: {preview}";
        await notifier.NotifyAsync(toTell, NotificationKinds.Message, Shorten($"New message: {subject}", 300), Shorten(body, 2000), link, ct);
    }

    /// <summary>
    /// Moves the caller's read position forward (never back), tells the other members, and sends
    /// the caller's own connections their new counts. Reading to the end also clears the
    /// conversation's message notifications, so the next message notifies again.
    /// </summary>
    public async Task<long> MarkReadAsync(Participant who, long seq, CancellationToken ct)
    {
        var id = who.ConversationId;
        await EnsureStateAsync(id, who.UserId, ct);
        await db.Set<ConversationUserState>().Where(s => s.ConversationId == id && s.UserId == who.UserId && s.LastReadSeq < seq)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastReadSeq, seq), ct);
        var position = await db.Set<ConversationUserState>().Where(s => s.ConversationId == id && s.UserId == who.UserId)
            .Select(s => s.LastReadSeq).FirstAsync(ct);
        var lastSeq = await db.Set<Conversation>().Where(c => c.Id == id).Select(c => c.LastSeq).FirstAsync(ct);
        if (position >= lastSeq)
        {
            var link = Link(id);
            await db.Notifications.Where(n => n.UserId == who.UserId && n.Kind == NotificationKinds.Message && n.Link == link && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow()), ct);
        }

        var others = (await store.RecipientsAsync(id, ct)).Where(u => u != who.UserId).ToList();
        await hub.Clients.Users(others).Read(new ReadEvent(id, who.UserId, who.Name, position));
        foreach (var (userId, counts) in await UnreadCounts.EventsAsync(db, id, [who.UserId], ct))
            await hub.Clients.User(userId).Unread(counts);
        return position;
    }

    /// <summary>Archives (or brings back) the conversation for the caller only.</summary>
    public async Task SetArchivedAsync(Participant who, bool archived, CancellationToken ct)
    {
        await EnsureStateAsync(who.ConversationId, who.UserId, ct);
        DateTimeOffset? at = archived ? clock.GetUtcNow() : null;
        await db.Set<ConversationUserState>()
            .Where(s => s.ConversationId == who.ConversationId && s.UserId == who.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ArchivedAt, at), ct);
    }

    private async Task EnsureStateAsync(long conversationId, string userId, CancellationToken ct)
    {
        if (await db.Set<ConversationUserState>().AnyAsync(s => s.ConversationId == conversationId && s.UserId == userId, ct)) return;
        var state = new ConversationUserState { ConversationId = conversationId, UserId = userId };
        db.Add(state);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another call of the same person created it a moment ago; that row serves as well.
            if (!await db.Set<ConversationUserState>().AnyAsync(s => s.ConversationId == conversationId && s.UserId == userId, ct)) throw;
        }
        finally
        {
            db.Entry(state).State = EntityState.Detached;
        }
    }

    public static string Preview(MessageDto m)
    {
        var text = string.IsNullOrWhiteSpace(m.Body) && m.Attachment is { } file ? $"Attachment: {file.Name}" : m.Body;
        return Shorten(text.ReplaceLineEndings(" "), PreviewLength);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
