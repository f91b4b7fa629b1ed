using Lucene.Net.Search;

namespace GvcMatch.Search.Lucene;

/// <summary>Query execution: one pass collects the page, the total and the facet counts.</summary>
public sealed partial class LuceneSearchIndex
{
    public Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken ct = default)
    {
        SearchSchema.Validate(query);
        ct.ThrowIfCancellationRequested();
        var text = QueryText.Parse(query.Text);
        return Task.FromResult(WithSearcher(searcher => Search(searcher, query, text)));
    }

    private SearchResult Search(IndexSearcher searcher, SearchQuery query, QueryText text)
    {
        if (query.Vector is not null) return SearchVector(searcher, query);
        // Facets are counted by a collector, so a terms count that asks for them runs as a query.
        if (query.RankByTerms is { Values.Count: > 0 and <= ushort.MaxValue } counted && query.Facets.Count == 0)
            return SearchTermsCount(searcher, query, counted);
        var textQuery = query.RankByTerms is { } terms ? LuceneQueries.TermsCount(terms)
            : searcher is CachingSearcher caching && query.Text is { } words ? caching.TextQuery(words, query.AnyTerm, () => _queries.Text(text, query.AnyTerm, searcher))
            : _queries.Text(text, query.AnyTerm, searcher);
        // Lucene refuses a page of zero; a count-only query still needs one slot.
        var top = TopFieldCollector.Create(LuceneQueries.Sort(query), Math.Max(1, query.Skip + query.Take),
            fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        var facets = query.Facets.Count > 0 ? new FacetCollector(query.Facets.Distinct().ToList()) : null;
        searcher.Search(textQuery, _queries.Filter(query), facets is null ? top : MultiCollector.Wrap(top, facets));

        var highlights = query.Highlight && !text.IsEmpty ? new LuceneHighlights(_analyzer, textQuery) : null;
        var reader = new HitReader(searcher);
        var hits = new List<SearchHit>();
        foreach (var scoreDoc in top.GetTopDocs(query.Skip, query.Take).ScoreDocs)
        {
            var score = float.IsNaN(scoreDoc.Score) ? 0 : scoreDoc.Score;
            hits.Add(query.IdsOnly ? reader.IdHit(query.Kind, scoreDoc.Doc, score) : reader.Hit(query.Kind, scoreDoc.Doc, score, highlights?.For(reader.Body(scoreDoc.Doc)) ?? []));
        }
        return new SearchResult(top.TotalHits, hits, facets?.Result() ?? new Dictionary<string, IReadOnlyList<FacetValue>>());
    }
}
