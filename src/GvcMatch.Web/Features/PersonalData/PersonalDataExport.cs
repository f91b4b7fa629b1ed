using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.NotificationPreferences;
using GvcMatch.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.PersonalData;

public sealed record PersonalDataDto(
    DateTimeOffset ExportedAt,
    AccountData Account,
    IReadOnlyList<MembershipData> Memberships,
    IReadOnlyList<ContributionData> Contributions,
    IReadOnlyList<MessageData> Messages,
    IReadOnlyList<NotificationDto> Notifications,
    IReadOnlyList<SavedSearchData> SavedSearches,
    IReadOnlyList<AuditEntryDto> AuditEntries,
    NotificationPreferencesDto NotificationPreferences);

public sealed record AccountData(string Id, string? Email, string? DisplayName, string? PhoneNumber, bool EmailConfirmed, bool TwoFactorEnabled, bool IsPlatformAdmin);

public sealed record MembershipData(int OrganizationId, string Name, string Kind, string Role);

/// <summary>Something the person did for their organisation, by kind (<c>bid</c>, <c>offer</c>, <c>question</c>, …) and id.</summary>
public sealed record ContributionData(string Kind, string Id, string? Title, DateTimeOffset At);

public sealed record MessageData(long ConversationId, string Subject, long Seq, string Kind, string Body, string? AttachmentName, DateTimeOffset SentAt);

public sealed record SavedSearchData(int Id, string Name, string Kind, string Query, DateTimeOffset CreatedAt);

/// <summary>
/// Everything the app holds about one person, for <c>GET /api/me/data</c>: the account, the
/// membership, what they did for their organisation, the messages they wrote, their inbox, their
/// saved searches, the audit entries by or about them, and how each kind of notification reaches them
/// (the same answer as <c>GET /api/me/notification-preferences</c>). Only rows keyed by the person's own user
/// id are read, so nothing of another person comes along (a message they wrote is theirs; the
/// replies are not). Capability profiles and listings are the organisation's and do not record which
/// member edited them, so they are not part of a person's data.
/// </summary>
public static class PersonalDataExport
{
    public static async Task<PersonalDataDto?> ReadAsync(AppDbContext db, PreferenceStore preferences, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Organization).FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return null;
        var account = new AccountData(user.Id, user.Email, user.DisplayName, user.PhoneNumber, user.EmailConfirmed, user.TwoFactorEnabled, user.IsPlatformAdmin);
        List<MembershipData> memberships = user.Organization is { } org
            ? [new MembershipData(org.Id, org.Name, org.Kind.ToString(), user.Role.ToString())]
            : [];

        var messages = await (from m in db.Set<Message>().AsNoTracking()
                              join c in db.Set<Conversation>() on m.ConversationId equals c.Id
                              where m.SenderUserId == userId
                              orderby m.ConversationId, m.Seq
                              select new MessageData(m.ConversationId, c.Subject, m.Seq, m.Kind.ToString(), m.Body, m.AttachmentName, m.SentAt))
            .ToListAsync(ct);
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id)
            .Select(n => new NotificationDto(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(ct);
        var searches = (await db.SavedSearches.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.Id).ToListAsync(ct))
            .Select(s => new SavedSearchData(s.Id, s.Name, s.Kind.ToString(), s.Query, s.CreatedAt)).ToList();
        var id = userId;
        var audit = await db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.ActorUserId == id || (e.TargetType == AuditTargets.User && e.TargetId == id)).OrderBy(e => e.Id)
            .Select(e => new AuditEntryDto(e.Id, e.At, e.ActorUserId, e.ActorEmail, e.ActorOrganizationId, e.Action,
                e.TargetType, e.TargetId, e.TargetName, e.OrganizationId, e.Reason, e.RemoteAddress))
            .ToListAsync(ct);

        return new PersonalDataDto(now, account, memberships, await ContributionsAsync(db, userId, ct), messages, notifications, searches, audit,
            await preferences.GetAsync(userId, ct));
    }

    private static async Task<List<ContributionData>> ContributionsAsync(AppDbContext db, string userId, CancellationToken ct)
    {
        var all = new List<ContributionData>();
        all.AddRange((await db.Set<Conversation>().AsNoTracking().Where(c => c.CreatedByUserId == userId)
            .Select(c => new { c.Id, c.Subject, c.CreatedAt }).ToListAsync(ct)).Select(c => new ContributionData("conversation", Id(c.Id), c.Subject, c.CreatedAt)));
        all.AddRange((await db.Bids.AsNoTracking().Where(b => b.CreatedByUserId == userId)
            .Select(b => new { b.Id, b.RequirementId, b.CreatedAt }).ToListAsync(ct)).Select(b => new ContributionData("bid", Id(b.Id), $"Bid on requirement {b.RequirementId}", b.CreatedAt)));
        all.AddRange((await db.Set<Offers.Offer>().AsNoTracking().Where(o => o.ProposedByUserId == userId)
            .Select(o => new { o.Id, o.ConversationId, o.CreatedAt }).ToListAsync(ct)).Select(o => new ContributionData("offer", Id(o.Id), $"Offer in conversation {o.ConversationId}", o.CreatedAt)));
        all.AddRange((await db.RequirementQuestions.AsNoTracking().Where(q => q.AskedByUserId == userId)
            .Select(q => new { q.Id, q.Text, q.AskedAt }).ToListAsync(ct)).Select(q => new ContributionData("question", Id(q.Id), q.Text, q.AskedAt)));
        all.AddRange((await db.Consortia.AsNoTracking().Where(c => c.CreatedByUserId == userId)
            .Select(c => new { c.Id, c.Name, c.CreatedAt }).ToListAsync(ct)).Select(c => new ContributionData("consortium", Id(c.Id), c.Name, c.CreatedAt)));
        all.AddRange((await db.Set<Awards.ComplaintEntry>().AsNoTracking().Where(e => e.UserId == userId)
            .Select(e => new { e.Id, e.Text, e.PostedAt }).ToListAsync(ct)).Select(e => new ContributionData("complaint-post", Id(e.Id), e.Text, e.PostedAt)));
        return all.OrderBy(c => c.At).ToList();
    }

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
