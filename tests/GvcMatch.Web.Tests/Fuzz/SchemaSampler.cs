using System.Text.Json;
using System.Text.Json.Nodes;

namespace GvcMatch.Web.Tests.Fuzz;

/// <summary>
/// Makes a plausible JSON value for an OpenAPI schema (3.0 or 3.1 style: <c>$ref</c>, type lists,
/// <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c>, enums), so the mutations start from something the
/// endpoint would nearly accept and reach past the first check.
/// </summary>
public sealed class SchemaSampler(JsonElement document, Random random, IReadOnlyList<string> ids)
{
    private const int MaxDepth = 6;

    private static readonly string[] Words = ["cnc", "milling", "ISO 9001", "DE", "JP", "EUR", "2599", "8479", "Sale", "Patent", "pieces", "x"];

    public JsonElement Resolve(JsonElement schema)
    {
        for (var hops = 0; hops < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); hops++)
        {
            var node = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
                if (!node.TryGetProperty(part.Replace("~1", "/").Replace("~0", "~"), out node)) return default;
            schema = node;
        }
        return schema;
    }

    public JsonNode? Sample(JsonElement schema, int depth = 0, string name = "")
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object || depth > MaxDepth) return null;
        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
            return JsonNode.Parse(values[random.Next(values.GetArrayLength())].GetRawText());
        foreach (var key in (string[])["allOf", "oneOf", "anyOf"])
        {
            if (!schema.TryGetProperty(key, out var alternatives) || alternatives.ValueKind != JsonValueKind.Array) continue;
            var usable = alternatives.EnumerateArray().Where(a => TypeOf(Resolve(a)) != "null").ToList();
            if (usable.Count > 0) return Sample(usable[random.Next(usable.Count)], depth + 1, name);
        }
        return TypeOf(schema) switch
        {
            "object" => Object(schema, depth),
            "array" => Array(schema, depth, name),
            "string" => String(schema, name),
            "integer" => Integer(name),
            "number" => JsonValue.Create(Math.Round(random.NextDouble() * 100, 2)),
            "boolean" => JsonValue.Create(random.Next(2) == 0),
            _ => null,
        };
    }

    /// <summary>The first type that is not "null"; a schema with properties and no type is an object.</summary>
    public static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object) return null;
        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String) return type.GetString();
            if (type.ValueKind == JsonValueKind.Array)
                return type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") ?? "null";
        }
        return schema.TryGetProperty("properties", out _) ? "object" : null;
    }

    private JsonObject Object(JsonElement schema, int depth)
    {
        var result = new JsonObject();
        if (!schema.TryGetProperty("properties", out var properties)) return result;
        foreach (var property in properties.EnumerateObject())
            result[property.Name] = Sample(property.Value, depth + 1, property.Name);
        return result;
    }

    private JsonArray Array(JsonElement schema, int depth, string name)
    {
        var result = new JsonArray();
        if (!schema.TryGetProperty("items", out var items)) return result;
        for (var i = random.Next(0, 3); i > 0; i--) result.Add(Sample(items, depth + 1, name));
        return result;
    }

    /// <summary>Ids come from the objects the run made; weights and indexes from the ranges the app takes.</summary>
    private JsonValue Integer(string name) => name.ToLowerInvariant() switch
    {
        var n when n.EndsWith("id") || n.EndsWith("ids") => JsonValue.Create(int.TryParse(ids[random.Next(ids.Count)], out var id) ? id : 1),
        "weight" => JsonValue.Create(100),
        _ => JsonValue.Create(random.Next(0, 6)),
    };

    /// <summary>A value the field's name suggests, so that the body gets past the code checks to the code behind them.</summary>
    private JsonValue String(JsonElement schema, string name)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var lower = name.ToLowerInvariant();
        return (format, lower) switch
        {
            ("date", _) => JsonValue.Create(DateTime.UtcNow.AddDays(random.Next(1, 60)).ToString("yyyy-MM-dd")),
            ("date-time", _) => JsonValue.Create(DateTime.UtcNow.AddDays(random.Next(1, 60)).ToString("yyyy-MM-ddTHH:mm:ssZ")),
            ("uuid", _) => JsonValue.Create(new Guid(random.Next(), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).ToString()),
            (_, var n) when n.Contains("email") => JsonValue.Create($"fuzz{random.Next(100_000)}@example.test"),
            (_, var n) when n.Contains("password") => JsonValue.Create("Correct-horse-42"),
            (_, var n) when n.Contains("countr") || n.Contains("jurisdiction") || n.Contains("market") => JsonValue.Create(Pick("DE", "JP", "FR")),
            (_, var n) when n.Contains("currenc") => JsonValue.Create("EUR"),
            (_, var n) when n.Contains("incoterm") => JsonValue.Create("FCA"),
            (_, var n) when n.Contains("isic") => JsonValue.Create("2599"),
            (_, var n) when n.StartsWith("hs") => JsonValue.Create("8479"),
            (_, var n) when n.Contains("language") => JsonValue.Create("en"),
            (_, var n) when n.Contains("standard") || n.Contains("certification") => JsonValue.Create("ISO 9001"),
            (_, var n) when n.Contains("website") || n.Contains("url") => JsonValue.Create("https://example.test"),
            (_, "query") => JsonValue.Create("q=cnc&country=DE"),
            (_, var n) when n.Contains("clientmessageid") => JsonValue.Create($"fuzz-{random.Next()}"),
            _ => JsonValue.Create(Words[random.Next(Words.Length)]),
        };
    }

    private string Pick(params string[] values) => values[random.Next(values.Length)];
}
