using System.Globalization;
using System.Text.RegularExpressions;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;

namespace GvcMatch.Search.Elasticsearch;

/// <summary>
/// Translates a <see cref="SearchQuery"/> into a search request and the response back into a
/// <see cref="SearchResult"/>. Pure functions, so the request bodies can be checked without a server.
/// </summary>
internal static partial class ElasticsearchQuery
{
    public const int FacetSize = 50;
    public const string MarkOpen = "<mark>";
    public const string MarkClose = "</mark>";

    // The same weights as the Lucene provider, so both rank the shared catalogue alike.
    public const double TieBreaker = 0.1;

    private static readonly string[] TextFields = ["title^3", "body"];

    // The bigram sub-fields only join in for CJK text, where the standard tokenizer would split
    // every ideograph into its own token; for other scripts they would only blur the scores.
    private static readonly string[] CjkFields = ["title.cjk^3", "body.cjk"];
    private static readonly string[] HighlightFields = ["body", "body.cjk"];

    public static SearchRequest Build(SearchQuery query, string index)
    {
        SearchSchema.Validate(query);
        if (query.Vector is not null) return BuildVector(query, index);
        var text = QueryText.Parse(query.Text);
        return new SearchRequest(index)
        {
            Query = BuildQuery(query, text),
            From = query.Skip,
            Size = query.Take,
            TrackTotalHits = true,
            Sort = BuildSort(query.Sort),
            Aggregations = query.Facets.Count == 0 ? null : query.Facets.Distinct().ToDictionary(
                f => f,
                f => (Aggregation)new TermsAggregation { Field = SourceFields.Keyword(f), Size = FacetSize }),
            Highlight = query.Highlight && !text.IsEmpty ? BuildHighlight() : null,
            Source = HitSource(query),
        };
    }

    /// <summary>
    /// The documents named by entity id, with their payloads: the second step after an ids-only
    /// search. An ids query on the document ids ("Supplier:7"), no scoring, as many as asked.
    /// </summary>
    public static SearchRequest BuildFetch(DocumentKind kind, IReadOnlyList<int> entityIds, string index) => new(index)
    {
        Query = new IdsQuery { Values = new Ids(entityIds.Distinct().Select(id => new Id(SearchDocument.IdOf(kind, id)))) },
        Size = entityIds.Distinct().Count(),
        Source = new SourceFilter { Includes = Fields.FromStrings([SourceFields.Kind, SourceFields.EntityId, SourceFields.Title, SourceFields.Payload]) },
    };

    /// <summary>
    /// What each hit brings back: an ids-only search leaves the payload (most of a hit's bytes) in
    /// the index; the title comes along because the source document requires one.
    /// </summary>
    private static SourceFilter HitSource(SearchQuery query) => new()
    {
        Includes = Fields.FromStrings(query.IdsOnly
            ? [SourceFields.Kind, SourceFields.EntityId, SourceFields.Title]
            : [SourceFields.Kind, SourceFields.EntityId, SourceFields.Title, SourceFields.Payload]),
    };

    /// <summary>
    /// kNN over the dense_vector field, the filters applied inside the search (so it finds the
    /// nearest documents that pass them, not nearest documents later filtered away). Candidates
    /// per shard are ten times the hits asked for, enough for HNSW to find the true nearest at
    /// this index's size.
    /// </summary>
    private static SearchRequest BuildVector(SearchQuery query, string index)
    {
        var wanted = Math.Max(1, query.Skip + query.Take);
        return new SearchRequest(index)
        {
            Knn =
            [
                new KnnSearch
                {
                    Field = SourceFields.Vector,
                    QueryVector = query.Vector!,
                    K = wanted,
                    NumCandidates = Math.Clamp(wanted * 10, 100, SearchSchema.MaxWindow),
                    Filter = Filters(query),
                },
            ],
            From = query.Skip,
            Size = query.Take,
            TrackTotalHits = true,
            Sort = BuildSort(null),
            Source = HitSource(query),
        };
    }

    /// <summary>The kind, keyword filters and ranges: non-scoring clauses shared by every mode.</summary>
    private static List<Query> Filters(SearchQuery query)
    {
        var filter = new List<Query> { new TermQuery(SourceFields.Kind, query.Kind.ToString()) };
        foreach (var f in query.Filters.Where(f => f.Values.Count > 0))
        {
            var field = SourceFields.Keyword(f.Field);
            var values = f.Values.Distinct(StringComparer.Ordinal).ToList();
            if (f.MatchAll) filter.AddRange(values.Select(v => (Query)new TermQuery(field, v)));
            else filter.Add(new TermsQuery(field, values.Select(v => (FieldValue)v).ToArray()));
        }
        foreach (var r in query.Ranges.Where(r => r.Min is not null || r.Max is not null))
            filter.Add(new NumberRangeQuery(SourceFields.Number(r.Field)) { Gte = r.Min, Lte = r.Max });
        return filter;
    }

    /// <summary>
    /// Terms-count mode: one constant-score clause worth 1 per value, summed, so the score is the
    /// number of values the document holds.
    /// </summary>
    private static Query TermsCount(SearchQuery query, KeywordFilter terms) => new BoolQuery
    {
        Should = terms.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(v => (Query)new ConstantScoreQuery(new TermQuery(SourceFields.Keyword(terms.Field), v)) { Boost = 1 }).ToList(),
        MinimumShouldMatch = 1,
        Filter = Filters(query),
    };

    private static Query BuildQuery(SearchQuery query, QueryText text)
    {
        if (query.RankByTerms is { } terms) return TermsCount(query, terms);
        // By default every word and phrase is required; a word that analyses into several tokens
        // ("5-axis", "精密切削") must match them in order, like a phrase. With AnyTerm (matching)
        // any part may match and the summed scores rank documents holding more of them first.
        var parts = text.Terms.Concat(text.Phrases).ToList();
        var filter = Filters(query);
        List<Query> must = [], should = [];
        if (parts.Count == 0) must.Add(new MatchAllQuery());
        else if (query.AnyTerm) should.AddRange(parts.Select(p => Part(p, ZeroTermsQuery.None)));
        else
        {
            must.AddRange(parts.Select(p => Part(p, ZeroTermsQuery.All)));
            // Stop-word parts match everything, so a query of nothing but stop words ("the") would
            // list every document; requiring at least one part with real words makes it match none.
            filter.Insert(1, new BoolQuery { Should = parts.Select(p => Part(p, ZeroTermsQuery.None)).ToList(), MinimumShouldMatch = 1 });
        }
        return new BoolQuery
        {
            Must = must.Count == 0 ? null : must,
            Should = should.Count == 0 ? null : should,
            MinimumShouldMatch = should.Count == 0 ? null : 1,
            MustNot = text.Excluded.Count == 0 ? null : text.Excluded.Select(p => Part(p, ZeroTermsQuery.None)).ToList(),
            Filter = filter,
        };
    }

    /// <summary>
    /// One word or phrase, matched in title or body with the best field's score (plus a tenth of
    /// the others). A part made only of stop words ("of") is ignored rather than matching nothing,
    /// as the Lucene provider does: required, it matches everything; excluded, nothing.
    /// </summary>
    private static Query Part(string part, ZeroTermsQuery whenOnlyStopWords) => new MultiMatchQuery(part)
    {
        Fields = HasCjk(part) ? [.. TextFields, .. CjkFields] : TextFields,
        Type = TextQueryType.Phrase,
        TieBreaker = TieBreaker,
        ZeroTermsQuery = whenOnlyStopWords,
    };

    /// <summary>True for Han, Hiragana, Katakana and Hangul: the scripts the bigram sub-fields serve.</summary>
    public static bool HasCjk(string text) => text.Any(c =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF'
            or >= '\uAC00' and <= '\uD7AF' or >= '\uFF66' and <= '\uFF9F');

    private static List<SortOptions> BuildSort(SortBy? sort)
    {
        // Entity id breaks ties so that paging never shows a hit twice or skips one.
        var tieBreak = (SortOptions)new FieldSort(SourceFields.EntityId) { Order = SortOrder.Asc };
        if (sort is null) return [new SortOptions { Score = new ScoreSort { Order = SortOrder.Desc } }, tieBreak];
        return
        [
            new FieldSort(SourceFields.Number(sort.Field))
            {
                Order = sort.Descending ? SortOrder.Desc : SortOrder.Asc,
                Missing = "_last",
                // The field may not be mapped yet when no document of this kind carries it.
                UnmappedType = Elastic.Clients.Elasticsearch.Mapping.FieldType.Double,
            },
            tieBreak,
        ];
    }

    private static Highlight BuildHighlight() => new()
    {
        // The html encoder escapes the text around the marks, so snippets can be rendered as-is.
        Encoder = HighlighterEncoder.Html,
        PreTags = [MarkOpen],
        PostTags = [MarkClose],
        Fields = HighlightFields.Select(f => new KeyValuePair<Field, HighlightField>(f, new HighlightField { NumberOfFragments = 2, FragmentSize = 160 })).ToList(),
    };

    public static SearchResult Map(SearchResponse<IndexedDocument> response, SearchQuery query)
    {
        var hits = response.Hits
            .Where(h => h.Source is not null)
            .Select(h => new SearchHit(
                Enum.Parse<DocumentKind>(h.Source!.Kind),
                h.Source.EntityId,
                // Elasticsearch scores cosine similarity as (1 + cosine) / 2; hits carry the cosine itself.
                query.Vector is null ? h.Score ?? 0 : 2 * (h.Score ?? 0.5) - 1,
                h.Source.Title,
                h.Source.Payload,
                Snippets(h.Highlight)))
            .ToList();

        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>();
        foreach (var facet in query.Facets.Distinct())
        {
            var buckets = response.Aggregations is not null && response.Aggregations.TryGetAggregate<StringTermsAggregate>(facet, out var terms)
                ? terms.Buckets.Select(b => new FacetValue(b.Key.ToString(), (int)b.DocCount)).ToList()
                : [];
            facets[facet] = buckets;
        }
        return new SearchResult(response.Total, hits, facets);
    }

    /// <summary>Body snippets, falling back to the cjk analysis when only that one matched.</summary>
    private static IReadOnlyList<string> Snippets(IReadOnlyDictionary<string, IReadOnlyCollection<string>>? highlight)
    {
        if (highlight is null) return [];
        foreach (var field in HighlightFields)
            if (highlight.TryGetValue(field, out var fragments) && fragments.Count > 0)
                return fragments.Select(Readable).ToList();
        return [];
    }

    /// <summary>
    /// Joins the marks of Japanese text matched character by character, and turns numeric entities
    /// of non-ASCII letters ("&amp;#237;") back into the letters; markup characters stay escaped.
    /// </summary>
    private static string Readable(string fragment) => NonAsciiEntity().Replace(
        fragment.Replace(MarkClose + MarkOpen, "", StringComparison.Ordinal),
        m => int.TryParse(m.Groups["hex"].Success ? m.Groups["hex"].Value : m.Groups["dec"].Value,
                m.Groups["hex"].Success ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            && code >= 0xA0 && code <= 0x10FFFF && code is < 0xD800 or > 0xDFFF
                ? char.ConvertFromUtf32(code)
                : m.Value);

    [GeneratedRegex("&#(?:x(?<hex>[0-9a-fA-F]{1,6})|(?<dec>[0-9]{1,7}));")]
    private static partial Regex NonAsciiEntity();
}
