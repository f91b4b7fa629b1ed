using System.Security.Claims;
using GvcMatch.Web.Features.NotificationPreferences;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Account;

/// <summary>How each kind of notification reaches the person by email (at once, in a digest, or not at all) and the digests' time zone.</summary>
public sealed class NotificationsModel(PreferenceStore store, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public Dictionary<string, string> Preferences { get; set; } = [];
    [BindProperty] public string? TimeZone { get; set; }

    public NotificationPreferencesDto Current { get; private set; } = new(null, new Dictionary<string, Delivery>());
    public IDictionary<string, string[]>? Errors { get; private set; }
    public string? Message { get; private set; }

    public static IReadOnlyList<string> Zones { get; } = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/')).Order().ToList();

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = await store.GetAsync(UserId, ct);
        Message = TempData["Message"] as string;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = await store.SaveAsync(UserId, new NotificationPreferencesInput(TimeZone ?? "", Preferences), ct);
        if (errors.Any)
        {
            Errors = errors.ToDictionary();
            Current = await store.GetAsync(UserId, ct);
            return Page();
        }
        TempData["Message"] = l["Saved."].Value;
        return RedirectToPage();
    }
}
