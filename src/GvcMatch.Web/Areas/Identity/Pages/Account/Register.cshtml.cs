using GvcMatch.Web.Features.Auth;
using GvcMatch.Web.Features.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace GvcMatch.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Sign-up through the page: the person and their organisation in one step, like POST /api/auth/register.
/// An accepted registration goes to the sign-in page with the same words whether the address was
/// new or already had an account (whose owner is emailed), so the page does not reveal which
/// addresses are registered; the new owner then signs in.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Infrastructure.AuthRegistration.AuthRateLimit)]
public sealed class RegisterModel(Registration registration, Features.ReferenceData.ReferenceData reference) : PageModel
{
    [BindProperty]
    public RegisterForm Input { get; set; } = new();

    public IDictionary<string, string[]>? Errors { get; private set; }

    public Features.ReferenceData.ReferenceData Reference => reference;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new RegisterRequest(Input.Email ?? "", Input.Password ?? "", Input.DisplayName, new OrganizationInput
        {
            Name = Input.Name ?? "", Kind = Input.Kind, IntermediaryType = Input.Kind == OrganizationKind.Intermediary ? Input.IntermediaryType : null,
            Country = Input.Country ?? "", City = Input.City, SizeBand = Input.SizeBand, Website = Input.Website, Description = Input.Description,
        });
        var (outcome, errors) = await registration.SignUpAsync(request, ct);
        if (outcome == SignUpOutcome.Invalid)
        {
            Errors = errors.ToDictionary();
            return Page();
        }
        return RedirectToPage("./Login", new { registered = true, returnUrl = "/Account/Dashboard" });
    }
}

public sealed class RegisterForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? DisplayName { get; set; }
    public string? Name { get; set; }
    public OrganizationKind Kind { get; set; }
    public IntermediaryType? IntermediaryType { get; set; }
    public string? Country { get; set; }
    public string? City { get; set; }
    public SizeBand SizeBand { get; set; } = SizeBand.Small;
    public string? Website { get; set; }
    public string? Description { get; set; }
}
