using System.Globalization;
using System.Text;

namespace GvcMatch.Matching.Understanding;

/// <summary>
/// Finds vocabulary labels in text. Alphabetic labels match as whole analysed words in sequence
/// (the same stems the keyword index uses); labels in Han, Kana or Hangul, which are written
/// without spaces, match as runs of characters after width and case folding. Where two labels
/// overlap, the longer one wins: "powder coating" is one concept, not "powder" and "coating".
/// </summary>
internal sealed class LabelIndex
{
    /// <param name="Base">For a one-word label, the word a text's word must begin with ("generator" for "generators"), else null.</param>
    private sealed record WordLabel(string[] Stems, string Folded, string? Base, string ConceptId, string Language);
    private sealed record CharLabel(string Text, string ConceptId, string Language);
    private sealed record Listed(string Folded, string Label, string ConceptId, string Language, bool Preferred);

    private readonly Dictionary<string, List<WordLabel>> _byFirstStem = new(StringComparer.Ordinal);
    private readonly List<CharLabel> _charLabels = [];
    private readonly List<Listed> _listed = [];

    public LabelIndex(IEnumerable<Concept> concepts)
    {
        foreach (var c in concepts)
        {
            foreach (var (language, labels) in c.Labels)
            {
                for (var i = 0; i < labels.Count; i++)
                {
                    var label = labels[i];
                    _listed.Add(new Listed(FoldForPrefix(label), label, c.Id, language, i == 0));
                    if (HasCjk(label))
                    {
                        var chars = FoldChars(label);
                        // A single ideograph names too many things to be evidence of a capability.
                        if (chars.Length >= 2) _charLabels.Add(new CharLabel(chars, c.Id, language));
                        continue;
                    }
                    var stems = Words.Stems(label);
                    var folded = FoldForPrefix(label);
                    var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    // "IT services" without the stop word "it" would be any "services": such a label says too little.
                    if (stems.Length == 0 || (stems.Length == 1 && words.Length > 1)) continue;
                    if (!_byFirstStem.TryGetValue(stems[0], out var list)) _byFirstStem[stems[0]] = list = [];
                    list.Add(new WordLabel(stems, folded, words.Length == 1 ? WordBase(words[0]) : null, c.Id, language));
                }
            }
        }
        foreach (var list in _byFirstStem.Values) list.Sort((a, b) => b.Stems.Length.CompareTo(a.Stems.Length));
        _charLabels.Sort((a, b) => b.Text.Length.CompareTo(a.Text.Length));
    }

    public IReadOnlyList<ConceptMention> Tag(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var mentions = new List<ConceptMention>();
        TagWords(text, mentions);
        if (_charLabels.Count > 0 && HasCjk(text)) TagChars(text, mentions);
        // In the order the text names them (List.Sort is not stable; OrderBy is).
        return mentions.OrderBy(m => m.Start).ToList();
    }

    private void TagWords(string text, List<ConceptMention> mentions)
    {
        var words = Words.Analyze(text);
        for (var i = 0; i < words.Count;)
        {
            var matched = 0;
            if (_byFirstStem.TryGetValue(words[i].Stem, out var candidates))
            {
                WordLabel? chosen = null;
                string? surface = null;
                foreach (var label in candidates)
                {
                    if (chosen is not null && label.Stems.Length < chosen.Stems.Length) break;
                    if (!Continues(text, words, i, label.Stems)) continue;
                    // One word alone must be a form of the label's word, not just share a stem with it:
                    // Porter makes "general" and "generators" one stem, and "passives" and "passivation".
                    if (label.Base is { } stem && !IsFormOf(FoldForPrefix(text[words[i].Start..words[i].End]), stem, label.Folded)) continue;
                    var last = words[i + label.Stems.Length - 1];
                    surface ??= text[words[i].Start..last.End];
                    // Labels that stem alike ("injection moulds", "injection moulding"): the one written as the text is wins.
                    if (chosen is null || label.Folded == FoldForPrefix(surface)) chosen = label;
                    if (label.Folded == FoldForPrefix(surface)) break;
                }
                if (chosen is not null)
                {
                    var last = words[i + chosen.Stems.Length - 1];
                    mentions.Add(new ConceptMention(chosen.ConceptId, surface!, chosen.Language, words[i].Start, last.End - words[i].Start));
                    matched = chosen.Stems.Length;
                }
            }
            i += Math.Max(1, matched);
        }
    }

    /// <summary>Whether the label's stems follow from word <paramref name="at"/> on, within one phrase (no comma or line break between them).</summary>
    private static bool Continues(string text, List<Word> words, int at, string[] stems)
    {
        if (at + stems.Length > words.Count) return false;
        for (var k = 0; k < stems.Length; k++)
        {
            if (!string.Equals(words[at + k].Stem, stems[k], StringComparison.Ordinal)) return false;
            if (k > 0 && text.AsSpan(words[at + k - 1].End, words[at + k].Start - words[at + k - 1].End).IndexOfAny(PhraseBreaks) >= 0) return false;
        }
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> PhraseBreaks = System.Buffers.SearchValues.Create(",;|\n\r.:()[]、。・，");

    private void TagChars(string text, List<ConceptMention> mentions)
    {
        var folded = FoldChars(text);
        var taken = new bool[folded.Length];
        foreach (var label in _charLabels)
        {
            for (var at = folded.IndexOf(label.Text, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(label.Text, at + 1, StringComparison.Ordinal))
            {
                if (taken.AsSpan(at, label.Text.Length).Contains(true)) continue;
                taken.AsSpan(at, label.Text.Length).Fill(true);
                // Folding keeps the length of Han and Kana text, so the words are quoted as the text wrote them.
                var said = folded.Length == text.Length ? text.Substring(at, label.Text.Length) : folded.Substring(at, label.Text.Length);
                mentions.Add(new ConceptMention(label.ConceptId, said, label.Language, at, label.Text.Length));
            }
        }
    }

    public IReadOnlyList<(Concept, string)> Suggest(string typed, string language, int max, IReadOnlyDictionary<string, Concept> byId)
    {
        var prefix = FoldForPrefix(typed);
        if (prefix.Length == 0 || max <= 0) return [];
        return _listed
            .Where(l => l.Folded.StartsWith(prefix, StringComparison.Ordinal) || l.Folded.Contains(" " + prefix, StringComparison.Ordinal))
            .OrderByDescending(l => l.Language == language)
            .ThenByDescending(l => l.Folded.StartsWith(prefix, StringComparison.Ordinal))
            .ThenByDescending(l => l.Preferred)
            .ThenBy(l => l.Label.Length)
            .ThenBy(l => l.Label, StringComparer.Ordinal)
            .DistinctBy(l => l.ConceptId)
            .Take(max)
            .Select(l => (byId[l.ConceptId], l.Language == language ? l.Label : byId[l.ConceptId].PreferredLabel(language)))
            .ToList();
    }

    private static readonly string[] Endings = ["ings", "ing", "es", "ed", "s"];

    /// <summary>"milled" is a form of "milling"; "fabrication" is not one of "fabrics", though Porter stems both "fabric".</summary>
    private static bool IsFormOf(string word, string stem, string label) =>
        word.StartsWith(stem, StringComparison.Ordinal) && word.Length <= label.Length + 3;

    /// <summary>A word without its plural or verb ending: the beginning every form of it shares.</summary>
    private static string WordBase(string word)
    {
        foreach (var suffix in Endings)
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal)) return word[..^suffix.Length];
        }
        return word;
    }

    /// <summary>Full-width and half-width forms joined (NFKC) and lower-cased; lengths of CJK text are kept.</summary>
    internal static string FoldChars(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    private static string FoldForPrefix(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Normalize(NormalizationForm.FormKC);
    }

    /// <summary>True when the text holds Han, Hiragana, Katakana or Hangul.</summary>
    public static bool HasCjk(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF'
                or >= '\uAC00' and <= '\uD7AF' or >= '\uFF66' and <= '\uFF9F') return true;
        }
        return false;
    }
}
