using System.Text.Json;
using Json.Schema;

namespace GvcMatch.Web.Tests.OpenData;

/// <summary>The team's OCDS 1.1 schema files (OpenData/schema), built once, and the checks the tests run with them.</summary>
public static class OcdsSchemas
{
    private static readonly Lazy<JsonSchema> Release = new(() => Load("release.json"));
    private static readonly Lazy<JsonSchema> ReleasePackage = new(() => Load("release-package.json"));
    private static readonly Lazy<JsonSchema> RecordPackage = new(() => Load("record-package.json"));

    private static JsonSchema Load(string file) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "OpenData", "schema", file)));

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>The errors of one instance against one schema, each with where it was found; empty when valid.</summary>
    private static List<string> Errors(JsonSchema schema, JsonElement instance, string where)
    {
        var results = schema.Evaluate(instance, Options);
        if (results.IsValid) return [];
        return (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{where}{d.InstanceLocation}: {e.Key} {e.Value}"))
            .DefaultIfEmpty($"{where}: invalid").ToList();
    }

    public static List<string> ReleaseErrors(JsonElement release, string where = "release") => Errors(Release.Value, release, where);

    /// <summary>The package's envelope and every release in it.</summary>
    public static List<string> ReleasePackageErrors(JsonElement package)
    {
        var errors = Errors(ReleasePackage.Value, package, "package");
        if (package.TryGetProperty("releases", out var releases) && releases.ValueKind == JsonValueKind.Array)
            errors.AddRange(releases.EnumerateArray().SelectMany((r, i) => ReleaseErrors(r, $"releases[{i}]")));
        return errors;
    }

    /// <summary>The package's envelope, every record, and every record's compiled release.</summary>
    public static List<string> RecordPackageErrors(JsonElement package)
    {
        var errors = Errors(RecordPackage.Value, package, "package");
        if (package.TryGetProperty("records", out var records) && records.ValueKind == JsonValueKind.Array)
            errors.AddRange(records.EnumerateArray().SelectMany((r, i) => r.TryGetProperty("compiledRelease", out var c)
                ? ReleaseErrors(c, $"records[{i}].compiledRelease") : []));
        return errors;
    }
}
