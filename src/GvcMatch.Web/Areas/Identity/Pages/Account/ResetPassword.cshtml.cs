using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace GvcMatch.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Sets a new password from an emailed link. Identity gives the account a new security stamp, so
/// every session of the old password ends; a lockout is lifted (the link proves the mailbox).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Infrastructure.AuthRegistration.AuthRateLimit)]
public sealed class ResetPasswordModel(UserManager<AppUser> users, SessionRevocation sessions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public List<string> Errors { get; } = [];
    public bool Done { get; private set; }

    public void OnGet()
    {
        if (string.IsNullOrEmpty(Code) || string.IsNullOrEmpty(Email)) Errors.Add("This link is incomplete: open the whole link from the email, or ask for a new one.");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Password)) Errors.Add("Choose a new password.");
        else if (Password != ConfirmPassword) Errors.Add("The two passwords differ.");
        var token = AccountEmails.Decode(Code);
        if (token is null || string.IsNullOrEmpty(Email)) Errors.Add("This link is incomplete or damaged: ask for a new one.");
        if (Errors.Count > 0) return Page();

        var user = await users.FindByEmailAsync(Email!);
        if (user is null)
        {
            // As for success: the page does not tell which addresses have accounts.
            Done = true;
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token!, Password!);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)
                ? "This link has expired or was used already: ask for a new one." : e.Description));
            return Page();
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await sessions.EndedAsync(user.Id, ct);
        Done = true;
        return Page();
    }
}
