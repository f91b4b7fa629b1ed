using GvcMatch.Matching;
using GvcMatch.Matching.Disclosures;

namespace GvcMatch.Web.Features.Disclosures;

/// <summary>A disclosure's figures in the reader's language, for the supplier page and the editing page.</summary>
public static class DisclosureWords
{
    public static string Figures(Disclosure d) => d.Topic switch
    {
        DisclosureTopic.CarbonFootprint => Say.Clauses(new[]
        {
            Say.Format("scope 1: {0:#,0.##} t, scope 2: {1:#,0.##} t CO2e", d.Scope1, d.Scope2),
            d.Scope3 is { } three ? Say.Format("scope 3: {0:#,0.##} t CO2e", three) : null,
            d.Method,
        }.OfType<string>()),
        DisclosureTopic.Energy => Say.Format("{0:#,0.##} MWh, {1:0.##} % renewable", d.EnergyMwh, d.RenewableSharePercent),
        DisclosureTopic.Water => Say.Format("{0:#,0.##} m³", d.WaterCubicMetres),
        DisclosureTopic.LabourPolicy => d.HasPolicy != true ? Say.Text("no policy")
            : Say.Clauses(new[] { Say.Text("policy in place"), d.PolicyDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                d.CoversSuppliers == true ? Say.Text("covers suppliers") : null }.OfType<string>()),
        DisclosureTopic.Audit => Say.Clauses(new[] { d.Scheme, d.Score is { } score ? Say.Format("score {0:0.##}", score) : null, d.Medal }.OfType<string>()),
        _ => d.Scheme ?? "",
    };
}

/// <summary>What the disclosures partial shows: the list (ordered), whether documents may be opened, whether rows can be edited.</summary>
public sealed record DisclosureList(IReadOnlyList<Disclosure> Disclosures, bool MayReadDocuments, bool Editable = false)
{
    /// <summary>The latest year of each topic (and scheme): the ones criteria read.</summary>
    public HashSet<int> Current { get; } = Disclosures.GroupBy(d => (d.Topic, d.Scheme)).Select(g => g.MaxBy(d => d.Year)!.Id).ToHashSet();
}
