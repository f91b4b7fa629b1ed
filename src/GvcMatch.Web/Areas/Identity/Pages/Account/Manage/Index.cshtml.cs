using GvcMatch.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>The signed-in person's own details: the display name others see. The email (the sign-in name) changes on the Email page.</summary>
[Authorize]
public sealed class IndexModel(UserManager<AppUser> users) : PageModel
{
    public const int MaxDisplayName = 100;

    [BindProperty] public string? DisplayName { get; set; }

    public string Email { get; private set; } = "";
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Email = user.Email ?? "";
        DisplayName = user.DisplayName;
        Message = TempData["Message"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Email = user.Email ?? "";
        var name = string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName.Trim();
        if (name is { Length: > MaxDisplayName })
        {
            Error = $"The display name is at most {MaxDisplayName} characters.";
            return Page();
        }
        user.DisplayName = name;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            Error = string.Join(" ", result.Errors.Select(e => e.Description));
            return Page();
        }
        TempData["Message"] = "Saved.";
        return RedirectToPage();
    }
}
