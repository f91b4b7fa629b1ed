using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GvcMatch.Web.Tests.Fuzz;

/// <summary>
/// Turns an operation into requests: real, foreign and bad ids in the path and query, and a body
/// that starts from the schema and then takes one blow (a null, a null item, a wrong type, a huge
/// string, deep nesting, an unknown enum value, or a body that is not the right JSON at all).
/// </summary>
public sealed class RequestGenerator(JsonElement document, Random random, FuzzIds ids, string role)
{
    private const string DeepMarker = "__deep__";
    private static readonly string Huge = new('x', 200_000);
    private static readonly string[] BadIds = ["0", "-1", "2147483647", "99999999999999999999", "abc", "1.5", "%20", "%E2%80%AE1", new('9', 400)];
    private static readonly string[] BadBodies = ["null", "[]", "\"text\"", "42", "{", "{\"a\":", "[null]", "{}", "true", "\u0000"];
    private static readonly string Boundary = "fuzz-boundary";

    private readonly SchemaSampler _sampler = new(document, random, ids.All);

    /// <summary>
    /// A request for <paramref name="op"/>. Attempt 0 is the plainest; later ones are mutated. With
    /// <paramref name="knownPath"/> (a path that reached the handler before) most attempts keep it,
    /// so that the blows land on the body rather than on a 404.
    /// </summary>
    public HttpRequestMessage Create(FuzzOperation op, int attempt, string? knownPath = null)
    {
        var path = knownPath is not null && random.Next(5) > 0 ? knownPath : Path(op, attempt);
        var query = Query(op, attempt);
        var request = new HttpRequestMessage(new HttpMethod(op.Method), query.Length == 0 ? path : $"{path}?{query}");
        if (op.JsonBody is { } schema) request.Content = Json(schema, attempt);
        else if (op.TakesForm) request.Content = Form(attempt);
        else if (op.Method is "POST" or "PUT" or "PATCH" && random.Next(4) == 0)
            request.Content = new StringContent(BadBodies[random.Next(BadBodies.Length)], Encoding.UTF8, "application/json");
        // Conditional writes: most carry "*" so the body checks behind the precondition are reached;
        // some carry none (428 where a version is required) or tags that never match (412), malformed ones included.
        if (op.Method is "PUT" or "PATCH" or "DELETE" && IfMatchValues[random.Next(IfMatchValues.Length)] is { } ifMatch)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private static readonly string?[] IfMatchValues = ["*", "*", "*", "*", null, "\"0\"", "W/\"0\"", "not-a-tag", "\"", ",,", new string('x', 5000)];

    /// <summary>The path with its parameters filled; a <paramref name="probe"/> walks through the real ids in order.</summary>
    public string Path(FuzzOperation op, int attempt, int? probe = null)
    {
        var path = op.Path;
        foreach (var p in op.Parameters.Where(p => p.In == "path"))
        {
            var value = attempt == 0 || random.Next(4) > 0 ? ids.For(path, p.Name, role, random, probe) : BadIds[random.Next(BadIds.Length)];
            path = path.Replace("{" + p.Name + "}", value);
        }
        return path;
    }

    private string Query(FuzzOperation op, int attempt)
    {
        var query = new List<string>();
        foreach (var p in op.Parameters.Where(p => p.In == "query"))
        {
            if (random.Next(3) == 0) continue;
            query.Add($"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(attempt == 0 ? PlainValue(p) : QueryValue(p))}");
        }
        if (attempt > 0 && random.Next(5) == 0) query.Add($"unknown{random.Next(10)}={Uri.EscapeDataString(Scalar())}");
        return string.Join('&', query);
    }

    private string PlainValue(FuzzParameter p) => (p.Schema is { } s ? _sampler.Sample(s, name: p.Name) : null) switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => "1",
    };

    private string QueryValue(FuzzParameter p)
    {
        if (random.Next(3) == 0) return Scalar();
        var sample = p.Schema is { } s ? _sampler.Sample(s, name: p.Name) : null;
        return sample switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v => v.ToJsonString(),
            _ => Scalar(),
        };
    }

    /// <summary>A query or path value of any kind: ids, negative and huge numbers, words, junk.</summary>
    private string Scalar() => random.Next(8) switch
    {
        0 => ids.All[random.Next(ids.All.Count)],
        1 => BadIds[random.Next(BadIds.Length)],
        2 => random.Next(-5, 5).ToString(),
        3 => "1e400",
        4 => new string('q', random.Next(1, 5000)),
        5 => "NotAValue",
        6 => "\"'<script>\r\n",
        _ => "true",
    };

    private StringContent Json(JsonElement schema, int attempt)
    {
        var body = _sampler.Sample(schema);
        string text;
        if (attempt == 0) text = body?.ToJsonString() ?? "{}";
        else if (random.Next(8) == 0) text = BadBodies[random.Next(BadBodies.Length)];
        else
        {
            var root = new JsonObject { ["root"] = body };
            Strike(root);
            text = root["root"]?.ToJsonString() ?? "null";
            text = text.Replace($"\"{DeepMarker}\"", Deep(random.Next(70, 400)));
        }
        return new StringContent(text, Encoding.UTF8, "application/json");
    }

    /// <summary>
    /// The plainest body with, in turn, each of its values set to null and each of its lists given a
    /// null item: the nulls a client can send, one at a time, on a body that otherwise passes.
    /// </summary>
    public IEnumerable<HttpRequestMessage> NullSweep(FuzzOperation op, string path)
    {
        if (op.JsonBody is not { } schema) yield break;
        var plain = new JsonObject { ["root"] = _sampler.Sample(schema) }.ToJsonString();
        var count = Places(plain).Count;
        for (var i = 0; i < count; i++)
            foreach (var appendToList in (bool[])[false, true])
            {
                var root = (JsonObject)JsonNode.Parse(plain)!;
                var (parent, key, value) = Places(root)[i];
                if (appendToList && value is not JsonArray) continue;
                if (appendToList) ((JsonArray)value!).Add(null);
                else if (parent is JsonObject o) o[(string)key] = null;
                else ((JsonArray)parent)[(int)key] = null;
                yield return new HttpRequestMessage(new HttpMethod(op.Method), path)
                {
                    Content = new StringContent(root["root"]?.ToJsonString() ?? "null", Encoding.UTF8, "application/json"),
                };
            }
    }

    private static List<(JsonNode Parent, object Key, JsonNode? Value)> Places(string json) => Places((JsonObject)JsonNode.Parse(json)!);

    private static List<(JsonNode Parent, object Key, JsonNode? Value)> Places(JsonObject root)
    {
        var places = new List<(JsonNode, object, JsonNode?)>();
        Collect(root, places);
        return places;
    }

    /// <summary>Replaces one value somewhere in the tree (the root included) with something it should not be.</summary>
    private void Strike(JsonObject root)
    {
        var places = Places(root);
        var (parent, key, value) = places[random.Next(places.Count)];
        // Nulls come up most: a null value, or in a list a null item, is what slipped through before.
        JsonNode? blow = Math.Max(0, random.Next(11) - 2) switch
        {
            0 => null,
            1 => new JsonArray((JsonNode?)null),
            2 => value is JsonObject or JsonArray ? JsonValue.Create("wrong type") : new JsonObject { ["a"] = 1 },
            3 => JsonValue.Create(Huge),
            4 => JsonValue.Create(DeepMarker),
            5 => JsonValue.Create("NotAnEnumValue"),
            6 => JsonValue.Create(random.Next(2) == 0 ? long.MaxValue : -1L),
            7 => value is JsonArray items ? Many(items) : JsonValue.Create(1e300),
            _ => new JsonArray(JsonValue.Create("a"), null, JsonValue.Create(3)),
        };
        if (parent is JsonObject o) o[(string)key] = blow;
        else ((JsonArray)parent)[(int)key] = blow;
    }

    private static void Collect(JsonNode node, List<(JsonNode, object, JsonNode?)> places)
    {
        if (node is JsonObject o)
            foreach (var (name, child) in o.ToList())
            {
                places.Add((o, name, child));
                if (child is not null) Collect(child, places);
            }
        else if (node is JsonArray a)
            for (var i = 0; i < a.Count; i++)
            {
                places.Add((a, i, a[i]));
                if (a[i] is { } child) Collect(child, places);
            }
    }

    /// <summary>A list far longer than any limit, made of copies of its first item (or numbers).</summary>
    private static JsonArray Many(JsonArray items)
    {
        var first = items.Count > 0 ? items[0]?.ToJsonString() : "1";
        var many = new JsonArray();
        for (var i = 0; i < 2000; i++) many.Add(first is null ? null : JsonNode.Parse(first));
        return many;
    }

    private string Deep(int levels) => random.Next(2) == 0
        ? new string('[', levels) + new string(']', levels)
        : string.Concat(Enumerable.Repeat("{\"a\":", levels)) + "1" + new string('}', levels);

    /// <summary>A multipart body: a small good file, or one the form reader must refuse.</summary>
    private ByteArrayContent Form(int attempt)
    {
        string Part(string name, string? file, string value) =>
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"{(file is null ? "" : $"; filename=\"{file}\"")}\r\n\r\n{value}\r\n";
        var end = $"--{Boundary}--\r\n";
        var (type, body) = (attempt == 0 ? 0 : random.Next(6)) switch
        {
            0 => ($"multipart/form-data; boundary={Boundary}", Part("file", "notes\u202Etxt.txt", "Hello") + Part("clientMessageId", null, $"fuzz-{random.Next()}") + end),
            1 => ("multipart/form-data", Part("file", "a.txt", "Hello") + end),
            2 => ($"multipart/form-data; boundary={Boundary}", Part("file", "a.txt", "Hello")),
            3 => ($"multipart/form-data; boundary={Boundary}", Part("file", new string('a', 17 * 1024) + ".txt", "Hello") + end),
            4 => ($"multipart/form-data; boundary={Boundary}", string.Concat(Enumerable.Range(0, 1100).Select(i => Part($"f{i}", null, "v"))) + end),
            _ => ($"multipart/form-data; boundary={Boundary}", Part("file", "../../etc/passwd", "\u0000\u0001binary") + end),
        };
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", type);
        return content;
    }
}
