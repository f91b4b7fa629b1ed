using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Areas.Identity.Pages.Account;

/// <summary>The link in the welcome email: marks the address confirmed.</summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<AppUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = AccountEmails.Decode(code);
        if (token is null || string.IsNullOrEmpty(userId) || await users.FindByIdAsync(userId) is not { } user) return;
        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
