namespace GvcMatch.Search;

/// <summary>
/// The user query syntax, parsed once here so every provider accepts and refuses the same
/// input: plain words, "quoted phrases", and a leading minus to exclude a word or phrase.
/// Everything else (operators, wildcards, field prefixes) is treated as text, never as syntax.
/// </summary>
public sealed record QueryText(IReadOnlyList<string> Terms, IReadOnlyList<string> Phrases, IReadOnlyList<string> Excluded)
{
    public const int MaxLength = 500;
    public const int MaxParts = 32;

    public bool IsEmpty => Terms.Count == 0 && Phrases.Count == 0;

    public static QueryText Parse(string? text)
    {
        var terms = new List<string>();
        var phrases = new List<string>();
        var excluded = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return new QueryText(terms, phrases, excluded);
        if (text.Length > MaxLength) throw new SearchQueryException("q", $"The query is longer than {MaxLength} characters.");
        if (text.Count(c => c == '"') % 2 != 0)
            throw new SearchQueryException("q", $"Unbalanced quote at position {text.LastIndexOf('"') + 1}: close the phrase with another \".");

        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            var negate = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            if (negate) i++;
            string part;
            var isPhrase = text[i] == '"';
            if (isPhrase)
            {
                var end = text.IndexOf('"', i + 1);
                part = text[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                var end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '"') end++;
                part = text[i..end];
                i = end;
            }
            part = Clean(part);
            if (part.Length == 0) continue;
            (negate ? excluded : isPhrase && part.Contains(' ') ? phrases : terms).Add(part);
        }
        if (terms.Count + phrases.Count + excluded.Count > MaxParts)
            throw new SearchQueryException("q", $"The query has more than {MaxParts} words and phrases.");
        if (terms.Count == 0 && phrases.Count == 0 && excluded.Count > 0)
            throw new SearchQueryException("q", "A query cannot only exclude: add a word to search for.");
        return new QueryText(terms, phrases, excluded);
    }

    /// <summary>Keeps letters, digits and inner punctuation that codes use (ISO/IEC 17025, 5-axis).</summary>
    private static string Clean(string part)
    {
        var chars = part.Select(c => char.IsLetterOrDigit(c) || c is '-' or '/' or '.' or ' ' ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('-', '/', '.');
    }
}
