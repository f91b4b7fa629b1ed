using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace GvcMatch.Search.Lucene;

/// <summary>
/// Text analysis for the multilingual catalogue. Title and body are indexed twice: once with a
/// folding, stemming chain for alphabetic languages ("fundición" = "fundicion", "machined" =
/// "machining") and once with CJK bigrams, because StandardTokenizer cuts Japanese and Chinese into
/// single characters, which rank poorly; bigrams make "精密切削" a precise phrase of three pairs.
/// </summary>
internal static class LuceneAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Routes each field to its chain; fields not named here are not analysed at all.</summary>
    public static Analyzer Create() => new PerFieldAnalyzerWrapper(
        TextAnalyzer(),
        new Dictionary<string, Analyzer>
        {
            [LuceneFields.TitleCjk] = CjkAnalyzer(),
            [LuceneFields.BodyCjk] = CjkAnalyzer(),
        });

    /// <summary>The scorer's own word analysis (<see cref="GvcMatch.Matching.Understanding.Words"/>): one stemmer for both stages.</summary>
    public static Analyzer TextAnalyzer() => GvcMatch.Matching.Understanding.Words.CreateAnalyzer();

    public static Analyzer CjkAnalyzer() => Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream chain = new CJKWidthFilter(source);
        chain = new LowerCaseFilter(Version, chain);
        chain = new CJKBigramFilter(chain);
        return new TokenStreamComponents(source, chain);
    });

    /// <summary>Analyses <paramref name="text"/> for <paramref name="field"/>, keeping each token's position.</summary>
    public static List<(string Term, int Position)> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position));
        }
        stream.End();
        return tokens;
    }

    /// <summary>True when the text holds Han, Hiragana, Katakana or Hangul, the scripts the bigram field serves.</summary>
    public static bool HasCjk(string text) => text.Any(c =>
        c is >= '\u3040' and <= '\u30FF'    // Hiragana, Katakana
        or >= '\u3400' and <= '\u4DBF'      // CJK extension A
        or >= '\u4E00' and <= '\u9FFF'      // CJK unified ideographs
        or >= '\uAC00' and <= '\uD7AF'      // Hangul syllables
        or >= '\uFF66' and <= '\uFF9F');    // half-width Katakana
}
