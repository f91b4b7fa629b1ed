using System.Security.Claims;
using GvcMatch.Web.Features.NotificationPreferences;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Account;

/// <summary>How each kind of notification reaches the person by email (at once, in a digest, or not at all) and the digests' time zone.</summary>
public sealed class NotificationsModel(PreferenceStore store, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public Dictionary<string, string> Preferences { get; set; } = [];
    [BindProperty] public string? TimeZone { get; set; }

    /// <summary>The version the form was read with: a save from another tab or the API in between is not overwritten unseen.</summary>
    [BindProperty] public Guid? Stamp { get; set; }

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
        var refused = await store.SaveAsync(UserId, new NotificationPreferencesInput(TimeZone ?? "", Preferences), IfMatch.Stamp(Stamp), ct);
        if (refused is not null)
        {
            Errors = refused.ForForm();
            Current = await store.GetAsync(UserId, ct);
            return Page();
        }
        TempData["Message"] = l["Saved."].Value;
        return RedirectToPage();
    }
}
