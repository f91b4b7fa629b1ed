using System.Globalization;
using GvcMatch.Matching;
using Microsoft.Extensions.Localization;

namespace GvcMatch.Web.Features.Localization;

/// <summary>
/// The matcher's templates (criterion summaries, evidence lines, headlines, consortium notes) looked
/// up in the shared resource set, keyed by their English text like every other text. One instance
/// serves every request: the localizer reads the UI culture of the call, which request
/// localisation (or <see cref="CultureScope"/> for emails) has set.
/// </summary>
public sealed class ExplanationTexts(IStringLocalizerFactory factory) : IExplanationTexts
{
    private readonly IStringLocalizer _l = factory.Create(typeof(SharedResource));

    public string Template(string english) =>
        // English is the key itself: skip the lookup for the default language and the invariant culture of background work.
        Languages.IsTranslated(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ? _l[english].Value : english;
}
