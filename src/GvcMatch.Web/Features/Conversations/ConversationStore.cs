using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Conversations;

/// <summary>Who sends a message: a member of a party organisation. System events have no sender.</summary>
public sealed record Sender(string UserId, int OrganizationId, string? Name);

/// <summary>What is being appended. <see cref="ClientMessageId"/> makes a retried send harmless.</summary>
public sealed record NewMessage(MessageKind Kind, string Body, string? ClientMessageId = null, long? OfferId = null)
{
    public string? AttachmentName { get; init; }
    public string? AttachmentContentType { get; init; }
    public long? AttachmentSize { get; init; }
    public string? AttachmentStorageKey { get; init; }
    public int? ProtectedDocumentId { get; init; }
}

/// <summary>The stored message, and whether this call stored it (false: it was a retry).</summary>
/// <param name="Published">True when the writer broadcasts it (the caller need not): its inbox entries were stored with it either way.</param>
public sealed record Appended(MessageDto Message, bool Created, bool Published = false);

/// <summary>
/// The one way messages enter a conversation. Numbers come from the conversation row inside the
/// insert's transaction, so concurrent senders (on any instance) get consecutive numbers and
/// nothing is broadcast before it is stored.
/// </summary>
public sealed class ConversationStore(AppDbContext db, TimeProvider clock, SqliteWriteGate writeGate, MessageWriter writer, MessageNews news)
{
    /// <summary>True when the organisation is a party: the one check every read and write makes.</summary>
    public Task<bool> IsPartyAsync(long conversationId, int? organizationId, CancellationToken ct = default) =>
        organizationId is null
            ? Task.FromResult(false)
            : db.Set<ConversationParty>().AnyAsync(p => p.ConversationId == conversationId && p.OrganizationId == organizationId, ct);

    /// <summary>
    /// The people who should receive a conversation's events now: current members of the party
    /// organisations, read fresh, so a revoked member stops receiving at once.
    /// </summary>
    public Task<List<string>> RecipientsAsync(long conversationId, CancellationToken ct = default) =>
        MembersOf(db, conversationId).Select(u => u.Id).ToListAsync(ct);

    /// <summary>The current members of several conversations' party organisations, with one query, by conversation.</summary>
    public static async Task<Dictionary<long, List<string>>> RecipientsAsync(AppDbContext db, List<long> conversationIds, CancellationToken ct) =>
        (await (
                from p in db.Set<ConversationParty>()
                where conversationIds.Contains(p.ConversationId)
                join u in db.Users on (int?)p.OrganizationId equals u.OrganizationId
                select new { p.ConversationId, u.Id }).ToListAsync(ct))
            .GroupBy(r => r.ConversationId).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToList());

    /// <summary>
    /// The current members of a conversation's party organisations, as a query to build on.
    /// Hot paths filter people this way rather than by a list of ids: a query whose only
    /// parameter is the conversation id is translated once and reused whole.
    /// </summary>
    public static IQueryable<AppUser> MembersOf(AppDbContext db, long conversationId) =>
        // From the parties to their people: two key lookups, never a scan of everyone.
        from p in db.Set<ConversationParty>()
        where p.ConversationId == conversationId
        join u in db.Users on (int?)p.OrganizationId equals u.OrganizationId
        select u;

    /// <summary>
    /// Stores a message. On its own it joins the batch of the <see cref="MessageWriter"/> (one
    /// transaction for all messages arriving together); inside a caller's transaction it is
    /// written there, so it commits or rolls back with the caller's change.
    /// </summary>
    public Task<Appended> AppendAsync(long conversationId, Sender? sender, NewMessage message, CancellationToken ct = default) =>
        db.Database.CurrentTransaction is null && writer.IsRunning
            ? writer.AppendAsync(conversationId, sender, message, ct)
            : AppendNowAsync(conversationId, sender, message, ct);

    /// <summary>
    /// Stores one message at once, with its inbox entries, in the caller's transaction or one of its
    /// own. <paramref name="actingUserId"/> names who caused a system message, so that person is not
    /// told about their own action.
    /// </summary>
    public async Task<Appended> AppendNowAsync(long conversationId, Sender? sender, NewMessage message, CancellationToken ct = default, string? actingUserId = null)
    {
        if (sender is not null && message.ClientMessageId is not null
            && await FindRetryAsync(conversationId, sender, message.ClientMessageId, ct) is { } earlier)
            return new Appended(earlier, Created: false);

        // Whole milliseconds: both databases keep them exactly (SQLite's stored form drops finer
        // ticks), so the copy broadcast now equals the copy read back later.
        var now = WholeMilliseconds(clock.GetUtcNow());
        // Inside a caller's transaction the caller already holds the write lock; only a
        // transaction of our own queues at the gate.
        var inCallersTransaction = db.Database.CurrentTransaction is not null;
        using var turn = inCallersTransaction ? default : await writeGate.EnterAsync(db, ct);
        var ownTransaction = inCallersTransaction ? null : await db.Database.BeginTransactionAsync(ct);
        try
        {
            // The UPDATE locks the conversation row (PostgreSQL) or the database (SQLite) until
            // commit, so the number read back is ours alone.
            var touched = await db.Set<Conversation>().Where(c => c.Id == conversationId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSeq, c => c.LastSeq + 1).SetProperty(c => c.LastMessageAt, now), ct);
            if (touched == 0) throw new InvalidOperationException($"Conversation {conversationId} does not exist.");
            var seq = await db.Set<Conversation>().Where(c => c.Id == conversationId).Select(c => c.LastSeq).SingleAsync(ct);

            var row = Row(conversationId, seq, sender, message, now);
            db.Add(row);
            if (sender is not null) await MarkOwnMessageReadAsync(conversationId, sender.UserId, seq, ct);
            var dto = MessageDto.From(row, sender?.Name);
            await news.StageAsync([new Published(dto, sender?.UserId ?? actingUserId)], ct);
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return new Appended(dto, Created: true);
        }
        catch (DbUpdateException) when (sender is not null && message.ClientMessageId is not null)
        {
            // Two copies of one send raced; the other one was stored first.
            if (ownTransaction is not null) await ownTransaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            news.TakeUnpushed([conversationId]);
            var stored = await FindRetryAsync(conversationId, sender, message.ClientMessageId, ct);
            if (stored is null) throw;
            return new Appended(stored, Created: false);
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    public static DateTimeOffset WholeMilliseconds(DateTimeOffset t) => t.AddTicks(-(t.Ticks % TimeSpan.TicksPerMillisecond));

    public static Message Row(long conversationId, long seq, Sender? sender, NewMessage message, DateTimeOffset now) => new()
    {
        ConversationId = conversationId,
        Seq = seq,
        Kind = message.Kind,
        SenderUserId = sender?.UserId,
        SenderOrganizationId = sender?.OrganizationId,
        ClientMessageId = message.ClientMessageId,
        Body = message.Body,
        SentAt = now,
        OfferId = message.OfferId,
        AttachmentName = message.AttachmentName,
        AttachmentContentType = message.AttachmentContentType,
        AttachmentSize = message.AttachmentSize,
        AttachmentStorageKey = message.AttachmentStorageKey,
        ProtectedDocumentId = message.ProtectedDocumentId,
    };

    private async Task<MessageDto?> FindRetryAsync(long conversationId, Sender sender, string clientMessageId, CancellationToken ct)
    {
        var row = await db.Set<Message>().AsNoTracking()
            .FirstOrDefaultAsync(m => m.ConversationId == conversationId && m.SenderUserId == sender.UserId && m.ClientMessageId == clientMessageId, ct);
        return row is null ? null : MessageDto.From(row, sender.Name);
    }

    /// <summary>Your own message never counts as unread for you.</summary>
    private async Task MarkOwnMessageReadAsync(long conversationId, string userId, long seq, CancellationToken ct)
    {
        var state = await db.Set<ConversationUserState>().FindAsync([conversationId, userId], ct);
        if (state is null) db.Add(new ConversationUserState { ConversationId = conversationId, UserId = userId, LastReadSeq = seq });
        else state.LastReadSeq = Math.Max(state.LastReadSeq, seq);
    }
}
