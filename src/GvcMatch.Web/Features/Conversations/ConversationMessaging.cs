using System.Security.Claims;
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
    /// Tells everyone about a message already stored. Offer messages get no "message" inbox entry:
    /// the offer flow leaves its own ("offer"). <paramref name="actingUserId"/> names who caused a
    /// system message, so that person is not notified of their own action.
    /// </summary>
    public Task PublishAsync(MessageDto message, CancellationToken ct = default, string? actingUserId = null) =>
        PublishAllAsync([new Published(message, message.SenderUserId ?? actingUserId)], ct);

    /// <summary>
    /// Publishes messages already stored, in order, with the same few queries however many there
    /// are: the archived readers, the recipients and who has an unread "message" entry already are
    /// each read once for the whole burst.
    /// </summary>
    public async Task PublishAllAsync(IReadOnlyList<Published> messages, CancellationToken ct = default)
    {
        if (messages.Count == 0) return;
        var ids = messages.Select(m => m.Message.ConversationId).Distinct().ToList();
        await BringBackArchivedAsync(messages, ids, ct);

        var recipients = (await (
                from p in db.Set<ConversationParty>()
                where ids.Contains(p.ConversationId)
                join u in db.Users on (int?)p.OrganizationId equals u.OrganizationId
                select new { p.ConversationId, u.Id }).ToListAsync(ct))
            .GroupBy(r => r.ConversationId).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToList());
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

        // The first message of the burst in a conversation is the one each other member is told about.
        var news = messages.Where(m => m.Message.Kind != nameof(MessageKind.Offer))
            .SelectMany(m => recipients.GetValueOrDefault(m.Message.ConversationId, []).Where(u => u != m.Actor).Select(u => (User: u, m.Message)))
            .DistinctBy(x => (x.User, x.Message.ConversationId))
            .ToList();
        await NotifyAsync(news, ct);
    }

    /// <summary>
    /// Archiving is "nothing new here": news from someone else brings the conversation back.
    /// Looked for first: a read costs little, while an UPDATE takes SQLite's one write lock even
    /// when it changes nothing, and almost no message finds an archived reader.
    /// </summary>
    private async Task BringBackArchivedAsync(IReadOnlyList<Published> messages, List<long> ids, CancellationToken ct)
    {
        var archived = await db.Set<ConversationUserState>().AsNoTracking()
            .Where(s => ids.Contains(s.ConversationId) && s.ArchivedAt != null)
            .Select(s => new { s.ConversationId, s.UserId }).ToListAsync(ct);
        foreach (var state in archived)
        {
            if (!messages.Any(m => m.Message.ConversationId == state.ConversationId && m.Actor != state.UserId)) continue;
            await db.Set<ConversationUserState>().Where(s => s.ConversationId == state.ConversationId && s.UserId == state.UserId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ArchivedAt, (DateTimeOffset?)null), ct);
        }
    }

    /// <summary>
    /// One inbox entry per person and conversation until they read it: a burst of fifty messages
    /// is one notification, not fifty.
    /// </summary>
    private async Task NotifyAsync(List<(string User, MessageDto Message)> news, CancellationToken ct)
    {
        if (news.Count == 0) return;
        var links = news.Select(n => Link(n.Message.ConversationId)).Distinct().ToList();
        var users = news.Select(n => n.User).Distinct().ToList();
        var told = (await db.Notifications.AsNoTracking()
                .Where(n => users.Contains(n.UserId) && n.Kind == NotificationKinds.Message && links.Contains(n.Link!) && n.ReadAt == null)
                .Select(n => new { n.UserId, n.Link }).ToListAsync(ct))
            .Select(n => (n.UserId, n.Link)).ToHashSet();
        var toTell = news.Where(n => !told.Contains((n.User, Link(n.Message.ConversationId)))).GroupBy(n => n.Message.ConversationId).ToList();
        if (toTell.Count == 0) return;

        var ids = toTell.Select(g => g.Key).ToList();
        var subjects = await db.Set<Conversation>().AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Subject })
            .ToDictionaryAsync(c => c.Id, c => c.Subject, ct);
        var staged = new List<StagedNotifications>(toTell.Count);
        foreach (var group in toTell)
        {
            var message = group.First().Message;
            var preview = Preview(message);
            var body = message.SenderName is null ? preview : $"{message.SenderName}: {preview}";
            staged.Add(await notifier.StageAsync(db, group.Select(n => n.User).ToList(), NotificationKinds.Message,
                Shorten($"New message: {subjects.GetValueOrDefault(group.Key, "")}", 300), Shorten(body, 2000), Link(group.Key), ct));
        }
        await db.SaveChangesAsync(ct);
        foreach (var batch in staged) await notifier.PushAsync(batch);
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

/// <summary>A stored message to publish, and who caused it (not told about their own message).</summary>
public sealed record Published(MessageDto Message, string? Actor);
