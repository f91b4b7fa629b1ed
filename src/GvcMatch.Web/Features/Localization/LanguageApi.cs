using GvcMatch.Web.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace GvcMatch.Web.Features.Localization;

/// <summary>
/// The layout's language switcher posts here: the choice goes into a cookie for a year and, for a
/// signed-in person, into their account, so it follows them to other browsers.
/// </summary>
public static class LanguageApi
{
    public const string Path = "/language";

    public static IEndpointRouteBuilder MapLanguageApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, SwitchAsync)
            .WithTags("Localization")
            .WithSummary("Sets the interface language (form fields culture, returnUrl and optional timeZone) and goes back to returnUrl");
        return app;
    }

    private static async Task<Results<RedirectHttpResult, ValidationProblem>> SwitchAsync(
        HttpContext http, IAntiforgery antiforgery, AppDbContext db, UserPreferences preferences)
    {
        if (!http.Request.HasFormContentType)
            return Problem("culture", "Send the form fields culture and returnUrl.");
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!await antiforgery.IsRequestValidAsync(http))
            return Problem("__RequestVerificationToken", "The form is out of date: reload the page and choose again.");
        var culture = form["culture"].ToString();
        if (!Languages.IsSupported(culture))
            return Problem("culture", $"Choose one of: {string.Join(", ", Languages.Supported)}.");
        culture = culture.ToLowerInvariant();
        var timeZone = form["timeZone"].ToString();
        if (timeZone.Length > 0 && (timeZone.Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _)))
            return Problem("timeZone", "Must be a time zone name such as Europe/Madrid.");

        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, HttpOnly = true });

        if (http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u
                .SetProperty(x => x.PreferredLanguage, culture)
                .SetProperty(x => x.PreferredTimeZone, x => timeZone.Length > 0 ? timeZone : x.PreferredTimeZone), http.RequestAborted);
            preferences.Forget();
        }

        var returnUrl = form["returnUrl"].ToString();
        // Only back to a page of this site: anything else (another host, //host, /\host) goes home.
        return TypedResults.Redirect(IsLocal(returnUrl) ? returnUrl : "/");
    }

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") && !url.Any(char.IsControl);

    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
