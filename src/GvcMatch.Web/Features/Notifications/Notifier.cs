using GvcMatch.Web.Data;
using GvcMatch.Web.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace GvcMatch.Web.Features.Notifications;

/// <summary>The kinds of inbox entries; stored by name in <see cref="Notification.Kind"/>.</summary>
public static class NotificationKinds
{
    public const string Message = "message";
    public const string Offer = "offer";
    public const string MatchingRequirement = "matching-requirement";
    public const string SavedSearch = "saved-search";
}

/// <summary>
/// Leaves an entry in each person's inbox, then pushes it to their open connections. Stored
/// first: a person who is offline finds it in the inbox.
/// </summary>
public sealed class Notifier(AppDbContext db, IHubContext<NegotiationHub, INegotiationClient> hub, TimeProvider clock)
{
    public async Task NotifyAsync(IReadOnlyCollection<string> userIds, string kind, string title, string? body, string? link, CancellationToken ct = default)
    {
        if (userIds.Count == 0) return;
        var now = clock.GetUtcNow();
        var rows = userIds.Distinct().Select(id => new Notification { UserId = id, Kind = kind, Title = title, Body = body, Link = link, CreatedAt = now }).ToList();
        db.AddRange(rows);
        await db.SaveChangesAsync(ct);
        foreach (var row in rows)
            await hub.Clients.User(row.UserId).NotificationReceived(NotificationDto.From(row));
    }
}
