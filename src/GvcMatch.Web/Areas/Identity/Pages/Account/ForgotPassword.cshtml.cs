using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace GvcMatch.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Asks for a reset link by email. The answer is the same whether or not the address has an
/// account; the link goes out through the email outbox.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Infrastructure.AuthRegistration.AuthRateLimit)]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, AccountEmails emails) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public bool Sent { get; private set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 256)
        {
            Error = "Enter the email address of your account.";
            return Page();
        }
        if (await users.FindByEmailAsync(email) is { Email: not null } user) await emails.QueuePasswordResetAsync(user, ct);
        Sent = true;
        return Page();
    }
}
