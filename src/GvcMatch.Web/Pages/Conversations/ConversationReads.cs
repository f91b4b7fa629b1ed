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
/// The list behind /Conversations. It starts from the caller's organisation, so a conversation of
/// another organisation is never read; counts follow <see cref="UnreadCounts"/> (last number minus
/// the person's read position).
/// </summary>
public static class ConversationReads
{
    public static async Task<Paged<ConversationRow>> ListAsync(AppDbContext db, Actor actor, bool archived, int page, int pageSize, CancellationToken ct)
    {
        if (actor.OrganizationId is not { } orgId) return new Paged<ConversationRow>([], 0, page, pageSize);
        var userId = actor.UserId;
        var states = db.Set<ConversationUserState>().Where(s => s.UserId == userId);
        var mine = db.Set<Conversation>().AsNoTracking()
            .Where(c => c.Parties.Any(p => p.OrganizationId == orgId))
            .Where(c => states.Any(s => s.ConversationId == c.Id && s.ArchivedAt != null) == archived);
        var total = await mine.CountAsync(ct);
        var rows = await mine.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new
            {
                c.Id, c.Topic, c.Subject, c.LastSeq, c.LastMessageAt,
                Read = states.Where(s => s.ConversationId == c.Id).Select(s => (long?)s.LastReadSeq).FirstOrDefault() ?? 0,
                Last = db.Set<Message>().Where(m => m.ConversationId == c.Id && m.Seq == c.LastSeq)
                    .Select(m => new { m.Body, m.AttachmentName }).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var parties = await ConversationQueries.PartiesAsync(db, rows.Select(r => r.Id).ToList(), ct);
        var items = rows.Select(r => new ConversationRow(
            r.Id, r.Topic, r.Subject,
            parties.GetValueOrDefault(r.Id, []).Where(p => p.OrganizationId != orgId).Select(p => p.Name).ToList(),
            r.Last is null ? null : Preview(r.Last.Body, r.Last.AttachmentName),
            r.LastMessageAt, Math.Max(0, r.LastSeq - r.Read), archived)).ToList();
        return new Paged<ConversationRow>(items, total, page, pageSize);
    }

    private static string? Preview(string body, string? attachmentName)
    {
        var text = string.IsNullOrWhiteSpace(body) ? attachmentName is null ? null : $"Attachment: {attachmentName}" : body.ReplaceLineEndings(" ");
        const int max = ConversationMessaging.PreviewLength;
        return text is null || text.Length <= max ? text : text[..(max - 1)] + "…";
    }
}
