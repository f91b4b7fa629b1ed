using System.Collections.Frozen;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;

namespace GvcMatch.Web.Features.ReferenceData;

public sealed record CodeName(string Code, string Name);

/// <summary>
/// The standard code lists the product offers (ISO 3166, ISO 4217, ISIC Rev.4, HS, certification
/// standards, IPC, ISO 639-1), loaded once from <c>seeds/reference</c>.
/// </summary>
public sealed class ReferenceData : ICriteriaCodes
{
    public static readonly string[] ListNames = ["countries", "currencies", "isic", "hs", "certifications", "ipc", "languages", "regions"];

    /// <summary>Lists read from a file of their own; certifications come from the registry (seeds/reference/certifications/).</summary>
    private static readonly string[] FileLists = ["countries", "currencies", "isic", "hs", "ipc", "languages"];

    private readonly FrozenDictionary<string, IReadOnlyList<CodeName>> _lists;
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _lookup;
    /// <summary>Translated names, keyed "list.language" (countries.es), read from <c>{list}.{language}.json</c> beside the list.</summary>
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _translated;

    public ReferenceData(IReadOnlyDictionary<string, IReadOnlyList<CodeName>> lists, IReadOnlyDictionary<string, IReadOnlyList<CodeName>>? translated = null)
    {
        _translated = (translated ?? new Dictionary<string, IReadOnlyList<CodeName>>()).ToFrozenDictionary(
            l => l.Key,
            l => l.Value.DistinctBy(c => c.Code, StringComparer.OrdinalIgnoreCase)
                .ToFrozenDictionary(c => c.Code, c => c.Name, StringComparer.OrdinalIgnoreCase));
        _lists = lists.ToFrozenDictionary();
        _lookup = lists.ToFrozenDictionary(
            l => l.Key,
            l => l.Value.DistinctBy(c => c.Code, StringComparer.OrdinalIgnoreCase)
                .ToFrozenDictionary(c => c.Code, c => c.Name, StringComparer.OrdinalIgnoreCase));
    }

    public static ReferenceData Load(string seedsFolder)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var lists = new Dictionary<string, IReadOnlyList<CodeName>>();
        lists["certifications"] = CertificationRegistry.Default.Standards.Select(s => new CodeName(s.Code, s.Name)).ToList();
        // Region lists for location and export criteria (seeds/reference/regions.json, built into GvcMatch.Matching).
        lists["regions"] = GvcMatch.Matching.Places.RegionRegistry.Default.Regions.Select(r => new CodeName(r.Code, r.Name)).ToList();
        foreach (var name in FileLists)
        {
            var path = Path.Combine(seedsFolder, "reference", name + ".json");
            if (!File.Exists(path)) throw new FileNotFoundException($"Reference list '{name}' is missing.", path);
            using var stream = File.OpenRead(path);
            lists[name] = JsonSerializer.Deserialize<List<CodeName>>(stream, options) ?? [];
        }
        // Optional translations (countries.es.json, languages.ja.json): a list without one shows its English names.
        var translated = new Dictionary<string, IReadOnlyList<CodeName>>();
        foreach (var name in FileLists)
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(seedsFolder, "reference"), name + ".*.json"))
            {
                var language = Path.GetFileNameWithoutExtension(path)[(name.Length + 1)..];
                using var stream = File.OpenRead(path);
                translated[$"{name}.{language}"] = JsonSerializer.Deserialize<List<CodeName>>(stream, options) ?? [];
            }
        }
        return new ReferenceData(lists, translated);
    }

    public IReadOnlyList<CodeName>? List(string name) => _lists.GetValueOrDefault(name);

    public bool Contains(string list, string? code) => code is not null && _lookup.TryGetValue(list, out var l) && l.ContainsKey(code);

    public string? NameOf(string list, string code) => _lookup.TryGetValue(list, out var l) ? l.GetValueOrDefault(code) : null;

    /// <summary>The code's name in <paramref name="language"/>, or null when the list has no translation there.</summary>
    public string? LocalNameOf(string list, string code, string language) =>
        _translated.TryGetValue($"{list}.{language}", out var l) ? l.GetValueOrDefault(code) : null;

    public bool IsCountry(string code) => Contains("countries", code);
    /// <summary>Whether the registry knows the name (any alias or version spelling); other names are still accepted as unknown standards.</summary>
    public bool IsCertificationStandard(string code) => CertificationRegistry.Default.Resolve(code) is not null;
    public bool IsIsic(string code) => Contains("isic", code);
    public bool IsHs(string code) => Contains("hs", code);
    public bool IsIpc(string code) => Contains("ipc", code);
    public bool IsLanguage(string code) => Contains("languages", code);
}
