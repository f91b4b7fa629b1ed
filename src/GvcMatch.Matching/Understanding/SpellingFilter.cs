using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GvcMatch.Matching.Understanding;

/// <summary>
/// Joins British and American spellings before stemming, so "anodizing" and "anodising",
/// "aluminum" and "aluminium", "molding" and "moulding" are one word for the index and the scorer
/// alike. The Elasticsearch mapping (index-mappings.json) applies the same rules as pattern filters.
/// </summary>
public sealed class SpellingFilter : TokenFilter
{
    /// <summary>Word beginnings rewritten to one spelling ("moldings" → "mouldings").</summary>
    public static readonly IReadOnlyList<(string American, string British)> Prefixes =
    [
        ("aluminum", "aluminium"), ("mold", "mould"), ("color", "colour"), ("fiber", "fibre"), ("center", "centre"),
        ("meter", "metre"), ("liter", "litre"), ("gray", "grey"), ("sulfur", "sulphur"), ("defense", "defence"),
    ];

    private readonly ICharTermAttribute _term;

    public SpellingFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override sealed bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var text = _term.ToString();
        foreach (var (american, british) in Prefixes)
        {
            if (!text.StartsWith(american, StringComparison.Ordinal)) continue;
            text = british + text[american.Length..];
            break;
        }
        // -ize/-yze and their forms become -ise/-yse: "anodizing" = "anodising", "analyzed" = "analysed".
        var chars = text.ToCharArray();
        for (var i = 1; i + 1 < chars.Length; i++)
        {
            if (chars[i] == 'z' && (chars[i - 1] is 'i' or 'y') && (chars[i + 1] is 'e' or 'i' or 'a')) chars[i] = 's';
        }
        _term.SetEmpty().Append(new string(chars));
        return true;
    }
}
