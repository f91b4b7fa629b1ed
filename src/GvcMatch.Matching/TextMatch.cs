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
        for (var i = 0; i < source.Length; i++) target[i] = FoldAsciiChar(source[i]);
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

    /// <summary>
    /// A supplier's searchable text, prepared once and reused for every keyword. The matcher builds
    /// one per candidate (hundreds per request), so it holds one string, the folded text, and stems
    /// its words on the fly into a stack buffer when a phrase does not occur whole.
    /// </summary>
    public sealed class Haystack(IEnumerable<string> texts)
    {
        // Longer words are not stemmed in place; no capability word comes near this.
        private const int MaxWord = 64;

        // " word word ... " (lower-case, single spaces): the phrase test reads it directly.
        private readonly string _folded = FoldJoined(texts);

        /// <summary>1 when the phrase occurs; otherwise the share of its words that occur.</summary>
        public double Coverage(Phrase phrase)
        {
            if (phrase.Folded.Length == 0) return 0;
            if (_folded.Contains(phrase.Folded, StringComparison.Ordinal)) return 1;
            var words = phrase.Words;
            if (words.Length == 0) return 0;
            // One pass over the text's words, each stemmed once, ticking off the phrase's words.
            Span<bool> found = words.Length <= 32 ? stackalloc bool[words.Length] : new bool[words.Length];
            Span<char> buffer = stackalloc char[MaxWord];
            var count = 0;
            foreach (var range in _folded.AsSpan().Split(' '))
            {
                var word = _folded.AsSpan(range);
                if (word.IsEmpty) continue;
                scoped ReadOnlySpan<char> stem;
                if (word.Length <= MaxWord)
                {
                    word.CopyTo(buffer);
                    stem = buffer[..StemInPlace(buffer[..word.Length])];
                }
                else
                {
                    stem = Stem(word.ToString());
                }
                for (var i = 0; i < words.Length; i++)
                {
                    if (found[i] || !stem.SequenceEqual(words[i])) continue;
                    found[i] = true;
                    if (++count == words.Length) return 1;
                }
            }
            return count / (double)words.Length;
        }

        private static string FoldJoined(IEnumerable<string> texts)
        {
            var line = new CharLine(512);
            try
            {
                line.Append(' ');
                var space = true;
                foreach (var text in texts)
                {
                    // ASCII text is folded character by character here; other text goes through
                    // the full Unicode fold first (rare in capability lists, and already folded).
                    var ascii = Ascii.IsValid(text);
                    foreach (var raw in ascii ? text : Fold(text))
                    {
                        var ch = ascii ? FoldAsciiChar(raw) : raw;
                        if (ch == ' ')
                        {
                            if (!space) line.Append(' ');
                            space = true;
                            continue;
                        }
                        line.Append(ch);
                        space = false;
                    }
                    if (!space) line.Append(' ');
                    space = true;
                }
                return line.ToString();
            }
            finally
            {
                line.Dispose();
            }
        }
    }

    private static char FoldAsciiChar(char ch) =>
        char.IsAsciiLetterUpper(ch) ? (char)(ch + ('a' - 'A')) : char.IsAsciiLetterOrDigit(ch) ? ch : ' ';

    /// <summary>The same as <see cref="Stem"/> on a buffer: returns the stem's length.</summary>
    private static int StemInPlace(Span<char> token)
    {
        for (var i = 0; i + 1 < token.Length; i++)
        {
            if (token[i] == 'i' && token[i + 1] == 'z') token[++i] = 's';
        }
        if (token.Length <= 4) return token.Length;
        foreach (var suffix in Suffixes)
        {
            if (token.EndsWith(suffix) && token.Length - suffix.Length >= 3) return token.Length - suffix.Length;
        }
        return token.Length;
    }

    /// <summary>A growable character buffer on pooled arrays.</summary>
    private struct CharLine(int capacity) : IDisposable
    {
        private char[] _buffer = System.Buffers.ArrayPool<char>.Shared.Rent(capacity);
        private int _length;

        public void Append(char ch)
        {
            if (_length == _buffer.Length) Grow();
            _buffer[_length++] = ch;
        }

        public override readonly string ToString() => new(_buffer, 0, _length);

        public void Dispose() => System.Buffers.ArrayPool<char>.Shared.Return(_buffer);

        private void Grow()
        {
            var bigger = System.Buffers.ArrayPool<char>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            System.Buffers.ArrayPool<char>.Shared.Return(_buffer);
            _buffer = bigger;
        }
    }
}
