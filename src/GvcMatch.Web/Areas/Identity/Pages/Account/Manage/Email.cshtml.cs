using System.ComponentModel.DataAnnotations;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace GvcMatch.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Changes the sign-in address (the change waits for the link sent to the new address) and sends
/// the confirmation link again. An address that already has an account gets the "you already have
/// an account" email instead, and the page answers the same, so it does not reveal who is registered.
/// </summary>
[EnableRateLimiting(Infrastructure.AuthRegistration.AuthRateLimit)]
[Authorize]
public sealed class EmailModel(UserManager<AppUser> users, AccountEmails emails) : PageModel
{
    [BindProperty] public string? NewEmail { get; set; }

    public string Email { get; private set; } = "";
    public bool Confirmed { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Show(user);
        Message = TempData["Message"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Show(user);
        var email = NewEmail?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 256 || !new EmailAddressAttribute().IsValid(email))
            Error = "Enter the new email address.";
        else if (string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase))
            Error = "This is your address already.";
        if (Error is not null) return Page();

        if (await users.FindByEmailAsync(email!) is not null) await emails.QueueAlreadyRegisteredAsync(email!, ct);
        else await emails.QueueChangeEmailAsync(user, email!, ct);
        TempData["Message"] = $"We have emailed a link to {email}. Your address changes when you open it.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!user.EmailConfirmed && user.Email is not null) await emails.QueueConfirmationAsync(user, ct);
        TempData["Message"] = "We have emailed you a new confirmation link.";
        return RedirectToPage();
    }

    private void Show(AppUser user)
    {
        Email = user.Email ?? "";
        Confirmed = user.EmailConfirmed;
    }
}
