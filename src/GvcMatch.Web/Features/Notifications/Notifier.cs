using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Email;
using GvcMatch.Web.Features.Localization;
using GvcMatch.Web.Features.NotificationPreferences;
using GvcMatch.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Notifications;

/// <summary>The kinds of inbox entries; stored by name in <see cref="Notification.Kind"/>.</summary>
public static class NotificationKinds
{
    public const string Message = "message";

    /// <summary>
    /// The opening line of a new conversation. A kind of its own so that the first real message is
    /// not folded into it: "message" entries are coalesced per unread conversation.
    /// </summary>
    public const string ConversationStarted = "conversation";

    /// <summary>The kinds a conversation's news leaves, both cleared when its reader reaches the end.</summary>
    public static readonly IReadOnlyList<string> OfConversations = [Message, ConversationStarted];
    public const string Offer = "offer";
    public const string MatchingRequirement = "matching-requirement";
    public const string SavedSearch = "saved-search";

    /// <summary>A certificate runs out (to the SME at 90, 30 and 0 days) or has lapsed (to buyers that require it).</summary>
    public const string CertificateExpiry = "certificate-expiry";

    /// <summary>A meeting at a matchmaking event starts soon, or tomorrow's meetings there.</summary>
    public const string EventReminder = "event-reminder";
}

/// <summary>Inbox entries added to a DbContext but not yet pushed; see <see cref="Notifier.StageAsync"/>.</summary>
public sealed class StagedNotifications
{
    internal List<Notification> Rows { get; } = [];
    internal int Emails { get; set; }

    public int Count => Rows.Count;
}

/// <summary>
/// Leaves an entry in each person's inbox (and, for the kinds <c>Email:Kinds</c> names, an email
/// in the outbox, in the same save, to those whose preference for the kind is "immediately"), then pushes it to their open connections. Stored first: a
/// person who is offline finds it in the inbox, and a failed push loses nothing.
/// </summary>
public sealed class Notifier(
    AppDbContext db, IHubContext<NegotiationHub, INegotiationClient> hub, EmailSender emailSender, IOptions<EmailOptions> emailOptions,
    EmailLinks links, TimeProvider clock, ILogger<Notifier> logger)
{
    /// <summary>Stores and pushes at once. Do not call inside an open transaction: the push would precede the commit.</summary>
    public async Task NotifyAsync(IReadOnlyCollection<string> userIds, string kind, string title, string? body, string? link, CancellationToken ct = default)
    {
        if (userIds.Count == 0) return;
        var staged = await StageAsync(db, userIds, kind, title, body, link, ct);
        await db.SaveChangesAsync(ct);
        await PushAsync(staged);
    }

    /// <summary>
    /// For a caller that writes other rows in the same transaction: adds the inbox entries and
    /// emails to <paramref name="target"/> without saving. The caller saves and commits, then calls
    /// <see cref="PushAsync"/>; if it rolls back, nothing was stored and nothing is pushed.
    /// </summary>
    public async Task<StagedNotifications> StageAsync(
        AppDbContext target, IReadOnlyCollection<string> userIds, string kind, string title, string? body, string? link, CancellationToken ct = default)
    {
        var staged = new StagedNotifications();
        if (userIds.Count == 0) return staged;
        var now = clock.GetUtcNow();
        var ids = userIds.Distinct().ToList();
        // Each person reads the entry (and its email) in their saved language, English when they saved none.
        var languages = await target.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.PreferredLanguage }).ToDictionaryAsync(u => u.Id, u => u.PreferredLanguage, ct);
        staged.Rows.AddRange(ids.Select(id => InLanguage(languages.GetValueOrDefault(id),
            () => new Notification { UserId = id, Kind = kind, Title = MessageTexts.Translate(title), Body = body is null ? null : MessageTexts.Translate(body), Link = link, CreatedAt = now })));
        target.AddRange(staged.Rows);

        var options = emailOptions.Value;
        if (options.KindSet().Contains(kind))
        {
            // Those who chose a digest for this kind, or no email, get the inbox entry only.
            var immediate = await PreferenceStore.ImmediateAsync(target, ids, kind, ct);
            var addresses = await target.Users.AsNoTracking().Where(u => immediate.Contains(u.Id) && u.Email != null && u.Email != "")
                .Select(u => new { u.Id, u.Email }).ToListAsync(ct);
            var baseUrl = links.BaseUrl;
            var rows = staged.Rows.ToDictionary(r => r.UserId);
            target.AddRange(addresses.Select(a => InLanguage(languages.GetValueOrDefault(a.Id),
                () => NotificationEmail.Compose(a.Email!, rows[a.Id].Title, rows[a.Id].Body, link, baseUrl, now))));
            staged.Emails = addresses.Count;
        }
        return staged;
    }

    private static T InLanguage<T>(string? language, Func<T> write)
    {
        using var scope = CultureScope.For(language);
        return write();
    }

    /// <summary>Pushes staged entries to their users' connections; call after the commit.</summary>
    public async Task PushAsync(StagedNotifications staged)
    {
        if (staged.Emails > 0) emailSender.Nudge();
        foreach (var row in staged.Rows)
        {
            try
            {
                await hub.Clients.User(row.UserId).NotificationReceived(NotificationDto.From(row));
            }
            catch (Exception ex)
            {
                // The entry is stored; the person sees it in the inbox even if the push (or the backplane) failed.
                logger.LogWarning(ex, "Pushing notification {Id} failed", row.Id);
            }
        }
    }
}
