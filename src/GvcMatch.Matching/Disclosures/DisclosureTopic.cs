namespace GvcMatch.Matching.Disclosures;

/// <summary>
/// What an SME can disclose about how it works, the topics value chains ask about most. Stored and
/// sent by name; each topic has at most one figure a criterion can bound (<see cref="DisclosureTopics.Bound"/>).
/// </summary>
public enum DisclosureTopic
{
    /// <summary>Scope 1, 2 and optionally 3 emissions in tCO2e a year, with the method (GHG Protocol, ISO 14064-1).</summary>
    CarbonFootprint,
    /// <summary>Energy use in MWh a year and the renewable share of it.</summary>
    Energy,
    /// <summary>Water use in m³ a year.</summary>
    Water,
    /// <summary>A labour and human-rights policy: whether there is one, since when, and whether it covers suppliers.</summary>
    LabourPolicy,
    /// <summary>A conflict minerals (CMRT) or extended minerals (EMRT) reporting template for a year.</summary>
    ConflictMinerals,
    /// <summary>A social or sustainability audit or rating (<see cref="DisclosureTopics.AuditSchemes"/>).</summary>
    Audit,
}

/// <summary>Which way a criterion can bound a topic's figure.</summary>
public enum BoundDirection { None, AtLeast, AtMost }

public static class DisclosureTopics
{
    /// <summary>The audits and ratings recorded; a short list on purpose, so buyers and suppliers name them alike.</summary>
    public static readonly IReadOnlyList<string> AuditSchemes = ["SMETA", "RBA VAP", "EcoVadis", "amfori BSCI", "SA8000"];

    /// <summary>The reports a conflict minerals disclosure can be.</summary>
    public static readonly IReadOnlyList<string> MineralReports = ["CMRT", "EMRT"];

    /// <summary>EcoVadis medals, weakest first.</summary>
    public static readonly IReadOnlyList<string> Medals = ["Bronze", "Silver", "Gold", "Platinum"];

    /// <summary>
    /// The figure a criterion can bound, and which way: scope 1 and 2 emissions at most (tCO2e a year),
    /// the renewable share of energy at least (%), water use at most (m³ a year), an audit's score at least (0–100).
    /// </summary>
    public static BoundDirection Bound(DisclosureTopic topic) => topic switch
    {
        DisclosureTopic.CarbonFootprint or DisclosureTopic.Water => BoundDirection.AtMost,
        DisclosureTopic.Energy or DisclosureTopic.Audit => BoundDirection.AtLeast,
        _ => BoundDirection.None,
    };

    /// <summary>"Carbon footprint": the topic in the reader's language.</summary>
    public static string Describe(DisclosureTopic topic) => topic switch
    {
        DisclosureTopic.CarbonFootprint => Say.Text("Carbon footprint"),
        DisclosureTopic.Energy => Say.Text("Energy use"),
        DisclosureTopic.Water => Say.Text("Water use"),
        DisclosureTopic.LabourPolicy => Say.Text("Labour and human-rights policy"),
        DisclosureTopic.ConflictMinerals => Say.Text("Conflict minerals report"),
        DisclosureTopic.Audit => Say.Text("Social or sustainability audit"),
        _ => topic.ToString(),
    };

    /// <summary>"scope 1 and 2 emissions of at most 500 tCO2e a year": the bound, in words.</summary>
    public static string DescribeBound(DisclosureTopic topic, decimal bound) => topic switch
    {
        DisclosureTopic.CarbonFootprint => Say.Format("scope 1 and 2 emissions of at most {0:0.##} tCO2e a year", bound),
        DisclosureTopic.Energy => Say.Format("renewable share of at least {0:0.##} %", bound),
        DisclosureTopic.Water => Say.Format("water use of at most {0:0.##} m³ a year", bound),
        DisclosureTopic.Audit => Say.Format("audit score of at least {0:0.##}", bound),
        _ => "",
    };

    /// <summary>"scope 1 and 2: 420 tCO2e": the supplier's figure, in words.</summary>
    public static string DescribeMeasure(DisclosureTopic topic, decimal measure) => topic switch
    {
        DisclosureTopic.CarbonFootprint => Say.Format("scope 1 and 2: {0:0.##} tCO2e", measure),
        DisclosureTopic.Energy => Say.Format("renewable share {0:0.##} %", measure),
        DisclosureTopic.Water => Say.Format("{0:0.##} m³ of water", measure),
        DisclosureTopic.Audit => Say.Format("score {0:0.##}", measure),
        _ => "",
    };
}
