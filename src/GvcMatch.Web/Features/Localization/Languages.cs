using System.Globalization;

namespace GvcMatch.Web.Features.Localization;

/// <summary>The interface languages the product is translated into; the first is the default.</summary>
public static class Languages
{
    public static readonly string[] Supported = ["en", "es", "ja"];

    /// <summary>Each language's name in itself, as the switcher shows it.</summary>
    public static readonly IReadOnlyDictionary<string, string> NativeNames = new Dictionary<string, string>
    {
        ["en"] = "English",
        ["es"] = "Español",
        ["ja"] = "日本語",
    };

    public static bool IsSupported(string? code) => code is not null && Supported.Contains(code, StringComparer.OrdinalIgnoreCase);

    /// <summary>A supported language other than the default, whose texts come from its own resource file.</summary>
    public static bool IsTranslated(string? code) => IsSupported(code) && !string.Equals(code, Supported[0], StringComparison.OrdinalIgnoreCase);

    /// <summary>The two-letter code of the interface language of this request.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
