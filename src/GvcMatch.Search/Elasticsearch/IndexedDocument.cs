using System.Text.Json.Serialization;

namespace GvcMatch.Search.Elasticsearch;

/// <summary>
/// The _source of a document, named to match index-mappings.json. Property names are explicit so
/// the mapping file and this shape cannot drift apart with a serializer naming policy.
/// </summary>
internal sealed record IndexedDocument
{
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("entityId")] public required int EntityId { get; init; }
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("body")] public string Body { get; init; } = "";
    [JsonPropertyName("keywords")] public Dictionary<string, string[]> Keywords { get; init; } = [];
    [JsonPropertyName("numbers")] public Dictionary<string, double> Numbers { get; init; } = [];

    /// <summary>Kept as a JSON string: the mapping stores it unparsed and the caller gets the exact text back.</summary>
    [JsonPropertyName("payload")] public string? Payload { get; init; }

    [JsonPropertyName("updatedAt")] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The embedding; left out of the document when there is none (a dense_vector cannot be empty).</summary>
    [JsonPropertyName("vector")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public float[]? Vector { get; init; }

    public static IndexedDocument From(SearchDocument d) => new()
    {
        Kind = d.Kind.ToString(),
        EntityId = d.EntityId,
        Title = d.Title,
        Body = d.Body,
        Keywords = d.Keywords.Where(k => k.Value.Count > 0).ToDictionary(k => k.Key, k => k.Value.ToArray()),
        Numbers = d.Numbers.Where(n => double.IsFinite(n.Value)).ToDictionary(n => n.Key, n => n.Value),
        Payload = d.Payload,
        UpdatedAt = d.UpdatedAt,
        Vector = d.Vector is { Length: > 0 } v ? v : null,
    };
}

/// <summary>The one document in the meta index: how far the index has applied the change feed.</summary>
internal sealed record CheckpointDocument([property: JsonPropertyName("checkpoint")] long Checkpoint);

internal static class SourceFields
{
    public const string Kind = "kind";
    public const string EntityId = "entityId";
    public const string Title = "title";
    public const string Body = "body";
    public const string Payload = "payload";
    public const string Vector = "vector";
    public static string Keyword(string field) => $"keywords.{field}";
    public static string Number(string field) => $"numbers.{field}";
}
