using System.Text.Json;

namespace GvcMatch.Web.Tests.Fuzz;

/// <summary>One parameter of an operation, as the OpenAPI document describes it.</summary>
public sealed record FuzzParameter(string Name, string In, JsonElement? Schema);

/// <summary>One operation of the API: its method, path template, parameters and body schemas by content type.</summary>
public sealed record FuzzOperation(string Method, string Path, IReadOnlyList<FuzzParameter> Parameters, JsonElement? JsonBody, bool TakesForm)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every operation in an OpenAPI document, in document order (which is stable between runs).</summary>
    public static List<FuzzOperation> ReadAll(JsonElement document)
    {
        var operations = new List<FuzzOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var shared = ReadParameters(path.Value);
            foreach (var op in path.Value.EnumerateObject())
            {
                if (op.Name is "parameters" or "summary" or "description" or "servers") continue;
                var parameters = shared.Concat(ReadParameters(op.Value)).ToList();
                JsonElement? json = null;
                var form = false;
                if (op.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
                {
                    foreach (var type in content.EnumerateObject())
                    {
                        if (type.Name.Contains("json", StringComparison.OrdinalIgnoreCase))
                            json = type.Value.TryGetProperty("schema", out var schema) ? schema : default(JsonElement?);
                        if (type.Name.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)) form = true;
                    }
                }
                // The upload endpoints read their form by hand, so the document has no body for them.
                form |= op.Name == "post" && (path.Name.EndsWith("/attachments", StringComparison.Ordinal) || path.Name.EndsWith("/documents", StringComparison.Ordinal));
                operations.Add(new FuzzOperation(op.Name.ToUpperInvariant(), path.Name, parameters, json, form));
            }
        }
        return operations;
    }

    private static List<FuzzParameter> ReadParameters(JsonElement owner)
    {
        if (!owner.TryGetProperty("parameters", out var list) || list.ValueKind != JsonValueKind.Array) return [];
        return list.EnumerateArray()
            .Where(p => p.TryGetProperty("name", out _) && p.TryGetProperty("in", out _))
            .Select(p => new FuzzParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                p.TryGetProperty("schema", out var s) ? s : null))
            .ToList();
    }
}
