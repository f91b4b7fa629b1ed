using System.Text;
using GvcMatch.Web.Features.Email;
using GvcMatch.Web.Features.Notifications;

namespace GvcMatch.Web.Features.NotificationPreferences;

/// <summary>The words of a digest email: one line per notification, with its link.</summary>
public static class DigestEmail
{
    public static string Subject(DigestPeriod period, int count) =>
        $"Your GvcMatch {(period == DigestPeriod.Daily ? "daily" : "weekly")} digest: {count} {(count == 1 ? "notification" : "notifications")}";

    public static EmailOutboxEntry Compose(string to, DigestPeriod period, DateOnly firstDay, IReadOnlyList<Notification> notes, string? baseUrl, DateTimeOffset now)
    {
        var text = new StringBuilder()
            .Append(period == DigestPeriod.Daily ? $"What happened on {firstDay:yyyy-MM-dd}" : $"What happened in the week from {firstDay:yyyy-MM-dd}")
            .Append(" that you have not read yet:\n\n");
        foreach (var n in notes)
        {
            text.Append("- ").Append(n.Title).Append('\n');
            if (!string.IsNullOrWhiteSpace(n.Body)) text.Append("  ").Append(n.Body.ReplaceLineEndings(" ")).Append('\n');
            if (!string.IsNullOrWhiteSpace(n.Link)) text.Append("  ").Append(EmailLinks.Join(baseUrl, n.Link)).Append('\n');
        }
        text.Append("\n-- \nYou receive this digest because you chose it for these notifications. Change how each kind reaches you: ")
            .Append(EmailLinks.Join(baseUrl, "/Account/Notifications")).Append('\n');
        return new EmailOutboxEntry { To = to, Subject = Subject(period, notes.Count), TextBody = text.ToString(), CreatedAt = now, NextAttemptAt = now };
    }
}
