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
        // Most capability text is plain ASCII, which needs no Unicode decomposition and has no
        // marks to drop: one pass over the characters (the scorer folds 200 candidates per match).
        if (Ascii.IsValid(text)) return string.Create(text.Length, text, FoldAscii);
        var normalized = text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(normalized.Length);
        foreach (var ch in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }
        return sb.ToString();
    }

    private static void FoldAscii(Span<char> target, string source)
    {
        for (var i = 0; i < source.Length; i++)
        {
            var ch = source[i];
            target[i] = char.IsAsciiLetterUpper(ch) ? (char)(ch + ('a' - 'A')) : char.IsAsciiLetterOrDigit(ch) ? ch : ' ';
        }
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

    /// <summary>A keyword folded and stemmed once, to be tested against many suppliers' text.</summary>
    public sealed class Phrase(string text)
    {
        public string Text { get; } = text;
        internal string Folded { get; } = string.Join(' ', Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        internal string[] Words { get; } = Tokens(text).ToArray();
    }

    /// <summary>A supplier's searchable text, prepared once and reused for every keyword.</summary>
    public sealed class Haystack
    {
        private readonly string _folded;
        private HashSet<string>? _tokens;

        public Haystack(IEnumerable<string> texts)
        {
            // Fold once into " word word ... " (single spaces); the phrase test reads it directly and
            // the stemmed word set is built from it only when some phrase does not occur whole.
            _folded = SingleSpaced(Fold(string.Join(" | ", texts)));
        }

        /// <summary>1 when the phrase occurs; otherwise the share of its words that occur.</summary>
        public double Coverage(Phrase phrase)
        {
            if (phrase.Folded.Length == 0) return 0;
            if (_folded.Contains(phrase.Folded, StringComparison.Ordinal)) return 1;
            if (phrase.Words.Length == 0) return 0;
            var tokens = _tokens ??= WordSet(_folded);
            return phrase.Words.Count(tokens.Contains) / (double)phrase.Words.Length;
        }

        private static string SingleSpaced(string folded)
        {
            var sb = new StringBuilder(folded.Length + 2).Append(' ');
            var space = true;
            foreach (var ch in folded)
            {
                if (ch == ' ' && space) continue;
                sb.Append(ch);
                space = ch == ' ';
            }
            if (!space) sb.Append(' ');
            return sb.ToString();
        }

        private static HashSet<string> WordSet(string folded)
        {
            var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var set = new HashSet<string>(words.Length, StringComparer.Ordinal);
            foreach (var word in words) set.Add(Stem(word));
            return set;
        }
    }
}
