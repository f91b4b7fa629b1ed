using System.Text;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Email;
using GvcMatch.Web.Features.Localization;
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

    public async Task QueueAlreadyRegisteredAsync(string to, CancellationToken ct)
    {
        var saved = await users.FindByEmailAsync(to) is { } owner ? owner.PreferredLanguage : null;
        using var language = InLanguageOf(saved);
        await QueueAsync(to, T(AlreadyRegisteredSubject), Lines(
            T("Someone (perhaps you) tried to register a new GvcMatch account with this email address, which already has one.") + "\n",
            T("Nothing was changed. To sign in: {0}", links.Absolute("/Identity/Account/Login")),
            T("Forgot your password? {0}", links.Absolute("/Identity/Account/ForgotPassword")) + "\n",
            T("If it was not you, you can ignore this email.")), ct);
    }

    public async Task QueuePasswordResetAsync(AppUser user, CancellationToken ct)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var path = $"/Identity/Account/ResetPassword?email={Uri.EscapeDataString(user.Email!)}&code={code}";
        using var language = InLanguageOf(user.PreferredLanguage);
        await QueueAsync(user.Email!, T(PasswordResetSubject), Lines(
            T("Someone (perhaps you) asked to reset the password of the GvcMatch account of this email address.") + "\n",
            T("Choose a new password here (the link works once, for one day): {0}", links.Absolute(path)) + "\n",
            T("If it was not you, you can ignore this email: your password stays as it is.")), ct);
    }

    public async Task QueueConfirmationAsync(AppUser user, CancellationToken ct)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var path = $"/Identity/Account/ConfirmEmail?userId={Uri.EscapeDataString(user.Id)}&code={code}";
        using var language = InLanguageOf(user.PreferredLanguage);
        await QueueAsync(user.Email!, T(ConfirmEmailSubject), Lines(
            T("Welcome to GvcMatch. Please confirm that this is your email address:") + "\n",
            links.Absolute(path) + "\n",
            T("If you did not register, you can ignore this email.")), ct);
    }

    /// <summary>Sent to the new address: the change happens only when its owner follows the link.</summary>
    public async Task QueueChangeEmailAsync(AppUser user, string newEmail, CancellationToken ct)
    {
        var code = Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        var path = $"/Identity/Account/ConfirmEmailChange?userId={Uri.EscapeDataString(user.Id)}&email={Uri.EscapeDataString(newEmail)}&code={code}";
        using var language = InLanguageOf(user.PreferredLanguage);
        await QueueAsync(newEmail, T(ChangeEmailSubject), Lines(
            T("Someone (perhaps you) asked to make this the sign-in address of a GvcMatch account.") + "\n",
            T("Confirm the change here (the link works for one day): {0}", links.Absolute(path)) + "\n",
            T("If it was not you, you can ignore this email: nothing changes until the link is opened.")), ct);
    }

    /// <summary>Sent to the old address after a change, so a hijacked account does not move away unnoticed.</summary>
    public async Task QueueEmailChangedAsync(string oldEmail, CancellationToken ct)
    {
        using var language = InLanguageOf(null);
        await QueueAsync(oldEmail, T(EmailChangedSubject), Lines(
            T("The GvcMatch account that used this email address now signs in with another one.") + "\n",
            T("If it was not you, reset the password from the new address or contact the platform's administrators: {0}",
                links.Absolute("/Identity/Account/ForgotPassword"))), ct);
    }

    /// <summary>
    /// The account's saved language; without one, the language of the request that asked for the
    /// email (the person is on the site in it), which is English for a request that chose none.
    /// </summary>
    private static CultureScope InLanguageOf(string? saved) => CultureScope.For(saved ?? Languages.Current);

    private static string T(string english, params object?[] args) => MessageTexts.Format(english, args);

    private static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));

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
