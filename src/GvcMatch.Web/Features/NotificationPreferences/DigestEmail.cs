using System.Text;
using GvcMatch.Web.Features.Email;
using GvcMatch.Web.Features.Localization;
using GvcMatch.Web.Features.Notifications;

namespace GvcMatch.Web.Features.NotificationPreferences;

/// <summary>The words of a digest email: one line per notification, with its link, in the current UI culture's language.</summary>
public static class DigestEmail
{
    public static string Subject(DigestPeriod period, int count) => MessageTexts.Format((period, count) switch
    {
        (DigestPeriod.Daily, 1) => "Your GvcMatch daily digest: {0} notification",
        (DigestPeriod.Daily, _) => "Your GvcMatch daily digest: {0} notifications",
        (_, 1) => "Your GvcMatch weekly digest: {0} notification",
        _ => "Your GvcMatch weekly digest: {0} notifications",
    }, count);

    public static EmailOutboxEntry Compose(string to, DigestPeriod period, DateOnly firstDay, IReadOnlyList<Notification> notes, string? baseUrl, DateTimeOffset now)
    {
        var text = new StringBuilder()
            .Append(MessageTexts.Format(period == DigestPeriod.Daily ? "What happened on {0} that you have not read yet:" : "What happened in the week from {0} that you have not read yet:",
                firstDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .Append("\n\n");
        foreach (var n in notes)
        {
            text.Append("- ").Append(n.Title).Append('\n');
            if (!string.IsNullOrWhiteSpace(n.Body)) text.Append("  ").Append(n.Body.ReplaceLineEndings(" ")).Append('\n');
            if (!string.IsNullOrWhiteSpace(n.Link)) text.Append("  ").Append(EmailLinks.Join(baseUrl, n.Link)).Append('\n');
        }
        text.Append("\n-- \n")
            .Append(MessageTexts.Format("You receive this digest because you chose it for these notifications. Change how each kind reaches you: {0}",
                EmailLinks.Join(baseUrl, "/Account/Notifications"))).Append('\n');
        return new EmailOutboxEntry { To = to, Subject = Subject(period, notes.Count), TextBody = text.ToString(), CreatedAt = now, NextAttemptAt = now };
    }
}
