using System.Collections.Frozen;
using System.Text.Json;

namespace GvcMatch.Matching.Places;

/// <summary>A named list of countries a buyer can ask for at once ("EU", "Mercosur").</summary>
public sealed record Region(string Code, string Name, IReadOnlyList<string> Countries)
{
    /// <summary>Why the list is what it is (a recent accession, a suspended member left out).</summary>
    public string? Note { get; init; }
}

/// <summary>
/// The region lists the product knows, read from <c>seeds/reference/regions.json</c>, which is built
/// into this assembly so the scorer, the filters, the import and the pages expand a region alike.
/// </summary>
public sealed class RegionRegistry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<RegionRegistry> Embedded = new(LoadEmbedded);

    private readonly FrozenDictionary<string, Region> _byName;

    public RegionRegistry(IReadOnlyList<Region> regions)
    {
        Regions = regions;
        var names = new Dictionary<string, Region>(StringComparer.OrdinalIgnoreCase);
        // A region is named by its code or its full name ("EU", "European Union"), in any case.
        foreach (var r in regions) names.TryAdd(r.Code, r);
        foreach (var r in regions) names.TryAdd(r.Name, r);
        _byName = names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The regions shipped with the product.</summary>
    public static RegionRegistry Default => Embedded.Value;

    public IReadOnlyList<Region> Regions { get; }

    /// <summary>The region with this code or name, or null.</summary>
    public Region? Find(string? name) => string.IsNullOrWhiteSpace(name) ? null : _byName.GetValueOrDefault(name.Trim());

    private static RegionRegistry LoadEmbedded()
    {
        using var stream = typeof(RegionRegistry).Assembly.GetManifestResourceStream("regions.json")
            ?? throw new InvalidOperationException("The region lists are not built into GvcMatch.Matching.");
        return new RegionRegistry(JsonSerializer.Deserialize<List<Region>>(stream, Json) ?? []);
    }
}
