namespace GvcMatch.Matching.Understanding;

/// <summary>
/// What a company is, read from its own words: a company whose summary or description names an
/// intermediary's trade (<see cref="Concept.Intermediary"/>: "distributor", "sourcing agency",
/// "online marketplace", "quality-system consultants", "recruitment") and no making of its own
/// sells, represents or advises on the capabilities it lists; it does not perform them.
/// </summary>
public static class CompanyRole
{
    /// <summary>
    /// The concepts an intermediary delivers itself (the services its own text names, with everything
    /// narrower), or null when the profile is not an intermediary's.
    /// </summary>
    /// <remarks>
    /// Making is a statement of own production in the summary or description ("we manufacture",
    /// "fabricamos", 「自社工場」: the <c>in-house-production</c> concept) or a machine or process in the
    /// equipment list: a manufacturer that also distributes stays a manufacturer. A process or a machine named
    /// in the text is not evidence, since a trading house names the parts it buys (「プレス部品」,
    /// "machined parts") and a machine-tool dealer the machines it sells. Activity codes are not
    /// read: they are chosen from a list, and a sourcing agent picks the code of the goods it sources.
    /// </remarks>
    /// <summary>The concept of the statements "we manufacture", "fabricamos", 「自社工場」.</summary>
    public const string InHouseProduction = "in-house-production";

    public static HashSet<string>? OwnServices(CapabilityVocabulary vocabulary, IEnumerable<(string Id, string From)> context)
    {
        var said = new List<Concept>();
        var makes = false;
        foreach (var (id, from) in context)
        {
            if (vocabulary.Find(id) is not { } concept) continue;
            // A machine in the equipment list ("CNC lathes", "terry looms" for weaving) is the company's own.
            if (from == "equipment") { makes |= concept.Kind is "equipment" or "process"; continue; }
            said.Add(concept);
            makes |= concept.Id == InHouseProduction;
        }
        if (makes || !said.Any(c => c.Intermediary)) return null;
        var own = said.Where(c => c.Kind == "service" || c.Intermediary).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        own.UnionWith(own.SelectMany(vocabulary.DescendantsOf).ToList());
        return own;
    }
}
