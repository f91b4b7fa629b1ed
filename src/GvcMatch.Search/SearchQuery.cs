namespace GvcMatch.Search;

/// <summary>
/// A keyword filter: the document's <see cref="Field"/> must hold any of <see cref="Values"/>
/// (or all of them when <see cref="MatchAll"/>). Filters on different fields are combined with AND.
/// </summary>
public sealed record KeywordFilter(string Field, IReadOnlyList<string> Values, bool MatchAll = false);

/// <summary>Inclusive numeric range on a field; either end may be open.</summary>
public sealed record RangeFilter(string Field, double? Min, double? Max);

/// <summary>Sort by a numeric field instead of relevance.</summary>
public sealed record SortBy(string Field, bool Descending);

public sealed record SearchQuery
{
    public const int MaxTake = 1000;

    public required DocumentKind Kind { get; init; }

    /// <summary>User text in the syntax <see cref="QueryText"/> parses; null or blank matches everything.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// False (the default, for search boxes): every word must occur. True (for matching): any
    /// word may occur and documents with more of them rank higher.
    /// </summary>
    public bool AnyTerm { get; init; }

    public IReadOnlyList<KeywordFilter> Filters { get; init; } = [];
    public IReadOnlyList<RangeFilter> Ranges { get; init; } = [];

    /// <summary>Keyword fields to count values for, over all matching documents (not just the page).</summary>
    public IReadOnlyList<string> Facets { get; init; } = [];

    /// <summary>Null sorts by relevance (ties broken by entity id, so pages are stable).</summary>
    public SortBy? Sort { get; init; }

    public int Skip { get; init; }
    public int Take { get; init; } = 20;

    /// <summary>Return highlighted snippets of the body for each hit.</summary>
    public bool Highlight { get; init; }
}

public sealed record SearchHit(DocumentKind Kind, int EntityId, double Score, string Title, string? Payload, IReadOnlyList<string> Highlights);

public sealed record FacetValue(string Value, int Count);

public sealed record SearchResult(long Total, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);
