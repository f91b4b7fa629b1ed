using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace GvcMatch.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Cookie sign-in. The password check is the API's (<see cref="PasswordSignIn"/>): one lockout
/// counter for both, and one rate-limit policy (posts past the limit get 429 with Retry-After).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Infrastructure.AuthRegistration.AuthRateLimit)]
public sealed class LoginModel(PasswordSignIn passwords, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public LoginForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = ReturnUrls.Field)] public string? ReturnUrl { get; set; }

    /// <summary>Shown after the register page sends the person here.</summary>
    [BindProperty(SupportsGet = true)] public bool Registered { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => ReturnUrls.Refuse(Url, ReturnUrl) ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (ReturnUrls.Refuse(Url, ReturnUrl) is { } refused) return refused;
        var (outcome, user) = await passwords.CheckAsync(Input.Email, Input.Password);
        if (user is null)
        {
            Error = PasswordSignIn.Describe(outcome);
            Input.Password = null;
            return Page();
        }
        await signIn.SignInWithClaimsAsync(user, Input.RememberMe, [new Claim("amr", "pwd")]);
        return LocalRedirect(string.IsNullOrEmpty(ReturnUrl) ? "/" : ReturnUrl);
    }
}

public sealed class LoginForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public bool RememberMe { get; set; }
}
