using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GvcMatch.Search.Lucene;

/// <summary>
/// A searcher that remembers, for its one point-in-time reader, each term's per-segment state and
/// each field's statistics. Matching asks for the same capability words again and again, and
/// looking a term up walks every segment's terms dictionary (and allocates a terms enumerator
/// per segment); with the state kept, a repeated word costs a dictionary lookup. The caches live
/// and die with the searcher, so a refreshed reader starts clean and nothing can go stale.
/// </summary>
internal sealed class CachingSearcher(IndexReader reader) : IndexSearcher(reader)
{
    /// <summary>Enough for every word of every open requirement; beyond it new words are not kept.</summary>
    private const int MaxTerms = 20_000;

    private readonly ConcurrentDictionary<Term, TermContext> _terms = new();
    private readonly ConcurrentDictionary<string, CollectionStatistics> _fields = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Text, bool AnyTerm), Query> _texts = new();

    /// <summary>
    /// The text query for <paramref name="text"/>, built once per reader: a requirement's words are
    /// asked for at every match, and building means analysing each word for title and body and
    /// looking its terms up. Queries are not changed by searching, so one serves concurrent searches.
    /// </summary>
    public Query TextQuery(string text, bool anyTerm, Func<Query> build)
    {
        if (_texts.TryGetValue((text, anyTerm), out var known)) return known;
        var query = build();
        if (_texts.Count < MaxTerms) _texts.TryAdd((text, anyTerm), query);
        return query;
    }

    public TermContext StatesOf(Term term)
    {
        if (_terms.TryGetValue(term, out var known)) return known;
        var states = TermContext.Build(IndexReader.Context, term);
        if (_terms.Count < MaxTerms) _terms.TryAdd(term, states);
        return states;
    }

    public override CollectionStatistics CollectionStatistics(string field) =>
        _fields.GetOrAdd(field, f => base.CollectionStatistics(f));
}
