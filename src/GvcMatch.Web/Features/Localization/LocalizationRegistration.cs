using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace GvcMatch.Web.Features.Localization;

public static class LocalizationRegistration
{
    public static IServiceCollection AddAppLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Pages write Spanish and Japanese as characters, not as &#x...; escapes (markup characters are still escaped).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddScoped<UserPreferences>();
        services.AddSingleton<Labels>();
        services.AddSingleton<MessageTexts>();
        // ProblemDetails (refusals, validation) in the request's language; other customisations run first.
        services.Configure<ProblemDetailsOptions>(o =>
        {
            var before = o.CustomizeProblemDetails;
            o.CustomizeProblemDetails = context =>
            {
                before?.Invoke(context);
                ProblemTexts.Translate(context);
            };
        });
        services.AddScoped<CultureFormat>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.Supported.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(Languages.Supported[0]);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // es-MX or ja-JP in Accept-Language picks es or ja.
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Saved preference, then the switcher's cookie, then Accept-Language; the query string is not offered.
            o.RequestCultureProviders =
            [
                new SavedLanguageCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>After authentication, so a signed-in person's saved language can be read.</summary>
    public static IApplicationBuilder UseAppLocalization(this IApplicationBuilder app)
    {
        // The matcher writes its summaries and evidence through this, in the language of each call.
        GvcMatch.Matching.Say.Use(new ExplanationTexts(app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizerFactory>()));
        MessageTexts.Use(app.ApplicationServices.GetRequiredService<MessageTexts>());
        return app.UseRequestLocalization();
    }
}
