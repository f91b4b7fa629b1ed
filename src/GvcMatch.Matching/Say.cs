using System.Globalization;

namespace GvcMatch.Matching;

/// <summary>Gives the matcher's English templates their wording in the reader's language.</summary>
public interface IExplanationTexts
{
    /// <summary>The template in the current UI culture's language, or <paramref name="english"/> itself when it has no translation.</summary>
    string Template(string english);
}

/// <summary>
/// Where the matcher's sentences get their words. Summaries, evidence and headlines are written
/// from English templates with numbered placeholders ("Lead time of at most {0} days"), one per
/// piece of an explanation, so a translation replaces each piece and keeps the structure (which
/// parts, in which order, joined how). The web registers a translator that reads the current UI
/// culture; without one (the matcher's own tests, the tools) the English templates are used, and
/// they format exactly as the interpolated strings they replace.
/// </summary>
public static class Say
{
    private static IExplanationTexts? _texts;

    /// <summary>Set once at start-up; the translator follows each call's UI culture, so one serves every request.</summary>
    public static void Use(IExplanationTexts? texts) => _texts = texts;

    /// <summary>A fixed text ("a month", "verified organisation") in the reader's language.</summary>
    public static string Text(string english) => _texts?.Template(english) ?? english;

    /// <summary>A template filled in with the current culture, as an interpolated string would be.</summary>
    public static string Format(string english, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Text(english), args);

    /// <summary>The text with its first letter in upper case (a clause used as a heading); scripts without case are unchanged.</summary>
    public static string Capitalised(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpper(text[0], CultureInfo.CurrentCulture).ToString(), text.AsSpan(1));

    /// <summary>Items joined by the language's list separator (", " in English).</summary>
    public static string List(IEnumerable<string> items) => string.Join(Text(", "), items);

    /// <summary>Parts of an explanation joined by the language's clause separator ("; " in English).</summary>
    public static string Clauses(IEnumerable<string> parts) => string.Join(Text("; "), parts);
}
