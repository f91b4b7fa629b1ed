using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Matching.Disclosures;
using GvcMatch.Matching.Places;
using GvcMatch.Search;
using GvcMatch.Web.Features.Search;

namespace GvcMatch.Web.Features.Matching;

/// <summary>
/// Stage one of matching: turns a requirement's published criteria into an index query. Mandatory
/// criteria become hard filters (a superset: the scorer re-checks every one, e.g. certificate
/// dates and capacity units); capability keywords become the relevance text.
/// </summary>
public static class RetrievalQuery
{
    /// <summary>At most this many concept ids in one concept query (a broad concept has many narrower ones).</summary>
    public const int MaxConcepts = 256;

    public static SearchQuery ForSuppliers(IReadOnlyList<Criterion> criteria, int candidates)
    {
        var filters = new List<KeywordFilter>();
        var ranges = new List<RangeFilter>();
        foreach (var c in criteria.Where(c => c.Mandatory))
        {
            switch (c.Kind)
            {
                case CriterionKind.CertificationHeld:
                    // One filter per criterion: any accepted standard (with its scope and evidence) lets a supplier through.
                    var tokens = CertificationRequirement.From(c).FilterTokens();
                    if (tokens.Count > 0) filters.Add(new KeywordFilter(CertificationTokens.Field, tokens));
                    break;
                case CriterionKind.LocationIn when Markets.CountriesOf(c) is { Count: > 0 } countries:
                    // Regions are expanded to their countries, as the scorer does.
                    filters.Add(new KeywordFilter("country", countries));
                    break;
                case CriterionKind.CompanySize when c.SizeBands is { Count: > 0 }:
                    filters.Add(new KeywordFilter("sizeBand", c.SizeBands));
                    break;
                case CriterionKind.CompanySize when c.MinEmployees is not null || c.MaxEmployees is not null:
                    // The supplier's possible counts (its count, or its band's range) must lie wholly in the range sought.
                    if (c.MinEmployees is { } least) ranges.Add(new RangeFilter(SupplierDocuments.EmployeesLowField, least, null));
                    if (c.MaxEmployees is { } most) ranges.Add(new RangeFilter(SupplierDocuments.EmployeesHighField, null, most));
                    break;
                case CriterionKind.VerifiedSupplier:
                    filters.Add(new KeywordFilter("verified", ["true"]));
                    break;
                case CriterionKind.ExportExperience when Markets.CountriesOf(c) is { Count: > 0 } markets:
                    // Export markets and the country the supplier is based in both count as experience there.
                    filters.Add(new KeywordFilter(SupplierDocuments.ExperienceField, markets));
                    break;
                case CriterionKind.ExportExperience:
                    // No market named: any export market will do (being located somewhere is not exporting).
                    filters.Add(new KeywordFilter(SupplierDocuments.ExperienceField, [SupplierDocuments.AnyExports]));
                    break;
                case CriterionKind.CapacityAtLeast when c.Minimum is { } min && CapacityFilter(c, min) is { } capacity:
                    filters.Add(capacity.Measure);
                    ranges.Add(capacity.Range);
                    break;
                case CriterionKind.LeadTimeAtMost when c.Days is { } days:
                    ranges.Add(new RangeFilter("leadTimeDays", null, days));
                    break;
                case CriterionKind.DisclosureProvided when c.Topic is { } topic:
                    // The topic at the evidence sought; a bound reads the figure of the disclosure that counts at that level.
                    var level = c.MinimumEvidence ?? EvidenceLevel.SelfDeclared;
                    filters.Add(new KeywordFilter(DisclosureRequirement.Field, [DisclosureRequirement.Token(topic, level)]));
                    if (DisclosureRequirement.Bound(c) is { } bound)
                        ranges.Add(DisclosureTopics.Bound(topic) == BoundDirection.AtMost
                            ? new RangeFilter(DisclosureRequirement.MeasureField(topic, level), null, (double)bound)
                            : new RangeFilter(DisclosureRequirement.MeasureField(topic, level), (double)bound, null));
                    break;
            }
        }

        return new SearchQuery
        {
            Kind = DocumentKind.Supplier,
            Text = KeywordText(criteria.Where(c => c.Kind == CriterionKind.CapabilityFit).SelectMany(c => c.Keywords ?? [])),
            AnyTerm = true,
            Filters = filters,
            Ranges = ranges,
            Take = candidates,
        };
    }

    /// <summary>
    /// A capacity criterion as the index can check it: the measure (base unit, per month or once) and
    /// the minimum converted to it, the same conversion the scorer makes (a hair lower, so that rounding
    /// in doubles never drops a supplier the scorer would accept: the scorer checks again).
    /// </summary>
    public static (KeywordFilter Measure, RangeFilter Range)? CapacityFilter(Criterion c, decimal minimum)
    {
        if (CapacityMeasure.Normalise(minimum, c.Unit, c.Period ?? CapacityPeriod.Month) is not { } normal) return null;
        return (new KeywordFilter("capacityMeasure", [normal.Measure]), new RangeFilter("capacityBase", (double)normal.Amount * (1 - 1e-9), null));
    }

    /// <summary>Capability words as query text: distinct, syntax characters removed, within the parser's limits.</summary>
    public static string? KeywordText(IEnumerable<string> keywords)
    {
        var words = keywords
            .SelectMany(k => k.Split([' ', ',', ';', '/', '"', '-', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length > 1)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(QueryText.MaxParts)
            .ToList();
        var text = string.Join(' ', words);
        return text.Length == 0 ? null : text.Length > QueryText.MaxLength ? text[..QueryText.MaxLength] : text;
    }
}
