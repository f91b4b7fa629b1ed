using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Localization;
using GvcMatch.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>
/// Messages about joining a group certification, each written in the language saved on the
/// recipient's account (grouped by language and composed once per group).
/// </summary>
public sealed class GroupCertificationMessages(AppDbContext db, Notifier notifier, IStringLocalizer<SharedResource> l)
{
    public const string Kind = "group-certification";

    /// <summary>To the cluster: an SME asks to join.</summary>
    public Task RequestedAsync(int clusterId, string sme, string standard, CancellationToken ct) =>
        SendAsync(clusterId, () => (l["{0} asks to join your group certificate {1}", sme, standard], l["Accept or decline the request on the group certificates page."]),
            "/Consortia/GroupCertificates", ct);

    /// <summary>To the SME: the cluster answered.</summary>
    public Task DecidedAsync(int smeId, string cluster, string standard, bool accepted, CancellationToken ct) =>
        SendAsync(smeId, () => accepted
            ? (l["{0} accepted you on its group certificate {1}", cluster, standard], l["The certificate now counts for your organisation in matching and bids."])
            : (l["{0} declined your request to join its group certificate {1}", cluster, standard], l["Other open group certifications are listed on your group certificates page."]),
            "/Account/GroupCertificates", ct);

    private async Task SendAsync(int organizationId, Func<(string Title, string Body)> compose, string link, CancellationToken ct)
    {
        var people = await db.Users.AsNoTracking().Where(u => u.OrganizationId == organizationId)
            .Select(u => new { u.Id, u.PreferredLanguage }).ToListAsync(ct);
        foreach (var group in people.GroupBy(p => Languages.IsSupported(p.PreferredLanguage) ? p.PreferredLanguage!.ToLowerInvariant() : "en"))
        {
            (string Title, string Body) text;
            using (CultureScope.For(group.Key)) text = compose();
            await notifier.NotifyAsync(group.Select(p => p.Id).ToList(), Kind, text.Title, text.Body, link, ct);
        }
    }
}
