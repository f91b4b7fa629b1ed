using System.Globalization;
using System.Text;

namespace GvcMatch.Matching;

/// <summary>
/// Light, language-tolerant text comparison for capability keywords: case and accents folded,
/// British and American spellings joined ("anodizing" = "anodising"), common English endings
/// stripped ("machined" = "machining"), and a plain substring test so that text without spaces
/// (Japanese, Chinese) still matches.
/// </summary>
public static class TextMatch
{
    public static string Fold(string text)
    {
        // Most capability text is plain ASCII, which needs no Unicode decomposition.
        var normalized = Ascii.IsValid(text) ? text : text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(normalized.Length);
        foreach (var ch in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }
        return sb.ToString();
    }

    public static IEnumerable<string> Tokens(string text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Stem);

    public static string Stem(string token)
    {
        token = token.Replace("iz", "is", StringComparison.Ordinal);
        if (token.Length <= 4) return token;
        foreach (var suffix in Suffixes)
        {
            if (token.EndsWith(suffix, StringComparison.Ordinal) && token.Length - suffix.Length >= 3)
                return token[..^suffix.Length];
        }
        return token;
    }

    private static readonly string[] Suffixes = ["ations", "ation", "ings", "ing", "ers", "er", "ed", "es", "e", "s"];

    /// <summary>A supplier's searchable text, prepared once and reused for every keyword.</summary>
    public sealed class Haystack
    {
        private readonly string _folded;
        private readonly HashSet<string> _tokens;

        public Haystack(IEnumerable<string> texts)
        {
            // Fold once; the phrase test and the word set both come from the folded words.
            var words = Fold(string.Join(" | ", texts)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            _folded = " " + string.Join(' ', words) + " ";
            _tokens = new HashSet<string>(words.Length, StringComparer.Ordinal);
            foreach (var word in words) _tokens.Add(Stem(word));
        }

        /// <summary>1 when the phrase occurs; otherwise the share of its words that occur.</summary>
        public double Coverage(string phrase)
        {
            var folded = string.Join(' ', Fold(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (folded.Length == 0) return 0;
            if (_folded.Contains(folded, StringComparison.Ordinal)) return 1;
            var words = Tokens(phrase).ToList();
            if (words.Count == 0) return 0;
            return words.Count(_tokens.Contains) / (double)words.Count;
        }
    }
}
