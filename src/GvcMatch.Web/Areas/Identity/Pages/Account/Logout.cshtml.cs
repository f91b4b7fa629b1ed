using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Areas.Identity.Pages.Account;

/// <summary>Signing out is a POST (the navigation's form); the GET shows the button or says it is done.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true, Name = ReturnUrls.Field)] public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => ReturnUrls.Refuse(Url, ReturnUrl) ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (ReturnUrls.Refuse(Url, ReturnUrl) is { } refused) return refused;
        await signIn.SignOutAsync();
        return string.IsNullOrEmpty(ReturnUrl) ? RedirectToPage() : LocalRedirect(ReturnUrl);
    }
}
