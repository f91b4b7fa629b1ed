namespace GvcMatch.Search;

public enum DocumentKind { Supplier, IpListing, Requirement }

/// <summary>
/// A document as every index provider stores it. Providers only retrieve: they filter on
/// <see cref="Keywords"/> and <see cref="Numbers"/>, rank <see cref="Title"/> and
/// <see cref="Body"/> by text relevance, count facets, and hand back <see cref="Payload"/>
/// untouched so the caller can score hits without another database round trip.
/// </summary>
public sealed record SearchDocument
{
    public required DocumentKind Kind { get; init; }
    public required int EntityId { get; init; }
    public required string Title { get; init; }

    /// <summary>Free text in any language (English, Spanish, Japanese ... are all findable).</summary>
    public string Body { get; init; } = "";

    /// <summary>Exact-value fields used as filters and facets, e.g. country, isic, certification.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Numeric fields used for range filters and sorting, e.g. monthlyCapacity, leadTimeDays.</summary>
    public IReadOnlyDictionary<string, double> Numbers { get; init; } = new Dictionary<string, double>();

    /// <summary>Opaque JSON stored with the document and returned with every hit.</summary>
    public string? Payload { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The document's sentence embedding, unit length (every vector of an index comes from one
    /// model, so all have the same length); null when it has none. Ranked by
    /// <see cref="SearchQuery.Vector"/>, never returned with hits.
    /// </summary>
    public float[]? Vector { get; init; }

    public string Id => IdOf(Kind, EntityId);

    public static string IdOf(DocumentKind kind, int entityId) => $"{kind}:{entityId}";
}

/// <summary>One change to apply: a document to add or replace, or (when <see cref="Document"/> is null) a delete.</summary>
public sealed record IndexChange(DocumentKind Kind, int EntityId, SearchDocument? Document)
{
    public string Id => SearchDocument.IdOf(Kind, EntityId);
}
