using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Conversations;

/// <summary>One line of the conversation list, as the signed-in person sees it.</summary>
public sealed record ConversationRow(
    long Id, ConversationTopic Topic, string Subject, IReadOnlyList<string> OtherParties,
    string? LastMessagePreview, DateTimeOffset LastMessageAt, long Unread, bool Archived);

/// <summary>
/// The queries behind the conversation pages. Every one starts from the caller's organisation,
/// so a conversation of another organisation is never read by id alone.
/// </summary>
public static class ConversationReads
{
    public const int PreviewLength = 120;

    /// <summary>The caller's conversations, newest activity first, split by the caller's own archive flag.</summary>
    public static async Task<Paged<ConversationRow>> ListAsync(AppDbContext db, Actor actor, bool archived, int page, int pageSize, CancellationToken ct)
    {
        if (actor.OrganizationId is not { } orgId) return new Paged<ConversationRow>([], 0, page, pageSize);
        var userId = actor.UserId;
        var mine = db.Set<Conversation>().AsNoTracking()
            .Where(c => c.Parties.Any(p => p.OrganizationId == orgId))
            .Where(c => db.Set<ConversationUserState>().Any(s => s.ConversationId == c.Id && s.UserId == userId && s.ArchivedAt != null) == archived);
        var total = await mine.CountAsync(ct);
        var rows = await mine.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new
            {
                c.Id, c.Topic, c.Subject, c.LastSeq, c.LastMessageAt,
                LastRead = db.Set<ConversationUserState>().Where(s => s.ConversationId == c.Id && s.UserId == userId).Select(s => (long?)s.LastReadSeq).FirstOrDefault(),
                Last = db.Set<Message>().Where(m => m.ConversationId == c.Id && m.Seq == c.LastSeq)
                    .Select(m => new { m.Kind, m.Body, m.AttachmentName }).FirstOrDefault(),
                Others = c.Parties.Where(p => p.OrganizationId != orgId).Select(p => p.OrganizationId).ToList(),
            })
            .ToListAsync(ct);

        var orgIds = rows.SelectMany(r => r.Others).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var items = rows.Select(r => new ConversationRow(
            r.Id, r.Topic, r.Subject, r.Others.Select(o => names.GetValueOrDefault(o, "?")).ToList(),
            r.Last is null ? null : Preview(r.Last.Kind, r.Last.Body, r.Last.AttachmentName),
            r.LastMessageAt, Math.Max(0, r.LastSeq - (r.LastRead ?? 0)), archived)).ToList();
        return new Paged<ConversationRow>(items, total, page, pageSize);
    }

    /// <summary>Messages the person has not read yet, over all conversations of their organisation.</summary>
    public static async Task<long> UnreadTotalAsync(AppDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.OrganizationId is not { } orgId) return 0;
        var userId = actor.UserId;
        var perConversation = await db.Set<Conversation>().AsNoTracking()
            .Where(c => c.Parties.Any(p => p.OrganizationId == orgId))
            .Select(c => c.LastSeq - (db.Set<ConversationUserState>()
                .Where(s => s.ConversationId == c.Id && s.UserId == userId).Select(s => (long?)s.LastReadSeq).FirstOrDefault() ?? 0))
            .ToListAsync(ct);
        return perConversation.Where(n => n > 0).Sum();
    }

    public static string Preview(MessageKind kind, string body, string? attachmentName)
    {
        var text = kind == MessageKind.Attachment && string.IsNullOrWhiteSpace(body) ? $"Attachment: {attachmentName}" : body;
        text = text.ReplaceLineEndings(" ");
        return text.Length <= PreviewLength ? text : text[..(PreviewLength - 1)] + "…";
    }
}
