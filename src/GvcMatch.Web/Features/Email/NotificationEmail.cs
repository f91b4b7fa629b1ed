using System.Text;
using GvcMatch.Web.Features.Localization;

namespace GvcMatch.Web.Features.Email;

/// <summary>The plain-text email that reports one notification, in the current UI culture's language (the caller sets the recipient's).</summary>
public static class NotificationEmail
{
    public static EmailOutboxEntry Compose(string to, string title, string? body, string? link, string? baseUrl, DateTimeOffset now)
    {
        var text = new StringBuilder().Append(title).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(body)) text.Append(body).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(link)) text.Append(MessageTexts.Format("Open: {0}", EmailLinks.Join(baseUrl, link))).Append("\n\n");
        text.Append("-- \n")
            .Append(MessageTexts.Format("You receive this because you are a member of an organisation on GvcMatch. Your inbox on the site lists every notification.")).Append('\n');
        var subject = title.Length <= 300 ? title : title[..297] + "...";
        return new EmailOutboxEntry { To = to, Subject = subject, TextBody = text.ToString(), CreatedAt = now, NextAttemptAt = now };
    }
}
