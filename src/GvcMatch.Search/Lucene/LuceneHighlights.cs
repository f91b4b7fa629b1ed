using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace GvcMatch.Search.Lucene;

/// <summary>
/// Body snippets with &lt;mark&gt; around the words that matched. The encoder HTML-encodes all
/// other text, so markup stored in a document is shown as text and can never reach the page as HTML.
/// </summary>
internal sealed class LuceneHighlights(Analyzer analyzer, Query query)
{
    private const int MaxSnippets = 2;
    private const int SnippetChars = 160;

    private readonly Highlighter _highlighter = Create(query);

    public IReadOnlyList<string> For(string body)
    {
        if (body.Length == 0) return [];
        using var tokens = analyzer.GetTokenStream(LuceneFields.Body, body);
        return _highlighter.GetBestFragments(tokens, body, MaxSnippets)
            .Where(f => !string.IsNullOrWhiteSpace(f))
            // Japanese is matched character by character in this field; join the adjacent marks.
            .Select(f => f.Replace("</mark><mark>", "", StringComparison.Ordinal).Trim())
            .ToList();
    }

    private static Highlighter Create(Query query)
    {
        var scorer = new QueryScorer(query, LuceneFields.Body);
        return new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new MarkupEncoder(), scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, SnippetChars),
        };
    }

    /// <summary>
    /// Encodes only the characters that carry meaning in HTML. Lucene's SimpleHTMLEncoder also turns
    /// every non-ASCII letter into a numeric entity, which makes Spanish and Japanese snippets unreadable
    /// in JSON and several times longer.
    /// </summary>
    private sealed class MarkupEncoder : IEncoder
    {
        public string EncodeText(string originalText)
        {
            if (originalText.AsSpan().IndexOfAny("&<>\"'") < 0) return originalText;
            var builder = new StringBuilder(originalText.Length + 16);
            foreach (var c in originalText)
            {
                _ = c switch
                {
                    '&' => builder.Append("&amp;"),
                    '<' => builder.Append("&lt;"),
                    '>' => builder.Append("&gt;"),
                    '"' => builder.Append("&quot;"),
                    '\'' => builder.Append("&#39;"),
                    _ => builder.Append(c),
                };
            }
            return builder.ToString();
        }
    }
}
