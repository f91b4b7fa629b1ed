using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Matching.Disclosures;
using GvcMatch.Matching.Places;

namespace GvcMatch.Web.Features.GapPlans;

/// <summary>What closing one gap would change in the profile, in terms a page can word in any language.</summary>
/// <param name="Kind">certificate, capacity, lead-time, capabilities, export-markets, verification, disclosure; or location / company-size, which no plan can close.</param>
public sealed record GapChange(string Kind, string? Standard = null, decimal? Amount = null, string? Unit = null, CapacityPeriod? Period = null,
    int? Days = null, IReadOnlyList<string>? Values = null);

/// <summary>One criterion the supplier misses (or meets only in part), and its score with the gap closed.</summary>
public sealed record Gap(CriterionScore Now, GapChange Change, bool Closable, double? ScoreIfClosed, double? TotalIfClosed, bool? QualifiedIfClosed);

public sealed record GapAnalysisResult(MatchResult Now, IReadOnlyList<Gap> Gaps, double TotalIfAllClosed, bool QualifiedIfAllClosed);

/// <summary>
/// The gap plan's arithmetic: the supplier is scored with the requirement's own scorer, then once
/// more per missed criterion on a copy of its facts with just that gap closed (the certificate
/// held, the lead time shortened to the limit, the capacity raised to the minimum...). The
/// difference is exactly what the buyer's ranking would see, because it is the same scorer.
/// </summary>
public static class GapAnalysis
{
    /// <summary>"Any export market": Markets.Exports only counts markets when a criterion names none (ZZ is ISO 3166's user-assigned code).</summary>
    private const string AnyMarket = "ZZ";

    public static GapAnalysisResult Analyse(IReadOnlyList<Criterion> criteria, CriteriaScorer scorer, SupplierFacts facts, DateOnly today)
    {
        var now = scorer.Score(facts, today);
        var gaps = new List<Gap>();
        var allClosed = facts;
        foreach (var score in now.Criteria.Where(c => !c.Met || c.Score < 1))
        {
            var criterion = criteria[score.Index];
            var (change, closed) = Close(criterion, facts, today);
            if (closed is null)
            {
                gaps.Add(new Gap(score, change, false, null, null, null));
                continue;
            }
            var after = scorer.Score(closed, today, explain: false);
            gaps.Add(new Gap(score, change, true, after.Criteria[score.Index].Score, after.Total, after.Qualified));
            allClosed = Close(criterion, allClosed, today).Facts!;
        }
        var best = ReferenceEquals(allClosed, facts) ? now : scorer.Score(allClosed, today, explain: false);
        return new GapAnalysisResult(now, gaps, best.Total, best.Qualified);
    }

    /// <summary>The facts with one criterion's gap closed, or null facts when the gap is not the supplier's to close (where it is based, its size).</summary>
    public static (GapChange Change, SupplierFacts? Facts) Close(Criterion c, SupplierFacts s, DateOnly today)
    {
        switch (c.Kind)
        {
            case CriterionKind.CertificationHeld:
                var requirement = CertificationRequirement.From(c);
                if (requirement.Accepted.Count == 0) return (new GapChange("certificate"), null);
                var sought = requirement.Accepted[0];
                var held = new HeldCertificate(sought.Standard, today.AddYears(1)) { Scope = sought.Scope, Evidence = requirement.MinimumEvidence };
                return (new GapChange("certificate", Standard: sought.Describe()), s with { Certifications = [.. s.Certifications, held] });
            case CriterionKind.CapacityAtLeast:
                var period = c.Period ?? CapacityPeriod.Month;
                return (new GapChange("capacity", Amount: c.Minimum, Unit: c.Unit, Period: period),
                    s with { MonthlyCapacity = c.Minimum, CapacityUnit = c.Unit, CapacityPeriod = period });
            case CriterionKind.LeadTimeAtMost:
                return (new GapChange("lead-time", Days: c.Days), s with { LeadTimeDays = c.Days });
            case CriterionKind.CapabilityFit:
                var missing = (c.Keywords ?? []).Where(k => !s.Capabilities.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
                // Read again from the changed text: facts read once keep their concepts otherwise.
                return (new GapChange("capabilities", Values: missing), s with
                {
                    Capabilities = [.. s.Capabilities, .. missing], Concepts = [], TagWords = "", ContextWords = "", ReadWith = null,
                });
            case CriterionKind.ExportExperience:
                var markets = ExportMarketsToAdd(c, s);
                return (new GapChange("export-markets", Values: markets.Where(m => m != AnyMarket).ToList()),
                    s with { ExportMarkets = [.. s.ExportMarkets, .. markets] });
            case CriterionKind.VerifiedSupplier:
                return (new GapChange("verification"), s with { Verified = true });
            case CriterionKind.LocationIn:
                return (new GapChange("location", Values: Markets.CountriesOf(c)), null);
            case CriterionKind.DisclosureProvided when c.Topic is { } topic:
                // Disclosed for this year at the evidence sought, with the figure at the bound.
                var bound = DisclosureRequirement.Bound(c);
                var disclosed = new DisclosedFact(topic, today.Year, c.MinimumEvidence ?? EvidenceLevel.SelfDeclared, Measure: bound);
                return (new GapChange("disclosure", Standard: DisclosureTopics.Describe(topic), Amount: bound, Values: [topic.ToString()]),
                    s with { Disclosures = [.. s.Disclosures, disclosed] });
            default:
                return (new GapChange("company-size"), null);
        }
    }

    /// <summary>One market per country and region the criterion lists that the supplier does not cover yet.</summary>
    private static List<string> ExportMarketsToAdd(Criterion c, SupplierFacts s)
    {
        var covered = s.ExportMarkets.Append(s.Country).Select(x => x.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var countries = (c.Countries ?? []).Select(x => x.Trim().ToUpperInvariant()).Where(x => x.Length > 0 && !covered.Contains(x));
        var regions = Markets.RegionsOf(c).Where(r => !r.Countries.Any(covered.Contains)).Select(r => r.Countries.Order(StringComparer.Ordinal).First());
        var markets = countries.Concat(regions).Distinct().ToList();
        return markets.Count == 0 && (c.Countries ?? []).Count == 0 && !Markets.RegionsOf(c).Any() ? [AnyMarket] : markets;
    }
}
