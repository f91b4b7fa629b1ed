using System.Text;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace GvcMatch.Web.Features.Auth;

/// <summary>
/// The account emails (confirm your address, a password-reset link, confirm a new address, "you
/// already have an account"), queued in the email outbox like every other email. Links are
/// absolute (<see cref="EmailLinks"/>). Identity's tokens travel Base64Url-encoded, as its own pages do.
/// </summary>
public sealed class AccountEmails(AppDbContext db, EmailSender sender, EmailLinks links, UserManager<AppUser> users, TimeProvider clock)
{
    public const string AlreadyRegisteredSubject = "You already have a GvcMatch account";
    public const string PasswordResetSubject = "Reset your GvcMatch password";
    public const string ConfirmEmailSubject = "Confirm your email address for GvcMatch";
    public const string ChangeEmailSubject = "Confirm your new email address for GvcMatch";
    public const string EmailChangedSubject = "Your GvcMatch sign-in address was changed";

    public Task QueueAlreadyRegisteredAsync(string to, CancellationToken ct) => QueueAsync(to, AlreadyRegisteredSubject, new StringBuilder()
        .Append("Someone (perhaps you) tried to register a new GvcMatch account with this email address, which already has one.\n\n")
        .Append("Nothing was changed. To sign in: ").Append(links.Absolute("/Identity/Account/Login")).Append('\n')
        .Append("Forgot your password? ").Append(links.Absolute("/Identity/Account/ForgotPassword")).Append("\n\n")
        .Append("If it was not you, you can ignore this email.\n")
        .ToString(), ct);

    public async Task QueuePasswordResetAsync(AppUser user, CancellationToken ct)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var path = $"/Identity/Account/ResetPassword?email={Uri.EscapeDataString(user.Email!)}&code={code}";
        await QueueAsync(user.Email!, PasswordResetSubject, new StringBuilder()
            .Append("Someone (perhaps you) asked to reset the password of the GvcMatch account of this email address.\n\n")
            .Append("Choose a new password here (the link works once, for one day): ").Append(links.Absolute(path)).Append("\n\n")
            .Append("If it was not you, you can ignore this email: your password stays as it is.\n")
            .ToString(), ct);
    }

    public async Task QueueConfirmationAsync(AppUser user, CancellationToken ct)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var path = $"/Identity/Account/ConfirmEmail?userId={Uri.EscapeDataString(user.Id)}&code={code}";
        await QueueAsync(user.Email!, ConfirmEmailSubject, new StringBuilder()
            .Append("Welcome to GvcMatch. Please confirm that this is your email address:\n\n")
            .Append(links.Absolute(path)).Append("\n\n")
            .Append("If you did not register, you can ignore this email.\n")
            .ToString(), ct);
    }

    /// <summary>Sent to the new address: the change happens only when its owner follows the link.</summary>
    public async Task QueueChangeEmailAsync(AppUser user, string newEmail, CancellationToken ct)
    {
        var code = Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        var path = $"/Identity/Account/ConfirmEmailChange?userId={Uri.EscapeDataString(user.Id)}&email={Uri.EscapeDataString(newEmail)}&code={code}";
        await QueueAsync(newEmail, ChangeEmailSubject, new StringBuilder()
            .Append("Someone (perhaps you) asked to make this the sign-in address of a GvcMatch account.\n\n")
            .Append("Confirm the change here (the link works for one day): ").Append(links.Absolute(path)).Append("\n\n")
            .Append("If it was not you, you can ignore this email: nothing changes until the link is opened.\n")
            .ToString(), ct);
    }

    /// <summary>Sent to the old address after a change, so a hijacked account does not move away unnoticed.</summary>
    public Task QueueEmailChangedAsync(string oldEmail, CancellationToken ct) => QueueAsync(oldEmail, EmailChangedSubject, new StringBuilder()
        .Append("The GvcMatch account that used this email address now signs in with another one.\n\n")
        .Append("If it was not you, reset the password from the new address or contact the platform's administrators: ")
        .Append(links.Absolute("/Identity/Account/ForgotPassword")).Append('\n')
        .ToString(), ct);

    /// <summary>Reads a token from a link; null when the code is damaged.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private async Task QueueAsync(string to, string subject, string body, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        db.Set<EmailOutboxEntry>().Add(new EmailOutboxEntry { To = to, Subject = subject, TextBody = body, CreatedAt = now, NextAttemptAt = now });
        await db.SaveChangesAsync(ct);
        sender.Nudge();
    }
}
