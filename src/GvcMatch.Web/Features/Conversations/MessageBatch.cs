using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Conversations;

/// <summary>
/// One batch of the <see cref="MessageWriter"/>: retries answered from what is stored, then one
/// transaction that numbers each conversation's new messages in arrival order (one UPDATE for
/// all conversations reserves the numbers), inserts them with their inbox entries and email rows
/// (<see cref="MessageNews"/>) and moves each sender's read position.
/// </summary>
public sealed class MessageBatch(AppDbContext db, TimeProvider clock, SqliteWriteGate writeGate, MessageNews news)
{
    /// <summary>Answers the retries, stores the rest and returns those, still to be completed by the caller.</summary>
    public async Task<List<(PendingMessage Pending, MessageDto Message)>> WriteAsync(IReadOnlyList<PendingMessage> batch, CancellationToken ct)
    {
        await CheckSendersAsync(batch, ct);
        var fresh = await AnswerRetriesAsync(batch.Where(p => !p.Done.Task.IsCompleted).ToList(), ct);
        if (fresh.Count == 0) return [];

        var now = ConversationStore.WholeMilliseconds(clock.GetUtcNow());
        var stored = new List<(PendingMessage Pending, Message Row)>(fresh.Count);
        using (await writeGate.EnterAsync(db, ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var groups = fresh.GroupBy(p => p.ConversationId).ToList();
            var last = await SeqReservation.ReserveAsync(db, groups.Select(g => (g.Key, g.Count())).ToList(), now, ct);
            foreach (var group in groups)
            {
                if (!last.TryGetValue(group.Key, out var newest)) throw new InvalidOperationException($"Conversation {group.Key} does not exist.");
                var seq = newest - group.Count();
                foreach (var pending in group) stored.Add((pending, ConversationStore.Row(group.Key, ++seq, pending.Sender, pending.Message, now)));
            }
            db.AddRange(stored.Select(s => s.Row));
            await MarkSendersReadAsync(stored, ct);
            var messages = stored.Select(s => (s.Pending, Message: MessageDto.From(s.Row, s.Pending.Sender?.Name))).ToList();
            await news.StageAsync(messages.Select(m => new Published(m.Message, m.Pending.Sender?.UserId)).ToList(), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return messages;
        }
    }

    /// <summary>
    /// Checks every sender still to be checked with one query for the whole batch: a current
    /// member of a party organisation of the conversation (the same rule as
    /// <see cref="ConversationQueries.ParticipantAsync"/>), with their organisation and name.
    /// Those that fail get <see cref="NotAParticipantException"/>.
    /// </summary>
    public async Task CheckSendersAsync(IReadOnlyList<PendingMessage> batch, CancellationToken ct)
    {
        var toCheck = batch.Where(p => p.MustCheckSender && !p.Done.Task.IsCompleted).ToList();
        if (toCheck.Count == 0) return;
        var users = toCheck.Select(p => p.Sender!.UserId).Distinct().ToList();
        var conversations = toCheck.Select(p => p.ConversationId).Distinct().ToList();
        var members = await (
                from u in db.Users
                where users.Contains(u.Id) && u.OrganizationId != null
                join p in db.Set<ConversationParty>() on u.OrganizationId equals (int?)p.OrganizationId
                where conversations.Contains(p.ConversationId)
                select new { u.Id, p.ConversationId, p.OrganizationId, Name = u.DisplayName ?? u.Organization!.Name })
            .AsNoTracking().ToListAsync(ct);
        var byKey = members.ToDictionary(m => (m.Id, m.ConversationId));
        foreach (var pending in toCheck)
        {
            if (byKey.TryGetValue((pending.Sender!.UserId, pending.ConversationId), out var member))
            {
                pending.Sender = new Sender(member.Id, member.OrganizationId, member.Name);
                pending.MustCheckSender = false;
            }
            else
            {
                pending.Done.TrySetException(new NotAParticipantException(pending.ConversationId));
            }
        }
    }

    /// <summary>
    /// Completes the retries (stored before, or twice in this batch) and returns the rest.
    /// </summary>
    private async Task<List<PendingMessage>> AnswerRetriesAsync(IReadOnlyList<PendingMessage> batch, CancellationToken ct)
    {
        var keyed = batch.Where(p => p.RetryKey is not null).ToList();
        var storedByKey = new Dictionary<(long, string, string), MessageDto>();
        if (keyed.Count > 0)
        {
            var conversations = keyed.Select(p => p.ConversationId).Distinct().ToList();
            var senders = keyed.Select(p => p.Sender!.UserId).Distinct().ToList();
            var clientIds = keyed.Select(p => p.Message.ClientMessageId!).Distinct().ToList();
            // All three columns of the unique index, so each candidate is an index seek and the
            // cost does not grow with the length of the conversations.
            var rows = await db.Set<Message>().AsNoTracking()
                .Where(m => conversations.Contains(m.ConversationId) && senders.Contains(m.SenderUserId!) && clientIds.Contains(m.ClientMessageId!))
                .ToListAsync(ct);
            var names = keyed.GroupBy(p => p.Sender!.UserId).ToDictionary(g => g.Key, g => g.First().Sender!.Name);
            foreach (var row in rows.Where(r => r.SenderUserId is not null && names.ContainsKey(r.SenderUserId)))
                storedByKey[(row.ConversationId, row.SenderUserId!, row.ClientMessageId!)] = MessageDto.From(row, names[row.SenderUserId!]);
        }

        var fresh = new List<PendingMessage>(batch.Count);
        var firstInBatch = new Dictionary<(long, string, string), PendingMessage>();
        foreach (var pending in batch)
        {
            if (pending.RetryKey is not { } key) { fresh.Add(pending); continue; }
            if (storedByKey.TryGetValue(key, out var earlier)) pending.Done.TrySetResult(new Appended(earlier, Created: false));
            else if (firstInBatch.TryGetValue(key, out var first)) _ = AnswerLikeAsync(pending, first);
            else { firstInBatch[key] = pending; fresh.Add(pending); }
        }
        return fresh;
    }

    /// <summary>A second copy in the same batch gets the first copy's message, as a retry.</summary>
    private static async Task AnswerLikeAsync(PendingMessage copy, PendingMessage first)
    {
        try
        {
            var appended = await first.Done.Task;
            copy.Done.TrySetResult(appended with { Created = false });
        }
        catch (Exception ex)
        {
            copy.Done.TrySetException(ex);
        }
    }

    /// <summary>Your own message never counts as unread for you.</summary>
    private async Task MarkSendersReadAsync(List<(PendingMessage Pending, Message Row)> stored, CancellationToken ct)
    {
        var latest = stored.Where(s => s.Pending.Sender is not null)
            .GroupBy(s => (s.Row.ConversationId, s.Pending.Sender!.UserId))
            .ToDictionary(g => g.Key, g => g.Max(s => s.Row.Seq));
        if (latest.Count == 0) return;
        var conversations = latest.Keys.Select(k => k.ConversationId).Distinct().ToList();
        var users = latest.Keys.Select(k => k.UserId).Distinct().ToList();
        var states = await db.Set<ConversationUserState>()
            .Where(s => conversations.Contains(s.ConversationId) && users.Contains(s.UserId)).ToListAsync(ct);
        var byKey = states.ToDictionary(s => (s.ConversationId, s.UserId));
        foreach (var ((conversationId, userId), seq) in latest)
        {
            if (byKey.TryGetValue((conversationId, userId), out var state)) state.LastReadSeq = Math.Max(state.LastReadSeq, seq);
            else db.Add(new ConversationUserState { ConversationId = conversationId, UserId = userId, LastReadSeq = seq });
        }
    }
}
