namespace GvcMatch.Matching.Places;

/// <summary>
/// The countries a location or export criterion names, directly or through region lists, and how a
/// supplier's location and export markets meet them. The scorer, the composer and the retrieval
/// filters all expand a criterion here, so a region means the same countries everywhere.
/// </summary>
public static class Markets
{
    /// <summary>Every country the criterion names, its own and its regions' (upper case, distinct, ordered); unknown regions add none.</summary>
    public static IReadOnlyList<string> CountriesOf(Criterion c)
    {
        var all = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var code in c.Countries ?? []) if (!string.IsNullOrWhiteSpace(code)) all.Add(code.Trim().ToUpperInvariant());
        foreach (var region in RegionsOf(c)) all.UnionWith(region.Countries);
        return [.. all];
    }

    /// <summary>The criterion's regions the registry knows.</summary>
    public static IEnumerable<Region> RegionsOf(Criterion c) =>
        (c.Regions ?? []).Select(RegionRegistry.Default.Find).OfType<Region>().DistinctBy(r => r.Code);

    /// <summary>A country as the explanation names it: "ES", or "ES (EU)" when it counts through a region the buyer named.</summary>
    public static string Label(Criterion c, string country)
    {
        if ((c.Countries ?? []).Contains(country, StringComparer.OrdinalIgnoreCase)) return country;
        var through = RegionsOf(c).Where(r => r.Countries.Contains(country, StringComparer.OrdinalIgnoreCase)).Select(r => r.Code).ToList();
        return through.Count == 0 ? country : $"{country} ({Say.List(through)})";
    }

    /// <summary>What the criterion names, for its summary: "FR, EU".</summary>
    public static string Named(Criterion c) => Say.List((c.Countries ?? []).Concat(RegionsOf(c).Select(r => r.Code)));

    public static (double Score, bool Met, string Evidence) Location(Criterion c, SupplierFacts s) => new MarketCheck(c).Location(s);

    /// <summary>
    /// Export experience in the markets the criterion names. A supplier (or a member) located in a
    /// market counts as experienced there. Each country and each region the buyer lists is one
    /// market: a region is covered by experience in any of its countries, so the score is the share
    /// of the listed markets covered and one covered market meets the criterion. With no market
    /// listed, any export market counts (being located somewhere is not exporting).
    /// </summary>
    public static (double Score, bool Met, string Evidence) Exports(Criterion c, IReadOnlyCollection<string> exportMarkets, IReadOnlyCollection<string> locations) =>
        new MarketCheck(c).Exports(exportMarkets, locations);
}

/// <summary>
/// A location or export criterion with its countries and regions expanded once, for scoring many
/// suppliers against it (matching scores two hundred per requirement). Without <c>explain</c>
/// the evidence is left empty: ranking needs only the score and whether it is met.
/// </summary>
public sealed class MarketCheck(Criterion c)
{
    private readonly List<Region> _regions = Markets.RegionsOf(c).ToList();
    private readonly List<string> _countries = (c.Countries ?? []).Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim().ToUpperInvariant()).Distinct().ToList();
    private readonly IReadOnlyList<string> _wanted = Markets.CountriesOf(c);
    // Made at the first location check (a race only makes it twice).
    private HashSet<string>? _wantedSet;

    public (double Score, bool Met, string Evidence) Location(SupplierFacts s, bool explain = true)
    {
        _wantedSet ??= new HashSet<string>(_wanted, StringComparer.Ordinal);
        var inside = _wantedSet.Contains(s.Country.Trim().ToUpperInvariant());
        if (!explain) return inside ? (1, true, "") : (0, false, "");
        return inside ? (1, true, Say.Format("based in {0}", Markets.Label(c, s.Country))) : (0, false, Say.Format("based in {0}, not in {1}", s.Country, Markets.Named(c)));
    }

    public (double Score, bool Met, string Evidence) Exports(IReadOnlyCollection<string> exportMarkets, IReadOnlyCollection<string> locations, bool explain = true)
    {
        if (_countries.Count == 0 && _regions.Count == 0)
        {
            if (!explain) return exportMarkets.Count > 0 ? (1, true, "") : (0, false, "");
            return exportMarkets.Count > 0 ? (1, true, Say.Format("exports to {0}", Say.List(exportMarkets))) : (0, false, Say.Text("no export markets stated"));
        }

        var exported = exportMarkets.Select(x => x.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var based = locations.Select(x => x.Trim().ToUpperInvariant()).Where(x => !exported.Contains(x)).ToHashSet(StringComparer.Ordinal);
        var markets = _countries.Count + _regions.Count;
        var covered = _countries.Count(x => exported.Contains(x) || based.Contains(x))
            + _regions.Count(r => r.Countries.Any(x => exported.Contains(x) || based.Contains(x)));
        if (covered == 0) return (0, false, explain ? Say.Format("no exports to {0}", Markets.Named(c)) : "");
        if (!explain) return (Math.Round(covered / (double)markets, 4), true, "");
        var exportHits = _wanted.Where(exported.Contains).ToList();
        var basedHits = _wanted.Where(based.Contains).ToList();
        var parts = new List<string>(2);
        if (exportHits.Count > 0) parts.Add(Say.Format("exports to {0}", Say.List(exportHits.Select(x => Markets.Label(c, x)))));
        if (basedHits.Count > 0) parts.Add(Say.Format("based in {0}", Say.List(basedHits.Select(x => Markets.Label(c, x)))));
        return (Math.Round(covered / (double)markets, 4), true, Say.Clauses(parts));
    }
}
