using System.Text;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Email;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Auth;

/// <summary>
/// The account emails (a password-reset link; "you already have an account"), queued in the email
/// outbox like every other email. Links start with <c>Email:LinkBaseUrl</c>, never with the request's
/// Host header, which a caller could set to their own site to harvest reset links.
/// </summary>
public sealed class AccountEmails(AppDbContext db, EmailSender sender, IOptions<EmailOptions> options, TimeProvider clock)
{
    public const string AlreadyRegisteredSubject = "You already have a GvcMatch account";
    public const string PasswordResetSubject = "Reset your GvcMatch password";

    public Task QueueAlreadyRegisteredAsync(string to, CancellationToken ct) => QueueAsync(to, AlreadyRegisteredSubject, new StringBuilder()
        .Append("Someone (perhaps you) tried to register a new GvcMatch account with this email address, which already has one.\n\n")
        .Append("Nothing was changed. To sign in: ").Append(Link("/Identity/Account/Login")).Append('\n')
        .Append("Forgot your password? ").Append(Link("/Identity/Account/ForgotPassword")).Append("\n\n")
        .Append("If it was not you, you can ignore this email.\n")
        .ToString(), ct);

    public Task QueuePasswordResetAsync(string to, string resetPath, CancellationToken ct) => QueueAsync(to, PasswordResetSubject, new StringBuilder()
        .Append("Someone (perhaps you) asked to reset the password of the GvcMatch account of this email address.\n\n")
        .Append("Choose a new password here (the link works once, for one day): ").Append(Link(resetPath)).Append("\n\n")
        .Append("If it was not you, you can ignore this email: your password stays as it is.\n")
        .ToString(), ct);

    private async Task QueueAsync(string to, string subject, string body, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        db.Set<EmailOutboxEntry>().Add(new EmailOutboxEntry { To = to, Subject = subject, TextBody = body, CreatedAt = now, NextAttemptAt = now });
        await db.SaveChangesAsync(ct);
        sender.Nudge();
    }

    private string Link(string path) =>
        options.Value.LinkBaseUrl is { } baseUrl ? baseUrl.TrimEnd('/') + path : path;
}
