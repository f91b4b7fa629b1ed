using System.Text.Json;
using GvcMatch.Matching;

namespace GvcMatch.Web.Features.OpenData;

/// <summary>
/// Our mapping of a requirement's published criteria onto OCDS 1.1 (docs/open-data.md). Mandatory
/// criteria decide who may win: they are the tender's <c>eligibilityCriteria</c> (one line each) and,
/// structured, <c>selectionCriteria.criteria</c> (the shape of the OCDS selection criteria
/// extension). Weighted criteria decide who wins: <c>awardCriteria</c> "ratedCriteria" with each one
/// and its weight in <c>awardCriteriaDetails</c>. Labels (C1, C2…) are the evaluation's own.
/// </summary>
public static class OcdsCriteria
{
    public static void Write(Utf8JsonWriter w, IReadOnlyList<Criterion> criteria)
    {
        var mandatory = criteria.Select((c, i) => (c, i)).Where(x => x.c.Mandatory).ToList();
        var weighted = criteria.Select((c, i) => (c, i)).Where(x => !x.c.Mandatory).ToList();
        if (mandatory.Count > 0)
        {
            w.WriteString("eligibilityCriteria", string.Join("\n", mandatory.Select(x => $"{Label(x.i)}: {x.c.Summary()}")));
            w.WriteStartObject("selectionCriteria");
            w.WriteStartArray("criteria");
            foreach (var (c, i) in mandatory)
            {
                w.WriteStartObject();
                w.WriteString("id", Label(i));
                w.WriteString("type", TypeOf(c.Kind));
                w.WriteString("description", c.Summary());
                w.WriteStartArray("appliesTo");
                w.WriteStringValue("supplier");
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        if (weighted.Count > 0)
        {
            w.WriteString("awardCriteria", "ratedCriteria");
            w.WriteString("awardCriteriaDetails", string.Join("\n", weighted.Select(x => $"{Label(x.i)} (weight {x.c.Weight ?? 0}): {x.c.Summary()}")));
        }
    }

    /// <summary>The selection criteria extension's types: what the supplier can do (technical), what it is (suitability).</summary>
    public static string TypeOf(CriterionKind kind) => kind switch
    {
        CriterionKind.LocationIn or CriterionKind.CompanySize or CriterionKind.VerifiedSupplier or CriterionKind.DisclosureProvided => "suitability",
        _ => "technical",
    };

    private static string Label(int index) => Awards.BidScoring.Label(index);
}
