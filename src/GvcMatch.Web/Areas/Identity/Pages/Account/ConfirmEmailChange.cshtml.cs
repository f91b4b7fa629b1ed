using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Areas.Identity.Pages.Account;

/// <summary>
/// The link sent to a new address: the account's email and sign-in name become that address.
/// Identity gives the account a new security stamp, so every session ends (this browser included)
/// and the person signs in again with the new address; the old address is told.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmEmailChangeModel(UserManager<AppUser> users, SessionRevocation sessions, AccountEmails emails, SignInManager<AppUser> signIn)
    : PageModel
{
    public bool Changed { get; private set; }
    public string? Email { get; private set; }

    public async Task OnGetAsync(string? userId, string? email, string? code, CancellationToken ct)
    {
        var token = AccountEmails.Decode(code);
        if (token is null || string.IsNullOrEmpty(email) || string.IsNullOrEmpty(userId) || await users.FindByIdAsync(userId) is not { } user) return;
        var oldEmail = user.Email;
        if (!(await users.ChangeEmailAsync(user, email, token)).Succeeded) return;
        // The sign-in name is the email; a clash was refused by ChangeEmailAsync already (unique emails).
        if (!(await users.SetUserNameAsync(user, email)).Succeeded) return;
        await sessions.EndedAsync(user.Id, ct);
        // This browser's cookie carries the old stamp; if it is this account's, it ends here too (someone else's stays).
        if (users.GetUserId(User) == user.Id) await signIn.SignOutAsync();
        if (oldEmail is not null && !string.Equals(oldEmail, email, StringComparison.OrdinalIgnoreCase)) await emails.QueueEmailChangedAsync(oldEmail, ct);
        Changed = true;
        Email = email;
    }
}
