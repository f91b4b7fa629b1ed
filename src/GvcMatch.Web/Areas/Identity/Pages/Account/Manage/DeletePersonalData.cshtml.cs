using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace GvcMatch.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Deletes the signed-in person's account (<see cref="AccountDeletion"/>); the last owner of an organisation is refused with 409.</summary>
[EnableRateLimiting(Infrastructure.AuthRegistration.AuthRateLimit)]
[Authorize]
public sealed class DeletePersonalDataModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountDeletion deletion) : PageModel
{
    [BindProperty] public string? Password { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (users.GetUserId(User) is not { } userId) return Challenge();
        var (outcome, organization) = await deletion.DeleteAsync(userId, Password, ct);
        switch (outcome)
        {
            case DeletionOutcome.WrongPassword:
                Error = "The password is wrong.";
                return Page();
            case DeletionOutcome.LastOwner:
                Error = AccountDeletion.LastOwnerMessage(organization!);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case DeletionOutcome.NotFound:
                return Challenge();
        }
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
