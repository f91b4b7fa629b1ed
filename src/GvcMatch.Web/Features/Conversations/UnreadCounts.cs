using GvcMatch.Web.Data;
using GvcMatch.Web.Hubs;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Conversations;

/// <summary>
/// Unread = the conversation's last number minus the person's read position: sending marks your
/// own message read, so everything past your position came from someone else. Archived
/// conversations keep their count but stay out of the total (the badge counts what is in view).
/// </summary>
public static class UnreadCounts
{
    private sealed record Row(string UserId, long ConversationId, long Unread, bool Archived);

    public static async Task<UnreadTotalsDto> ForUserAsync(AppDbContext db, string userId, CancellationToken ct)
    {
        var rows = await RowsAsync(db, db.Users.Where(u => u.Id == userId), ct);
        var inView = rows.Where(r => !r.Archived).OrderBy(r => r.ConversationId).ToList();
        return new UnreadTotalsDto(inView.Sum(r => r.Unread), inView.Select(r => new ConversationUnreadDto(r.ConversationId, r.Unread)).ToList());
    }

    /// <summary>
    /// The Unread event each person should get about one conversation, in one query for all of
    /// them. Everyone asked about is a member of the conversation's parties, so the people are
    /// found through the conversation (or, for one person, by id).
    /// </summary>
    public static async Task<List<(string UserId, UnreadEvent Event)>> EventsAsync(AppDbContext db, long conversationId, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var people = userIds.Count == 1 ? db.Users.Where(u => u.Id == userIds.First()) : ConversationStore.MembersOf(db, conversationId);
        var rows = await RowsAsync(db, people, ct);
        var byUser = rows.ToLookup(r => r.UserId);
        return userIds.Distinct().Select(u => (u, new UnreadEvent(conversationId,
            byUser[u].Where(r => r.ConversationId == conversationId).Sum(r => r.Unread),
            byUser[u].Where(r => !r.Archived).Sum(r => r.Unread)))).ToList();
    }

    /// <summary>The Unread event for each (person, conversation) pair, in one query for all the people.</summary>
    public static async Task<List<(string UserId, UnreadEvent Event)>> EventsAsync(AppDbContext db, IReadOnlyCollection<(string UserId, long ConversationId)> pairs, CancellationToken ct)
    {
        var userIds = pairs.Select(p => p.UserId).Distinct().ToList();
        var rows = await RowsAsync(db, db.Users.Where(u => userIds.Contains(u.Id)), ct);
        var byUser = rows.ToLookup(r => r.UserId);
        return pairs.Select(p => (p.UserId, new UnreadEvent(p.ConversationId,
            byUser[p.UserId].Where(r => r.ConversationId == p.ConversationId).Sum(r => r.Unread),
            byUser[p.UserId].Where(r => !r.Archived).Sum(r => r.Unread)))).ToList();
    }

    /// <summary>Every conversation with something unread, for each of the people given.</summary>
    private static async Task<List<Row>> RowsAsync(AppDbContext db, IQueryable<AppUser> people, CancellationToken ct)
    {
        var query =
            from u in people
            where u.OrganizationId != null
            join p in db.Set<ConversationParty>() on u.OrganizationId equals (int?)p.OrganizationId
            join c in db.Set<Conversation>() on p.ConversationId equals c.Id
            join s in db.Set<ConversationUserState>() on new { ConversationId = c.Id, UserId = u.Id } equals new { s.ConversationId, s.UserId } into states
            from s in states.DefaultIfEmpty()
            let read = s == null ? 0 : s.LastReadSeq
            where c.LastSeq > read
            select new Row(u.Id, c.Id, c.LastSeq - read, s != null && s.ArchivedAt != null);
        return await query.AsNoTracking().ToListAsync(ct);
    }
}
