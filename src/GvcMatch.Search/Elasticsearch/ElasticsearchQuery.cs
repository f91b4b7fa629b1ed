using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;

namespace GvcMatch.Search.Elasticsearch;

/// <summary>
/// Translates a <see cref="SearchQuery"/> into a search request and the response back into a
/// <see cref="SearchResult"/>. Pure functions, so the request bodies can be checked without a server.
/// </summary>
internal static class ElasticsearchQuery
{
    public const int FacetSize = 50;
    public const string MarkOpen = "<mark>";
    public const string MarkClose = "</mark>";

    // Title counts double; the cjk sub-fields (bigrams) make Japanese and Chinese text findable
    // where the standard tokenizer would split every ideograph into its own token.
    private static readonly string[] TextFields = ["title^2", "title.cjk^2", "body", "body.cjk"];
    private static readonly string[] HighlightFields = ["body", "body.cjk"];

    public static SearchRequest Build(SearchQuery query, string index)
    {
        SearchSchema.Validate(query);
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
            Source = new SourceFilter { Includes = Fields.FromStrings([SourceFields.Kind, SourceFields.EntityId, SourceFields.Title, SourceFields.Payload]) },
        };
    }

    private static Query BuildQuery(SearchQuery query, QueryText text)
    {
        var must = new List<Query>();
        must.AddRange(text.Terms.Select(term => (Query)new MultiMatchQuery(term) { Fields = TextFields, Operator = Operator.And }));
        must.AddRange(text.Phrases.Select(Phrase));
        if (must.Count == 0) must.Add(new MatchAllQuery());

        var filter = new List<Query> { new TermQuery(SourceFields.Kind, query.Kind.ToString()) };
        foreach (var f in query.Filters.Where(f => f.Values.Count > 0))
        {
            var field = SourceFields.Keyword(f.Field);
            if (f.MatchAll) filter.AddRange(f.Values.Distinct().Select(v => (Query)new TermQuery(field, v)));
            else filter.Add(new TermsQuery(field, f.Values.Distinct().Select(v => (FieldValue)v).ToArray()));
        }
        foreach (var r in query.Ranges.Where(r => r.Min is not null || r.Max is not null))
            filter.Add(new NumberRangeQuery(SourceFields.Number(r.Field)) { Gte = r.Min, Lte = r.Max });

        return new BoolQuery
        {
            Must = must,
            MustNot = text.Excluded.Count == 0 ? null : text.Excluded.Select(Excluded).ToList(),
            Filter = filter,
        };
    }

    /// <summary>A phrase must appear in order in the title or the body (either analysis).</summary>
    private static Query Phrase(string phrase) => new BoolQuery
    {
        Should = TextFields.Select(f => (Query)new MatchPhraseQuery(f.Split('^')[0], phrase) { Boost = f.StartsWith("title") ? 2 : null }).ToList(),
        MinimumShouldMatch = 1,
    };

    /// <summary>An excluded word or phrase: a phrase query also matches a single word exactly.</summary>
    private static Query Excluded(string text) =>
        new MultiMatchQuery(text) { Fields = TextFields.Select(f => f.Split('^')[0]).ToArray(), Type = TextQueryType.Phrase };

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
        Fields = HighlightFields.Select(f => new KeyValuePair<Field, HighlightField>(f, new HighlightField { NumberOfFragments = 3, FragmentSize = 160 })).ToList(),
    };

    public static SearchResult Map(SearchResponse<IndexedDocument> response, SearchQuery query)
    {
        var hits = response.Hits
            .Where(h => h.Source is not null)
            .Select(h => new SearchHit(
                Enum.Parse<DocumentKind>(h.Source!.Kind),
                h.Source.EntityId,
                h.Score ?? 0,
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
                return fragments.ToList();
        return [];
    }
}
