using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Features.Awards;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Awards;

/// <summary>
/// What the award pages share: a refusal from a service becomes the matching status page on GET,
/// and a flash message after a POST (post, redirect, get), so a reload never repeats an action.
/// </summary>
public abstract class AwardPage : PageModel
{
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    /// <summary>A refusal shown in the page itself rather than as a bare status (the sealed evaluation, the debrief not open yet).</summary>
    public string? Notice { get; protected set; }

    protected void ReadFlash()
    {
        Message = TempData["Message"] as string;
        Error = TempData["Error"] as string;
    }

    /// <summary>404 and 403 as status pages; a 409 shown in the page with its reason.</summary>
    protected IActionResult? Refused(Refusal? refusal)
    {
        if (refusal is null) return null;
        if (refusal.Status == StatusCodes.Status404NotFound) return NotFound();
        if (refusal.Status == StatusCodes.Status403Forbidden) return Forbid();
        Notice = refusal.Detail;
        Response.StatusCode = refusal.Status;
        return Page();
    }

    /// <summary>After a POST: back to the page with the outcome as a flash message.</summary>
    protected IActionResult Done<T>(Outcome<T> outcome, string success, object? route = null, string? fragment = null) where T : class
    {
        if (outcome.Refusal is { Status: StatusCodes.Status404NotFound }) return NotFound();
        if (outcome.Refusal is { Status: StatusCodes.Status403Forbidden }) return Forbid();
        if (outcome.Refusal is { } r) TempData["Error"] = r.Field is null ? r.Detail : $"{r.Field}: {r.Detail}";
        else TempData["Message"] = success;
        return RedirectToPage(null, null, route, fragment);
    }
}
