using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace GvcMatch.Matching.Understanding;

/// <summary>A word as the analyser leaves it (lower-cased, accents folded, Porter-stemmed) and where it stood in the text.</summary>
public readonly record struct Word(string Stem, int Start, int End);

/// <summary>
/// The one analysis chain for words: the keyword index uses it for its text fields and the
/// scorer uses it to compare a buyer's keywords with a supplier's text, so both stages agree on
/// what a word is ("machined" = "machining", "fundición" = "fundicion") and nothing matches
/// inside another word ("cast" is not in "broadcast").
/// </summary>
public static class Words
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Analyzer reuses its token stream per thread, so one instance serves every caller.
    private static readonly Analyzer Shared = CreateAnalyzer();

    public static Analyzer CreateAnalyzer() => Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream chain = new LowerCaseFilter(Version, source);
        chain = new ASCIIFoldingFilter(chain, preserveOriginal: false);
        chain = new SpellingFilter(chain);
        // Stop words matter because search requires every query word: "machining of aluminium"
        // must not demand the word "of" in the document.
        chain = new StopFilter(Version, chain, StopAnalyzer.ENGLISH_STOP_WORDS_SET);
        chain = new PorterStemFilter(chain);
        return new TokenStreamComponents(source, chain);
    });

    /// <summary>The analysed words of <paramref name="text"/> with their character offsets.</summary>
    public static List<Word> Analyze(string? text)
    {
        var words = new List<Word>();
        if (string.IsNullOrWhiteSpace(text)) return words;
        using var stream = Shared.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) words.Add(new Word(term.ToString(), offset.StartOffset, offset.EndOffset));
        stream.End();
        return words;
    }

    /// <summary>The stems only, e.g. for a phrase to look for.</summary>
    public static string[] Stems(string? text) => Analyze(text).Select(w => w.Stem).ToArray();
}
