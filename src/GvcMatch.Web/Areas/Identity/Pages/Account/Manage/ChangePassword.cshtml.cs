using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace GvcMatch.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Changes the password. Identity gives the account a new security stamp, which ends every other
/// session (access tokens, refresh tokens, cookies elsewhere, hub connections); this browser gets a
/// fresh cookie and stays signed in.
/// </summary>
[EnableRateLimiting(Infrastructure.AuthRegistration.AuthRateLimit)]
[Authorize]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SessionRevocation sessions) : PageModel
{
    [BindProperty] public string? OldPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public List<string> Errors { get; } = [];
    public string? Message { get; private set; }

    public void OnGet() => Message = TempData["Message"] as string;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (string.IsNullOrEmpty(OldPassword)) Errors.Add("Enter your current password.");
        if (string.IsNullOrEmpty(NewPassword)) Errors.Add("Choose a new password.");
        else if (NewPassword != ConfirmPassword) Errors.Add("The two new passwords differ.");
        if (Errors.Count > 0) return Page();

        var result = await users.ChangePasswordAsync(user, OldPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "The current password is wrong." : e.Description));
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        await sessions.EndedAsync(user.Id, ct);
        TempData["Message"] = "Your password has been changed. Other devices and API clients must sign in again.";
        return RedirectToPage();
    }
}
