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
    /// </summary>
    public Query Text(QueryText text, bool anyTerm)
    {
        if (text.IsEmpty) return new MatchAllDocsQuery();
        var query = new BooleanQuery();
        foreach (var part in text.Terms.Concat(text.Phrases))
        {
            // A part made only of stop words ("the") adds nothing; an all-stop-word query matches
            // nothing, the same as a search engine's default for a query with no searchable terms.
            if (Part(part) is { } clause) query.Add(clause, anyTerm ? Occur.SHOULD : Occur.MUST);
        }
        if (query.Clauses.Count == 0) return new BooleanQuery();
        foreach (var part in text.Excluded)
        {
            if (Part(part) is { } clause) query.Add(clause, Occur.MUST_NOT);
        }
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

    private Query? Part(string part)
    {
        var best = new DisjunctionMaxQuery(TieBreaker);
        AddField(best, LuceneFields.Title, part, TitleBoost);
        AddField(best, LuceneFields.Body, part, 1f);
        if (LuceneAnalysis.HasCjk(part))
        {
            AddField(best, LuceneFields.TitleCjk, part, TitleBoost);
            AddField(best, LuceneFields.BodyCjk, part, 1f);
        }
        return best.Disjuncts.Count == 0 ? null : best;
    }

    /// <summary>One token becomes a term query, several (a phrase, "5-axis", Japanese text) a phrase query.</summary>
    private void AddField(DisjunctionMaxQuery target, string field, string text, float boost)
    {
        var tokens = LuceneAnalysis.Tokens(analyzer, field, text);
        if (tokens.Count == 0) return;
        Query query;
        if (tokens.Count == 1)
        {
            query = new TermQuery(new Term(field, tokens[0].Term));
        }
        else
        {
            var phrase = new PhraseQuery();
            foreach (var (term, position) in tokens) phrase.Add(new Term(field, term), position);
            query = phrase;
        }
        query.Boost = boost;
        target.Add(query);
    }
}
