using GvcMatch.Matching;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.FSDirectory;

namespace GvcMatch.Benchmarks.Matching;

/// <summary>
/// The baseline: the same filters and text clauses as matching's stage one, written against the
/// Lucene API directly on the same index folder, with no scoring, payloads or DTOs around it.
/// Field names follow the index layout (<c>kw.*</c> keywords, <c>num.*</c> numbers).
/// </summary>
public sealed class RawLuceneQuery : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly DirectoryReader _reader;
    private readonly Analyzer _analyzer;
    private readonly Dictionary<Filter, Filter> _cached = [];

    public RawLuceneQuery(string indexFolder)
    {
        // The "current" file names the live generation folder, as LuceneSearchIndex writes it.
        var generation = File.ReadAllText(Path.Combine(indexFolder, "current")).Trim();
        _reader = DirectoryReader.Open(LuceneDirectory.Open(Path.Combine(indexFolder, generation)));
        Searcher = new IndexSearcher(_reader);
        // The index's folding, stemming chain for title and body.
        _analyzer = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream chain = new LowerCaseFilter(Version, source);
            chain = new ASCIIFoldingFilter(chain, preserveOriginal: false);
            chain = new StopFilter(Version, chain, StopAnalyzer.ENGLISH_STOP_WORDS_SET);
            chain = new PorterStemFilter(chain);
            return new TokenStreamComponents(source, chain);
        });
    }

    public IndexSearcher Searcher { get; }

    public (Query Text, Filter Filter) Build(IReadOnlyList<Criterion> criteria)
    {
        var filter = new BooleanQuery { { new TermQuery(new Term("kind", "Supplier")), Occur.MUST } };
        foreach (var c in criteria.Where(c => c.Mandatory))
        {
            switch (c.Kind)
            {
                case CriterionKind.CertificationHeld:
                    filter.Add(new TermQuery(new Term("kw.certification", c.Standard)), Occur.MUST);
                    break;
                case CriterionKind.LocationIn:
                    var any = new BooleanQuery();
                    foreach (var country in c.Countries!) any.Add(new TermQuery(new Term("kw.country", country)), Occur.SHOULD);
                    filter.Add(any, Occur.MUST);
                    break;
                case CriterionKind.CapacityAtLeast:
                    filter.Add(NumericRangeQuery.NewDoubleRange("num.monthlyCapacity", (double)c.Minimum!, null, true, true), Occur.MUST);
                    break;
                case CriterionKind.LeadTimeAtMost:
                    filter.Add(NumericRangeQuery.NewDoubleRange("num.leadTimeDays", null, c.Days, true, true), Occur.MUST);
                    break;
            }
        }
        var text = new BooleanQuery();
        var words = criteria.Where(c => c.Kind == CriterionKind.CapabilityFit).SelectMany(c => c.Keywords ?? [])
            .SelectMany(k => k.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var token in words.SelectMany(Tokens).Distinct())
        {
            var best = new DisjunctionMaxQuery(0.1f)
            {
                new TermQuery(new Term("title", token)) { Boost = 3f },
                new TermQuery(new Term("body", token)),
            };
            text.Add(best, Occur.SHOULD);
        }
        return (text.Clauses.Count == 0 ? new MatchAllDocsQuery() : text, new QueryWrapperFilter(filter));
    }

    public TopDocs Search(Query text, Filter filter, int top) => Searcher.Search(text, filter, top);

    /// <summary>
    /// The same filter cached per segment as a bit set, as Lucene offers it (<see cref="CachingWrapperFilter"/>
    /// with a random-access set): what a hand-written Lucene caller would do to match the app's filter cache.
    /// </summary>
    public Filter Cached(Filter filter)
    {
        lock (_cached)
        {
            if (!_cached.TryGetValue(filter, out var cached)) _cached[filter] = cached = new BitSetCachingFilter(filter);
            return cached;
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
    }

    private List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        using var stream = _analyzer.GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }
}

internal sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
{
    protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
    {
        var bits = new FixedBitSet(reader.MaxDoc);
        bits.Or(iterator);
        return bits;
    }
}
