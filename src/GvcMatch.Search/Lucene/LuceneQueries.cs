using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GvcMatch.Search.Lucene;

/// <summary>
/// Turns a <see cref="SearchQuery"/> into Lucene queries. Every word and phrase of the user text is
/// required (AND) unless the query asks for any term, as people expect from a marketplace search
/// box. Each is matched in title or body, in the folded/stemmed field and, for CJK text, in the
/// bigram field, taking the best field's score.
/// Filters never score: they are applied as a <see cref="Filter"/> so they narrow without reordering.
/// Their clauses are cached as bit sets (<see cref="FilterCache"/>).
/// </summary>
internal sealed class LuceneQueries(Analyzer analyzer, FilterCache filters)
{
    private const float TitleBoost = 3f;
    private const float TieBreaker = 0.1f;

    /// <summary>
    /// Every part required by default; with <paramref name="anyTerm"/> (matching) any part may match
    /// and BM25's sum ranks documents holding more of them higher. Exclusions apply either way.
    /// The query is for <paramref name="searcher"/>'s reader only: field queries for words it does not hold are left out.
    /// </summary>
    public Query Text(QueryText text, bool anyTerm, IndexSearcher searcher)
    {
        if (text.IsEmpty) return new MatchAllDocsQuery();
        var query = new BooleanQuery();
        foreach (var part in text.Terms.Concat(text.Phrases))
        {
            // A part made only of stop words ("the") adds nothing; an all-stop-word query matches
            // nothing, the same as a search engine's default for a query with no searchable terms.
            if (Part(part, searcher) is { } clause) query.Add(clause, anyTerm ? Occur.SHOULD : Occur.MUST);
        }
        if (query.Clauses.Count == 0) return new BooleanQuery();
        foreach (var part in text.Excluded)
        {
            if (Part(part, searcher) is { } clause) query.Add(clause, Occur.MUST_NOT);
        }
        return query;
    }

    /// <summary>
    /// Documents holding any of the values, scored by how many: each value is a constant-score
    /// clause worth 1, and BM25 (unlike classic TF-IDF) neither normalises nor coordinates the
    /// sum, so the score is exactly the count, as Elasticsearch's sum of constant scores is.
    /// </summary>
    public static Query TermsCount(KeywordFilter terms)
    {
        var field = LuceneFields.Keyword(terms.Field);
        var query = new BooleanQuery(disableCoord: true);
        foreach (var value in terms.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            query.Add(new ConstantScoreQuery(new TermQuery(new Term(field, value))) { Boost = 1f }, Occur.SHOULD);
        return query;
    }

    /// <summary>The kind, keyword and range conditions as one non-scoring filter of cached clauses.</summary>
    public Filter Filter(SearchQuery query) => filters.All(FilterClauses(query));

    /// <summary>
    /// One clause per condition, values in a fixed order, so that requirements sharing a condition
    /// (the same certificate, the same region) share its cached bit set.
    /// </summary>
    public static List<Query> FilterClauses(SearchQuery query)
    {
        var clauses = new List<Query> { new TermQuery(new Term(LuceneFields.Kind, query.Kind.ToString())) };
        foreach (var filter in query.Filters)
        {
            var field = LuceneFields.Keyword(filter.Field);
            var values = filter.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            // An empty value list filters nothing out rather than everything: the caller asked for no condition.
            if (values.Count == 0) continue;
            if (filter.MatchAll)
            {
                clauses.AddRange(values.Select(value => new TermQuery(new Term(field, value))));
                continue;
            }
            var any = new BooleanQuery();
            foreach (var value in values) any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
            clauses.Add(any);
        }
        foreach (var range in query.Ranges.Where(r => r.Min is not null || r.Max is not null))
            clauses.Add(NumericRangeQuery.NewDoubleRange(LuceneFields.Number(range.Field), range.Min, range.Max, true, true));
        return clauses;
    }

    public static Sort Sort(SearchQuery query)
    {
        var tieBreak = new SortField(LuceneFields.EntityId, SortFieldType.INT64);
        if (query.Sort is not { } by) return new Sort(SortField.FIELD_SCORE, tieBreak);
        // Documents without the field go last in both directions, as Elasticsearch does by default.
        var field = new SortField(LuceneFields.Number(by.Field), SortFieldType.DOUBLE, by.Descending);
        field.SetMissingValue(by.Descending ? double.NegativeInfinity : double.PositiveInfinity);
        return new Sort(field, tieBreak);
    }

    private Query? Part(string part, IndexSearcher searcher)
    {
        var fields = new List<(Query Query, bool CanMatch)>(4);
        AddField(fields, searcher, LuceneFields.Title, part, TitleBoost);
        AddField(fields, searcher, LuceneFields.Body, part, 1f);
        if (LuceneAnalysis.HasCjk(part))
        {
            AddField(fields, searcher, LuceneFields.TitleCjk, part, TitleBoost);
            AddField(fields, searcher, LuceneFields.BodyCjk, part, 1f);
        }
        if (fields.Count == 0) return null;
        // A field query for a word no document holds scores nothing, so dropping it changes no
        // score; with one field left the best-field wrapper is dropped too (its score would be that
        // field's). Capability words are rarely in titles, and this saves a scorer per word in matching.
        var matching = fields.Where(f => f.CanMatch).Select(f => f.Query).ToList();
        if (matching.Count == 1) return matching[0];
        var best = new DisjunctionMaxQuery(TieBreaker);
        // Nothing can match: keep the full query, which matches nothing (a required part still must).
        foreach (var field in matching.Count == 0 ? fields.Select(f => f.Query) : matching) best.Add(field);
        return best;
    }

    /// <summary>One token becomes a term query, several (a phrase, "5-axis", Japanese text) a phrase query.</summary>
    private void AddField(List<(Query, bool)> target, IndexSearcher searcher, string field, string text, float boost)
    {
        var tokens = LuceneAnalysis.Tokens(analyzer, field, text);
        if (tokens.Count == 0) return;
        Query query;
        bool canMatch;
        if (tokens.Count == 1)
        {
            var term = new Term(field, tokens[0].Term);
            // The term's per-segment state, looked up once here (or kept by the searcher from an
            // earlier query) and reused when the query is scored.
            var states = StatesOf(searcher, term);
            query = new TermQuery(term, states);
            canMatch = states.DocFreq > 0;
        }
        else
        {
            var phrase = new PhraseQuery();
            foreach (var (term, position) in tokens) phrase.Add(new Term(field, term), position);
            query = phrase;
            canMatch = phrase.GetTerms().All(t => StatesOf(searcher, t).DocFreq > 0);
        }
        query.Boost = boost;
        target.Add((query, canMatch));
    }

    private static TermContext StatesOf(IndexSearcher searcher, Term term) =>
        searcher is CachingSearcher caching ? caching.StatesOf(term) : TermContext.Build(searcher.IndexReader.Context, term);
}
