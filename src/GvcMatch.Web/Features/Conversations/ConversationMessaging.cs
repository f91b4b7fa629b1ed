using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Hubs;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Conversations;

/// <summary>
/// What happens around a stored message, for the hub and the API alike: the message is stored
/// with its inbox entries in one transaction, then broadcast to the current members of the party
/// organisations, who learn their unread counts, and the inbox entries are pushed. The broadcast
/// never fails a send: what is committed is answered as sent.
/// </summary>
public sealed class ConversationMessaging(
    AppDbContext db, ConversationStore store, IHubContext<NegotiationHub, INegotiationClient> hub, Notifier notifier, MessageNews news,
    UnreadBroadcaster unread, TimeProvider clock, ILogger<ConversationMessaging> logger)
{
    public const int PreviewLength = 140;

    public static string Link(long conversationId) => $"/Conversations/{conversationId}";

    /// <summary>Stores a message from a checked participant; a retry returns the stored one and broadcasts nothing.</summary>
    public async Task<Appended> SendAsync(Participant from, NewMessage message, CancellationToken ct)
    {
        var appended = await store.AppendAsync(from.ConversationId, from.AsSender, message, ct);
        // The batching writer publishes what it stored, a burst at a time; anything written
        // another way is published here.
        if (appended is { Created: true, Published: false }) await PublishAsync(appended.Message, ct);
        return appended;
    }

    /// <summary>
    /// Stores a message from a user not checked yet: the batching writer checks the membership of
    /// all such senders of a burst with one query, at write time, and throws
    /// <see cref="NotAParticipantException"/> (storing nothing) for a user who is not a party member.
    /// Without the writer (stopping, tests without hosting) the check is the usual one-off query.
    /// </summary>
    public async Task<Appended> SendCheckedAsync(ClaimsPrincipal user, long conversationId, NewMessage message, MessageWriter writer, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new NotAParticipantException(conversationId);
        if (!writer.IsRunning)
        {
            var who = await ConversationQueries.ParticipantAsync(user, conversationId, db, ct) ?? throw new NotAParticipantException(conversationId);
            return await SendAsync(who, message, ct);
        }
        var appended = await writer.AppendCheckedAsync(conversationId, userId, message, ct);
        if (appended is { Created: true, Published: false }) await PublishAsync(appended.Message, ct);
        return appended;
    }

    /// <summary>
    /// Broadcasts a message already committed. Its inbox entries were written with it (see
    /// <see cref="MessageNews"/>, where offer messages get none and the cause of a system message
    /// is left out); here they are pushed.
    /// </summary>
    public Task PublishAsync(MessageDto message, CancellationToken ct = default) =>
        PublishAllAsync([new Published(message, message.SenderUserId)], ct);

    /// <summary>
    /// Publishes messages already committed, in order, with one read of the recipients however
    /// many there are, then pushes the inbox entries their transaction staged
    /// (<see cref="MessageNews"/>). Never fails the caller: the messages and their inbox entries
    /// are stored, and a member who missed a broadcast catches up by sequence number.
    /// </summary>
    public async Task PublishAllAsync(IReadOnlyList<Published> messages, CancellationToken ct = default)
    {
        if (messages.Count == 0) return;
        var ids = messages.Select(m => m.Message.ConversationId).Distinct().ToList();
        try
        {
            var recipients = await ConversationStore.RecipientsAsync(db, ids, ct);
            foreach (var (message, _) in messages)
            {
                var people = recipients.GetValueOrDefault(message.ConversationId, []);
                await hub.Clients.Users(people).MessageReceived(message);
                if (unread.IsRunning) unread.Mark(message.ConversationId, people);
                else
                {
                    foreach (var (userId, counts) in await UnreadCounts.EventsAsync(db, message.ConversationId, people, ct))
                        await hub.Clients.User(userId).Unread(counts);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Broadcasting {Count} stored messages failed; their members catch up by sequence number", messages.Count);
        }
        foreach (var staged in news.TakeUnpushed(ids)) await notifier.PushAsync(staged);
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
            await db.Notifications.Where(n => n.UserId == who.UserId && NotificationKinds.OfConversations.Contains(n.Kind) && n.Link == link && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow()), ct);
        }

        var others = (await store.RecipientsAsync(id, ct)).Where(u => u != who.UserId).ToList();
        await hub.Clients.Users(others).Read(new ReadEvent(id, who.UserId, who.Name, position));
        foreach (var (userId, counts) in await UnreadCounts.EventsAsync(db, id, [who.UserId], ct))
            await hub.Clients.User(userId).Unread(counts);
        return position;
    }

    /// <summary>The caller's archive flag of the conversation with its version (the empty stamp before they ever had one).</summary>
    public async Task<ArchiveState> ArchiveStateAsync(Participant who, CancellationToken ct) =>
        await db.Set<ConversationUserState>().AsNoTracking().Where(s => s.ConversationId == who.ConversationId && s.UserId == who.UserId)
            .Select(s => new ArchiveState(s.ArchivedAt != null, s.ArchivedAt, s.ArchiveStamp)).FirstOrDefaultAsync(ct)
        ?? new ArchiveState(false, null, Guid.Empty);

    /// <summary>
    /// Archives (or brings back) the conversation for the caller only, in the version <paramref name="expected"/>
    /// names (optional): an archive flag a new message changed since it was read is not overwritten unseen.
    /// </summary>
    public async Task<Outcome<ArchiveState>> SetArchivedAsync(Participant who, bool archived, IfMatch expected, CancellationToken ct)
    {
        const string what = "your archive of this conversation";
        var read = await ArchiveStateAsync(who, ct);
        if (expected.Check(read.Stamp, what) is { } stale) return stale;
        await EnsureStateAsync(who.ConversationId, who.UserId, ct);
        DateTimeOffset? at = archived ? clock.GetUtcNow() : null;
        var stamp = Guid.NewGuid();
        var row = db.Set<ConversationUserState>().Where(s => s.ConversationId == who.ConversationId && s.UserId == who.UserId);
        // Only over the version checked (a row created just now had none to check).
        if (expected.Given && read.Stamp != Guid.Empty) row = row.Where(s => s.ArchiveStamp == read.Stamp);
        var changed = await row.ExecuteUpdateAsync(s => s.SetProperty(x => x.ArchivedAt, at).SetProperty(x => x.ArchiveStamp, stamp), ct);
        if (changed == 0) return Refusal.Stale($"Someone else saved {what} at the same moment; reload it to see their changes, then make yours again.");
        return new ArchiveState(archived, at, stamp);
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

    internal static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>A stored message to publish, and who caused it (not told about their own message).</summary>
public sealed record Published(MessageDto Message, string? Actor);
