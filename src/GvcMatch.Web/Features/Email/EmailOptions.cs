using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using GvcMatch.Web.Features.Notifications;

namespace GvcMatch.Web.Features.Email;

/// <summary>Bound from the "Email" section; validated at start-up.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    public static readonly IReadOnlyList<string> AllKinds =
        [NotificationKinds.Message, NotificationKinds.ConversationStarted, NotificationKinds.Offer, NotificationKinds.MatchingRequirement, NotificationKinds.SavedSearch,
         NotificationKinds.CertificateExpiry, NotificationKinds.EventReminder];

    /// <summary>The sender address every email carries.</summary>
    [Required]
    public string From { get; set; } = "GvcMatch <no-reply@gvcmatch.local>";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>How often the sender looks for due rows when no new notification woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Comma-separated notification kinds that also send an email; empty sends none. A string
    /// rather than a list so that one environment variable replaces it (list binding appends).
    /// </summary>
    public string Kinds { get; set; } = string.Join(",", AllKinds);

    /// <summary>Tries per email before it is given up (the row stays, with its last error).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry waits this long; each further one twice as long, at most an hour.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Absolute address of the site (e.g. https://gvcmatch.example), put before links in emails; relative links when unset.</summary>
    public string? LinkBaseUrl { get; set; }

    public IReadOnlySet<string> KindSet() =>
        Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (PollInterval <= TimeSpan.Zero) yield return new("Email:PollInterval must be positive.", [nameof(PollInterval)]);
        if (RetryDelay <= TimeSpan.Zero) yield return new("Email:RetryDelay must be positive.", [nameof(RetryDelay)]);
        if (!MailAddress.TryCreate(From, out _)) yield return new("Email:From must be an email address, e.g. \"GvcMatch <no-reply@example.org>\".", [nameof(From)]);
        foreach (var kind in KindSet().Where(k => !AllKinds.Contains(k)))
            yield return new($"Email:Kinds names an unknown kind '{kind}'; the kinds are {string.Join(", ", AllKinds)}.", [nameof(Kinds)]);
        if (LinkBaseUrl is not null && !(Uri.TryCreate(LinkBaseUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            yield return new("Email:LinkBaseUrl must be an absolute http(s) URL.", [nameof(LinkBaseUrl)]);
        if (Smtp.Port is < 1 or > 65535) yield return new("Email:Smtp:Port must be 1 to 65535.", [nameof(Smtp)]);
        if (Smtp.Password is not null && Smtp.UserName is null) yield return new("Email:Smtp:Password needs Email:Smtp:UserName.", [nameof(Smtp)]);
        if (Smtp.Timeout <= TimeSpan.Zero) yield return new("Email:Smtp:Timeout must be positive.", [nameof(Smtp)]);
    }
}

public sealed class SmtpSettings
{
    /// <summary>The SMTP server; when unset, emails are appended to a log file in the data folder instead.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool EnableSsl { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
