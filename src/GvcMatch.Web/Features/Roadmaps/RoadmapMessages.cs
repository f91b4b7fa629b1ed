using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Localization;
using GvcMatch.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GvcMatch.Web.Features.Roadmaps;

/// <summary>Inbox entry kinds of this feature.</summary>
public static class RoadmapNotificationKinds
{
    public const string NewItem = "roadmap-item";
    public const string Interest = "roadmap-interest";
    public const string Requirement = "roadmap-requirement";
}

/// <summary>
/// Road-map messages, each written in the language saved on the recipient's account: one SME's
/// people may read different ones, so they are grouped by language and composed once per group.
/// </summary>
public sealed class RoadmapMessages(AppDbContext db, Notifier notifier, IStringLocalizer<SharedResource> l)
{
    /// <summary>To the followers of a buyer: a new item they may see.</summary>
    public Task NewItemAsync(RoadmapItem item, string buyer, IReadOnlyCollection<int> organizations, CancellationToken ct) =>
        SendAsync(organizations, RoadmapNotificationKinds.NewItem, () => (
            l["{0} published a road-map item: {1}", buyer, item.Title],
            l["See what it will need and whether your profile fits."]), $"/Roadmaps/{item.Id}", ct);

    /// <summary>To the buyer: an SME expressed interest.</summary>
    public Task InterestAsync(RoadmapItem item, string sme, CancellationToken ct) =>
        SendAsync([item.OrganizationId], RoadmapNotificationKinds.Interest, () => (
            l["{0} expressed interest in {1}", sme, item.Title],
            l["Read the note on the road-map item."]), $"/Roadmaps/{item.Id}", ct);

    /// <summary>To the interested SMEs first and the followers after the head start: the item is now a requirement.</summary>
    public Task RequirementAsync(RoadmapItem item, string buyer, string requirementTitle, IReadOnlyCollection<int> organizations, bool interested,
        CancellationToken ct) =>
        SendAsync(organizations, RoadmapNotificationKinds.Requirement, () => (
            l["{0} turned a road-map item into a requirement: {1}", buyer, requirementTitle],
            interested ? l["You expressed interest, so you hear of it first. Bids are open now."] : l["You follow this road-map item. Bids are open now."]),
            $"/Requirements/{item.RequirementId}", ct);

    private async Task SendAsync(IReadOnlyCollection<int> organizations, string kind, Func<(string Title, string Body)> compose, string link, CancellationToken ct)
    {
        if (organizations.Count == 0) return;
        var people = await db.Users.AsNoTracking().Where(u => u.OrganizationId != null && organizations.Contains(u.OrganizationId.Value))
            .Select(u => new { u.Id, u.PreferredLanguage }).ToListAsync(ct);
        foreach (var group in people.GroupBy(p => Languages.IsSupported(p.PreferredLanguage) ? p.PreferredLanguage!.ToLowerInvariant() : "en"))
        {
            (string Title, string Body) text;
            using (CultureScope.For(group.Key)) text = compose();
            await notifier.NotifyAsync(group.Select(p => p.Id).ToList(), kind, text.Title, text.Body, link, ct);
        }
    }
}
