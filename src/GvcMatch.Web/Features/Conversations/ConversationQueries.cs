using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Conversations;

/// <summary>The caller, read fresh, as a member of a party organisation of one conversation.</summary>
public sealed record Participant(Actor Actor, int OrganizationId, long ConversationId, string? Name)
{
    public string UserId => Actor.UserId;
    public Sender AsSender => new(UserId, OrganizationId, Name);
}

/// <summary>Reads shared by the REST API and the hub; every one starts from a checked participant.</summary>
public static class ConversationQueries
{
    public const int MaxHistory = 200;

    /// <summary>Null when the caller is not a current member of a party (the caller learns nothing more).</summary>
    public static async Task<Participant?> ParticipantAsync(ClaimsPrincipal user, long conversationId, AppDbContext db, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return null;
        // One query for who the caller is, whether their organisation is a party and their name:
        // every hub call starts here, so it is the hottest read in a negotiation.
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.OrganizationId != null
                && db.Set<ConversationParty>().Any(p => p.ConversationId == conversationId && p.OrganizationId == u.OrganizationId))
            .Select(u => new
            {
                Actor = new Actor(u.Id, u.OrganizationId, u.Organization!.Kind, u.Role, u.IsPlatformAdmin, u.Organization.Verified),
                Name = u.DisplayName ?? u.Organization.Name,
            })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new Participant(row.Actor, row.Actor.OrganizationId!.Value, conversationId, row.Name);
    }

    /// <summary>People see each other by display name, or their organisation's name; never by e-mail.</summary>
    public static Task<string?> DisplayNameAsync(AppDbContext db, string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId)
            .Select(u => u.DisplayName ?? (u.Organization == null ? null : u.Organization.Name)).FirstOrDefaultAsync(ct);

    public static Task<long> LastSeqAsync(AppDbContext db, long id, CancellationToken ct) =>
        db.Set<Conversation>().Where(c => c.Id == id).Select(c => c.LastSeq).FirstAsync(ct);

    public static async Task<ConversationDto?> GetAsync(AppDbContext db, long id, string userId, CancellationToken ct)
    {
        var row = await db.Set<Conversation>().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                c.Id, c.Topic, c.AboutId, c.Subject, c.LastSeq, c.CreatedAt,
                ReadSeq = db.Set<ConversationUserState>().Where(s => s.ConversationId == c.Id && s.UserId == userId).Select(s => (long?)s.LastReadSeq).FirstOrDefault(),
                ArchivedAt = db.Set<ConversationUserState>().Where(s => s.ConversationId == c.Id && s.UserId == userId).Select(s => s.ArchivedAt).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var parties = await PartiesAsync(db, [id], ct);
        return new ConversationDto(row.Id, row.Topic.ToString(), row.AboutId, row.Subject, parties.GetValueOrDefault(id, []),
            row.LastSeq, row.ReadSeq ?? 0, row.ArchivedAt is not null, row.CreatedAt);
    }

    public static async Task<Dictionary<long, List<PartyDto>>> PartiesAsync(AppDbContext db, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var rows = await db.Set<ConversationParty>().AsNoTracking().Where(p => ids.Contains(p.ConversationId))
            .Join(db.Organizations, p => p.OrganizationId, o => o.Id, (p, o) => new { p.ConversationId, p.JoinedAt, o.Id, o.Name, o.Kind })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.JoinedAt).ThenBy(r => r.Id).GroupBy(r => r.ConversationId)
            .ToDictionary(g => g.Key, g => g.Select(r => new PartyDto(r.Id, r.Name, r.Kind.ToString())).ToList());
    }

    /// <summary>
    /// A page of history in ascending order. With <paramref name="afterSeq"/> it reads forward
    /// (catch-up); otherwise it reads the newest <paramref name="limit"/> before
    /// <paramref name="beforeSeq"/> (scrolling back). HasMore says another page lies in that direction.
    /// </summary>
    public static async Task<HistoryPage> HistoryAsync(AppDbContext db, long id, long? afterSeq, long? beforeSeq, int limit, CancellationToken ct)
    {
        var query = db.Set<Message>().AsNoTracking().Where(m => m.ConversationId == id);
        if (beforeSeq is { } before) query = query.Where(m => m.Seq < before);
        List<Message> rows;
        if (afterSeq is { } after)
        {
            rows = await query.Where(m => m.Seq > after).OrderBy(m => m.Seq).Take(limit + 1).ToListAsync(ct);
        }
        else
        {
            rows = await query.OrderByDescending(m => m.Seq).Take(limit + 1).ToListAsync(ct);
            rows.Reverse();
        }
        var hasMore = rows.Count > limit;
        if (hasMore) rows = afterSeq is null ? rows[1..] : rows[..limit];
        return new HistoryPage(await ToDtosAsync(db, rows, ct), hasMore);
    }

    public static async Task<List<MessageDto>> ToDtosAsync(AppDbContext db, IReadOnlyList<Message> rows, CancellationToken ct)
    {
        var senders = rows.Where(m => m.SenderUserId is not null).Select(m => m.SenderUserId!).Distinct().ToList();
        var names = senders.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => senders.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName ?? (u.Organization == null ? null : u.Organization.Name) })
            .ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return rows.Select(m => MessageDto.From(m, m.SenderUserId is null ? null : names.GetValueOrDefault(m.SenderUserId))).ToList();
    }
}
