using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Conversations;

/// <summary>
/// What a new message changes for the other members besides the message itself: an archived
/// conversation comes back, and each member not told yet gets an inbox entry (and its email
/// row). Staged into the DbContext that stores the message, so all of it commits in the
/// message's transaction: a message is never stored without its news, whatever happens to the
/// broadcast afterwards. The live pushes of those entries wait here (one per scope) until
/// <see cref="ConversationMessaging.PublishAllAsync"/> sends them after the commit.
/// </summary>
public sealed class MessageNews(AppDbContext db, Notifier notifier)
{
    private readonly List<(long ConversationId, StagedNotifications Staged)> _unpushed = [];

    /// <summary>
    /// Stages the news of <paramref name="messages"/> (not saved yet, numbered already). Call
    /// inside the transaction, before SaveChanges. The reads happen here too: a member told twice
    /// by two racing writers is harmless, a message without news is not.
    /// </summary>
    public async Task StageAsync(IReadOnlyList<Published> messages, CancellationToken ct)
    {
        if (messages.Count == 0) return;
        var ids = messages.Select(m => m.Message.ConversationId).Distinct().ToList();
        await BringBackArchivedAsync(messages, ids, ct);

        var recipients = await ConversationStore.RecipientsAsync(db, ids, ct);
        // The first message of the burst in a conversation is the one each other member is told about.
        var news = messages.Where(m => m.Message.Kind != nameof(MessageKind.Offer))
            .SelectMany(m => recipients.GetValueOrDefault(m.Message.ConversationId, []).Where(u => u != m.Actor).Select(u => (User: u, m.Message)))
            .DistinctBy(x => (x.User, x.Message.ConversationId))
            .ToList();
        await StageNotificationsAsync(news, ct);
    }

    /// <summary>Takes the staged pushes for these conversations, to send once their messages are committed.</summary>
    public List<StagedNotifications> TakeUnpushed(IReadOnlyCollection<long> conversationIds)
    {
        var taken = _unpushed.Where(u => conversationIds.Contains(u.ConversationId)).ToList();
        _unpushed.RemoveAll(u => conversationIds.Contains(u.ConversationId));
        return taken.Select(t => t.Staged).ToList();
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
            // A new version of the flag: an archive sent with the version read before this message is refused.
            var stamp = Guid.NewGuid();
            await db.Set<ConversationUserState>().Where(s => s.ConversationId == state.ConversationId && s.UserId == state.UserId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ArchivedAt, (DateTimeOffset?)null).SetProperty(x => x.ArchiveStamp, stamp), ct);
        }
    }

    /// <summary>
    /// One inbox entry per person and conversation until they read it: a burst of fifty messages
    /// is one notification, not fifty. The opening line ("Conversation started by …") is told
    /// apart, and the first message after it is news of its own.
    /// </summary>
    private async Task StageNotificationsAsync(List<(string User, MessageDto Message)> news, CancellationToken ct)
    {
        if (news.Count == 0) return;
        var links = news.Select(n => ConversationMessaging.Link(n.Message.ConversationId)).Distinct().ToList();
        var users = news.Select(n => n.User).Distinct().ToList();
        var told = (await db.Notifications.AsNoTracking()
                .Where(n => users.Contains(n.UserId) && n.Kind == NotificationKinds.Message && links.Contains(n.Link!) && n.ReadAt == null)
                .Select(n => new { n.UserId, n.Link }).ToListAsync(ct))
            .Select(n => (n.UserId, n.Link)).ToHashSet();
        var toTell = news.Where(n => !told.Contains((n.User, ConversationMessaging.Link(n.Message.ConversationId))))
            .GroupBy(n => n.Message.ConversationId).ToList();
        if (toTell.Count == 0) return;

        var ids = toTell.Select(g => g.Key).ToList();
        var subjects = await db.Set<Conversation>().AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Subject })
            .ToDictionaryAsync(c => c.Id, c => c.Subject, ct);
        foreach (var group in toTell)
        {
            var message = group.First().Message;
            var preview = ConversationMessaging.Preview(message);
            var body = message.SenderName is null ? preview : $"{message.SenderName}: {preview}";
            // The opening line has its own kind, so the first real message is not coalesced into it.
            var opening = message is { Seq: 1, Kind: nameof(MessageKind.System) };
            var (kind, title) = opening ? (NotificationKinds.ConversationStarted, "New conversation") : (NotificationKinds.Message, "New message");
            var staged = await notifier.StageAsync(db, group.Select(n => n.User).ToList(), kind,
                ConversationMessaging.Shorten($"{title}: {subjects.GetValueOrDefault(group.Key, "")}", 300), ConversationMessaging.Shorten(body, 2000), ConversationMessaging.Link(group.Key), ct);
            _unpushed.Add((group.Key, staged));
        }
    }
}
