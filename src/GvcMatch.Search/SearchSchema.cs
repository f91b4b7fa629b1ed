namespace GvcMatch.Search;

/// <summary>
/// The fields each kind of document carries. Queries naming any other field are refused with a
/// <see cref="SearchQueryException"/>, so a typo in a facet name is a 400, not an empty result.
/// </summary>
public static class SearchSchema
{
    /// <summary>
    /// The figures of the disclosures that count, per boundable topic and evidence level (DisclosureRequirement.MeasureField).
    /// Declared before the lists that use it: static fields are set in the order they are written.
    /// </summary>
    private static readonly string[] DisclosureFigures =
        [.. Enum.GetValues<Matching.Disclosures.DisclosureTopic>().Where(t => Matching.Disclosures.DisclosureTopics.Bound(t) != Matching.Disclosures.BoundDirection.None)
            .SelectMany(t => Enum.GetValues<Matching.Certifications.EvidenceLevel>().Select(level => Matching.Disclosures.DisclosureRequirement.MeasureField(t, level)))];

    public static readonly IReadOnlyDictionary<DocumentKind, string[]> KeywordFields = new Dictionary<DocumentKind, string[]>
    {
        [DocumentKind.Supplier] = ["country", "isic", "hs", "certification", "certificationMatch", "sizeBand", "verified", "exportMarket", "language", "capacityRange", "capacityUnit", "capacityMeasure", "concept", "exportExperience", "disclosure"],
        [DocumentKind.IpListing] = ["ipc", "ipcSection", "offerType", "ipKind", "legalStatus", "jurisdiction", "country", "organization"],
        [DocumentKind.Requirement] = ["isic", "hs", "country", "status", "organization", "certification"],
    };

    public static readonly IReadOnlyDictionary<DocumentKind, string[]> NumberFields = new Dictionary<DocumentKind, string[]>
    {
        [DocumentKind.Supplier] = ["monthlyCapacity", "capacityBase", "leadTimeDays", "renewalDue", "updated", "employeesLow", "employeesHigh", .. DisclosureFigures],
        [DocumentKind.IpListing] = ["readinessLevel", "updated"],
        [DocumentKind.Requirement] = ["deadline", "quantity", "updated"],
    };

    /// <summary>Deepest result a query may ask for (Elasticsearch's default result window).</summary>
    public const int MaxWindow = 10_000;

    public static void Validate(SearchQuery query)
    {
        var keywords = KeywordFields[query.Kind];
        var numbers = NumberFields[query.Kind];
        if (query.Skip < 0) throw new SearchQueryException("page", "Page must be 1 or more.");
        if (query.Take is < 0 or > SearchQuery.MaxTake) throw new SearchQueryException("pageSize", $"Page size is 0 to {SearchQuery.MaxTake}.");
        if (query.Skip + query.Take > MaxWindow) throw new SearchQueryException("page", $"Results beyond the first {MaxWindow} cannot be paged to; narrow the search.");
        foreach (var f in query.Filters.Where(f => !keywords.Contains(f.Field)))
            throw new SearchQueryException(f.Field, $"Unknown filter '{f.Field}'. Known: {string.Join(", ", keywords)}.");
        foreach (var f in query.Facets.Where(f => !keywords.Contains(f)))
            throw new SearchQueryException("facets", $"Unknown facet '{f}'. Known: {string.Join(", ", keywords)}.");
        foreach (var r in query.Ranges.Where(r => !numbers.Contains(r.Field)))
            throw new SearchQueryException(r.Field, $"Unknown range field '{r.Field}'. Known: {string.Join(", ", numbers)}.");
        if (query.Sort is { } sort && !numbers.Contains(sort.Field))
            throw new SearchQueryException("sort", $"Cannot sort by '{sort.Field}'. Known: relevance, {string.Join(", ", numbers)}.");
        QueryText.Parse(query.Text);
        if (query.IdsOnly && query.Highlight) throw new SearchQueryException("highlight", "A search for ids only has no snippets to return.");
        ValidateModes(query, keywords);
    }

    /// <summary>Vector and terms-count ranking replace the text ranking; each stands alone.</summary>
    private static void ValidateModes(SearchQuery query, string[] keywords)
    {
        if (query.Vector is { } vector)
        {
            if (vector.Length == 0 || !vector.All(float.IsFinite))
                throw new SearchQueryException("vector", "The query vector must hold at least one number and only finite ones.");
            if (query.RankByTerms is not null) throw new SearchQueryException("vector", "Rank by a vector or by terms, not both.");
            if (query.Facets.Count > 0) throw new SearchQueryException("facets", "Facets are not counted when ranking by a vector.");
        }
        if (query.Vector is null && query.RankByTerms is null) return;
        var mode = query.Vector is not null ? "vector" : "rankByTerms";
        if (!string.IsNullOrWhiteSpace(query.Text)) throw new SearchQueryException("q", $"Ranking by {mode} cannot be combined with a text query.");
        if (query.Sort is not null) throw new SearchQueryException("sort", $"Ranking by {mode} cannot be combined with a sort.");
        if (query.Highlight) throw new SearchQueryException("highlight", "Only a text query has snippets to highlight.");
        if (query.RankByTerms is { } terms && !keywords.Contains(terms.Field))
            throw new SearchQueryException(terms.Field, $"Unknown field '{terms.Field}' to rank by. Known: {string.Join(", ", keywords)}.");
    }
}
