using System.Globalization;

namespace GvcMatch.Web.Features.Localization;

/// <summary>
/// Runs a piece of work in another language than the request's (or a worker's invariant one): an
/// email in its recipient's saved language, an index document in English whoever published it.
/// The culture flows with async calls made inside the scope and is restored at its end.
/// </summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private CultureScope(string language, bool formats)
    {
        var culture = CultureInfo.GetCultureInfo(Languages.IsSupported(language) ? language.ToLowerInvariant() : Languages.Supported[0]);
        CultureInfo.CurrentUICulture = culture;
        if (formats) CultureInfo.CurrentCulture = culture;
    }

    /// <summary>Texts and formats (dates, numbers) in <paramref name="language"/>; English when it is not supported or not given.</summary>
    public static CultureScope For(string? language) => new(language ?? "", formats: true);

    /// <summary>Texts in English, formats unchanged: what the search index and other machine-read copies store.</summary>
    public static CultureScope EnglishTexts() => new(Languages.Supported[0], formats: false);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
