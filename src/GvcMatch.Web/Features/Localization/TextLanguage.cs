using System.Globalization;

namespace GvcMatch.Web.Features.Localization;

/// <summary>
/// Which of the interface languages a piece of user text is written in, so the page can mark it
/// with its own <c>lang</c> (screen readers, fonts and hyphenation follow it). Japanese is told by
/// its script; Spanish from English by their most common short words and Spanish letters.
/// </summary>
public static class TextLanguage
{
    private static readonly HashSet<string> SpanishWords = new(StringComparer.OrdinalIgnoreCase)
        { "de", "la", "el", "los", "las", "y", "en", "para", "con", "del", "por", "una", "un", "que", "sus", "piezas", "fabricación" };
    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
        { "the", "and", "of", "for", "with", "to", "in", "our", "we", "a", "an", "parts", "manufacturing" };

    /// <summary>"ja", "es" or "en" (the default when nothing points elsewhere); null for an empty text.</summary>
    public static string? Detect(params string?[] texts)
    {
        var text = string.Join(" ", texts.Where(t => !string.IsNullOrWhiteSpace(t)));
        if (text.Length == 0) return null;
        if (text.Any(IsJapanese)) return "ja";
        var words = text.Split([' ', ',', '.', ';', ':', '\n', '\r', '\t', '(', ')', '/', '-'], StringSplitOptions.RemoveEmptyEntries);
        var spanish = words.Count(SpanishWords.Contains) + text.Count(c => "ñáéíóú¿¡".Contains(char.ToLowerInvariant(c)));
        var english = words.Count(EnglishWords.Contains);
        return spanish > english ? "es" : "en";
    }

    private static bool IsJapanese(char c) =>
        char.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c is (>= '\u3040' and <= '\u30ff') or (>= '\u4e00' and <= '\u9fff');
}
