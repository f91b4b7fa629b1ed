using Microsoft.AspNetCore.Localization;

namespace GvcMatch.Web.Features.Localization;

/// <summary>
/// First in line: the language a signed-in person saved, so the interface follows them from one
/// browser to the next. Anyone else falls through to the switcher's cookie, then Accept-Language.
/// </summary>
public sealed class SavedLanguageCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (httpContext.User.Identity?.IsAuthenticated != true) return null;
        var saved = await httpContext.RequestServices.GetRequiredService<UserPreferences>().GetAsync(httpContext.RequestAborted);
        return Languages.IsSupported(saved.Language) ? new ProviderCultureResult(saved.Language) : null;
    }
}
