using System.Globalization;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Localization;
using GvcMatch.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GvcMatch.Web.Features.Consolidation;

/// <summary>Inbox entry kinds of this feature.</summary>
public static class ConsolidationNotificationKinds
{
    public const string Notice = "consolidation-notice";
    public const string Debrief = "consolidation-debrief";
}

/// <summary>
/// Tells an affected SME's people, each in the language saved on their account, what the notice
/// means for them. Written per language because one SME's staff may read different ones.
/// </summary>
public sealed class ConsolidationMessages(AppDbContext db, Notifier notifier, IStringLocalizer<SharedResource> l)
{
    public Task NoticeAsync(ConsolidationNotice notice, string buyer, int organizationId, double score, int missing,
        IReadOnlyList<string> matches, CancellationToken ct) =>
        SendAsync(organizationId, ConsolidationNotificationKinds.Notice, () => (
            l["{0} will consolidate its suppliers: {1}", buyer, notice.Title],
            l["Decision on {0}. Your score against the published criteria: {1} of 100, with {2} criteria not met. Your gap plan shows what would close each gap.",
                notice.DecisionDate.ToString("d", CultureInfo.CurrentCulture), score.ToString("0.#", CultureInfo.CurrentCulture), missing]
            + (matches.Count == 0 ? "" : " " + l["Open requirements of other buyers that fit your profile: {0}.", string.Join("; ", matches)])), notice.Id, ct);

    public Task DebriefAsync(ConsolidationNotice notice, int organizationId, ConsolidationOutcome outcome, string reason, CancellationToken ct) =>
        SendAsync(organizationId, ConsolidationNotificationKinds.Debrief, () => (
            l["Consolidation decided: {0}", notice.Title],
            l[outcome == ConsolidationOutcome.Retained ? "You remain a supplier. Reason: {0}" : "You were not retained. Reason: {0}", reason]), notice.Id, ct);

    private async Task SendAsync(int organizationId, string kind, Func<(string Title, string Body)> compose, int noticeId, CancellationToken ct)
    {
        var people = await db.Users.AsNoTracking().Where(u => u.OrganizationId == organizationId)
            .Select(u => new { u.Id, u.PreferredLanguage }).ToListAsync(ct);
        foreach (var group in people.GroupBy(p => Languages.Supported.Contains(p.PreferredLanguage) ? p.PreferredLanguage! : "en"))
        {
            var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
            try
            {
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(group.Key);
                var (title, body) = compose();
                await notifier.NotifyAsync(group.Select(p => p.Id).ToList(), kind, title, body, $"/Consolidation/{noticeId}", ct);
            }
            finally
            {
                (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
            }
        }
    }
}
