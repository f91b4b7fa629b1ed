using System.Collections.Frozen;

namespace GvcMatch.Web.Features.Offers;

/// <summary>
/// The eleven Incoterms 2020 rules. Every rule is stated with a named place ("FCA Niigata",
/// "CIF Rotterdam"), and the place means something different per rule, so the error message
/// says which place the chosen rule needs.
/// </summary>
public static class Incoterms
{
    public static readonly FrozenDictionary<string, string> NamedPlace = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["EXW"] = "the named place of delivery (the seller's premises)",
        ["FCA"] = "the named place of delivery",
        ["CPT"] = "the named place of destination",
        ["CIP"] = "the named place of destination",
        ["DAP"] = "the named place of destination",
        ["DPU"] = "the named place of destination",
        ["DDP"] = "the named place of destination",
        ["FAS"] = "the named port of shipment",
        ["FOB"] = "the named port of shipment",
        ["CFR"] = "the named port of destination",
        ["CIF"] = "the named port of destination",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>In the order the rules are published: any mode of transport first, then sea and inland waterway.</summary>
    public static readonly IReadOnlyList<string> Rules = ["EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS", "FOB", "CFR", "CIF"];

    public static bool IsRule(string? code) => code is not null && NamedPlace.ContainsKey(code);

    /// <summary>What the named place is for a rule, or null when the rule does not name one.</summary>
    public static string? PlaceNeeded(string code) => NamedPlace.GetValueOrDefault(code);
}
