using System.Globalization;
using Microsoft.Extensions.Localization;

namespace GvcMatch.Web.Features.Localization;

/// <summary>The CLDR plural categories the interface languages use.</summary>
public enum PluralForm
{
    One,
    Other,
}

/// <summary>
/// Where a count meets a noun ("1 unread notification", "2 unread notifications"), the one place
/// that picks the singular or plural text for the reader's language. Each count is written as two
/// texts of the resource set, the singular and the plural, both with <c>{0}</c> for the count.
/// English and Spanish use the singular for exactly one (CLDR "one": 1, not 0 nor 1.5); Japanese
/// has no plural, so it always takes the "other" text.
/// </summary>
public static class Plurals
{
    public static PluralForm FormOf(decimal count, CultureInfo culture) => culture.TwoLetterISOLanguageName switch
    {
        "ja" or "zh" or "ko" => PluralForm.Other,
        _ => count == 1 ? PluralForm.One : PluralForm.Other,
    };

    /// <summary>The text for <paramref name="count"/> in the current UI language, its number formatted for the culture, with any further values after it (<c>{1}</c>…).</summary>
    public static string Plural(this IStringLocalizer l, decimal count, string one, string other, params object[] more) =>
        l[FormOf(count, CultureInfo.CurrentUICulture) == PluralForm.One ? one : other,
            [count.ToString(count == decimal.Truncate(count) ? "N0" : "N2", CultureInfo.CurrentCulture), .. more]];

    /// <summary>
    /// The English text for a count, for messages services write in English (notifications, emails)
    /// that <see cref="MessageTexts"/> translates at the edge by the same two templates.
    /// </summary>
    public static string English(long count, string one, string other, params object[] more) =>
        string.Format(CultureInfo.InvariantCulture, count == 1 ? one : other, [count, .. more]);
}
