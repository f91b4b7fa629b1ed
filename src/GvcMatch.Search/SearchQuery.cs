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

    /// <summary>
    /// Vector mode: a unit-length query embedding (same model and length as the documents'). The
    /// first Skip + Take documents that pass every filter and range and hold a vector, nearest
    /// first by cosine (ties by entity id); each hit's score is that cosine in [-1, 1], and
    /// <see cref="SearchResult.Total"/> counts the documents ranked (at most Skip + Take). Cannot
    /// be combined with <see cref="Text"/>, <see cref="RankByTerms"/>, <see cref="Sort"/>,
    /// <see cref="Facets"/> or <see cref="Highlight"/>.
    /// </summary>
    public float[]? Vector { get; init; }

    /// <summary>
    /// Terms-count mode: documents whose keyword field <see cref="KeywordFilter.Field"/> holds at
    /// least one of <see cref="KeywordFilter.Values"/>, ranked by how many distinct values they
    /// hold (the hit score; ties by entity id), within every filter and range. For overlap of
    /// concept ids. <see cref="KeywordFilter.MatchAll"/> is ignored. Facets count the documents
    /// ranked; cannot be combined with <see cref="Text"/>, <see cref="Vector"/>, <see cref="Sort"/> or <see cref="Highlight"/>.
    /// </summary>
    public KeywordFilter? RankByTerms { get; init; }

    /// <summary>
    /// Hits carry their entity id and score only (the title may be empty, no payload): for a caller
    /// that fuses several lists and then reads the winners alone with
    /// <see cref="ISearchIndex.FetchAsync"/>, rather than every candidate of every list. Cannot be
    /// combined with <see cref="Highlight"/>.
    /// </summary>
    public bool IdsOnly { get; init; }
}

/// <summary>
/// One result. The payload may come as UTF-8 bytes (the Lucene provider reads it so from doc
/// values): readers that parse it as JSON take <see cref="PayloadUtf8"/> and skip building a
/// string, which for a matcher reading hundreds of hits is most of what a search allocates.
/// </summary>
public sealed class SearchHit(DocumentKind kind, int entityId, double score, string title, IReadOnlyList<string> highlights)
{
    private string? _payload;
    private ReadOnlyMemory<byte>? _payloadUtf8;

    public SearchHit(DocumentKind kind, int entityId, double score, string title, string? payload, IReadOnlyList<string> highlights)
        : this(kind, entityId, score, title, highlights) => _payload = payload;

    public SearchHit(DocumentKind kind, int entityId, double score, string title, ReadOnlyMemory<byte> payloadUtf8, IReadOnlyList<string> highlights)
        : this(kind, entityId, score, title, highlights) => _payloadUtf8 = payloadUtf8;

    public DocumentKind Kind { get; } = kind;
    public int EntityId { get; } = entityId;
    public double Score { get; } = score;
    public string Title { get; } = title;
    public IReadOnlyList<string> Highlights { get; } = highlights;

    /// <summary>The payload as text (decoded on first use when it came as bytes).</summary>
    public string? Payload => _payload ??= _payloadUtf8 is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes.Span) : null;

    /// <summary>The payload as UTF-8 (encoded on first use when it came as text); null when there is none.</summary>
    public ReadOnlyMemory<byte>? PayloadUtf8 => _payloadUtf8 ??= _payload is { } text ? System.Text.Encoding.UTF8.GetBytes(text) : null;
}

public sealed record FacetValue(string Value, int Count);

public sealed record SearchResult(long Total, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);
