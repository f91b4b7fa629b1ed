using Microsoft.AspNetCore.Localization;

namespace GvcMatch.Web.Features.Localization;

/// <summary>
/// Puts a ProblemDetails answer into the request's language just before it is written: its title,
/// its detail and each validation message (the field names stay the API's own). The language is the
/// one request localisation chose (saved preference, cookie, then Accept-Language), read from the
/// request rather than the thread, so an answer written by the exception handler is translated too.
/// </summary>
public static class ProblemTexts
{
    public static void Translate(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var language = http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.TwoLetterISOLanguageName;
        if (!Languages.IsTranslated(language)) return;
        var texts = http.RequestServices.GetRequiredService<MessageTexts>();
        using var scope = CultureScope.For(language);
        var problem = context.ProblemDetails;
        if (problem.Title is { } title) problem.Title = texts.InCurrentLanguage(title);
        if (problem.Detail is { } detail) problem.Detail = texts.InCurrentLanguage(detail);
        if (problem is HttpValidationProblemDetails validation)
            foreach (var field in validation.Errors.Keys.ToList())
                validation.Errors[field] = validation.Errors[field].Select(texts.InCurrentLanguage).ToArray();
        http.Response.Headers.ContentLanguage = language;
    }
}
