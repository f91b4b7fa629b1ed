using GvcMatch.Matching.Understanding;

namespace GvcMatch.Matching;

/// <summary>
/// Scores a supplier against a requirement's published criteria. Each criterion yields a
/// sub-score in [0, 1] with its evidence; weighted ones add weight × score to a total out of
/// 100; a failed mandatory criterion disqualifies. Pure and deterministic: the same facts give
/// the same result on every search backend.
/// </summary>
public static class Scorer
{
    /// <summary>Share of capability keywords a mandatory capability-fit criterion must cover.</summary>
    public const double CapabilityPass = 0.5;

    /// <summary>The capability fit below which a supplier is not listed as a match (see <see cref="MatchResult.Relevant"/>).</summary>
    public const double RelevanceFloor = 0.25;

    public static MatchResult Score(IReadOnlyList<Criterion> criteria, SupplierFacts s, DateOnly today) => For(criteria).Score(s, today);

    public static MatchResult Score(IReadOnlyList<Criterion> criteria, SupplierFacts s, DateOnly today, MatchContext context) =>
        For(criteria, context).Score(s, today);

    /// <summary>The criteria prepared once for scoring many suppliers (matching scores hundreds per requirement).</summary>
    public static CriteriaScorer For(IReadOnlyList<Criterion> criteria, MatchContext? context = null) => new(criteria, context ?? MatchContext.Lexical);

    /// <summary>
    /// Every criterion kind except capability fit, which needs the prepared keywords (<see cref="CriteriaScorer"/>).
    /// Without <paramref name="explain"/> the evidence of capacity and lead time is left empty: ranking needs only the scores.
    /// </summary>
    internal static (double Score, bool Met, string Evidence) Evaluate(Criterion c, SupplierFacts s, DateOnly today, bool explain = true) => c.Kind switch
    {
        CriterionKind.CertificationHeld => Certifications.CertificationRequirement.From(c).Evaluate(s.Certifications, today),
        CriterionKind.CapacityAtLeast => Capacity(c, s, explain),
        CriterionKind.LeadTimeAtMost => LeadTime(c.Days ?? 0, s.LeadTimeDays, explain),
        CriterionKind.LocationIn => Places.Markets.Location(c, s),
        // Being located in a market counts as experience there (Markets.Exports).
        CriterionKind.ExportExperience => Places.Markets.Exports(c, s.ExportMarkets, [s.Country]),
        CriterionKind.VerifiedSupplier => Binary(s.Verified, Say.Text("verified organisation"), Say.Text("not verified yet")),
        CriterionKind.CompanySize when c.SizeBands is not { Count: > 0 } => CompanySizes.Evaluate(c.MinEmployees, c.MaxEmployees, s),
        CriterionKind.CompanySize => Binary((c.SizeBands ?? []).Contains(CompanySizes.BandOf(s), StringComparer.OrdinalIgnoreCase),
            Say.Format("size band {0}", CompanySizes.BandWord(CompanySizes.BandOf(s))),
            Say.Format("size band {0} is not one of {1}", CompanySizes.BandWord(CompanySizes.BandOf(s)), Say.List((c.SizeBands ?? []).Select(CompanySizes.BandWord)))),
        CriterionKind.DisclosureProvided => Disclosures.DisclosureRequirement.Evaluate(c, s.Disclosures, today),
        _ => (0, false, Say.Text("criterion kind not supported")),
    };

    private static (double, bool, string) Binary(bool ok, string yes, string no) => ok ? (1, true, yes) : (0, false, no);

    /// <summary>
    /// "offers CNC milling; 'electrostatic powder painting' = powder coating (vocabulary); partly:
    /// 'machining' is broader than 5-axis milling; missing laser cutting": what earned credit, what
    /// earned part of it, what is missing.
    /// </summary>
    internal static string Explain(IReadOnlyList<KeywordFit> fits)
    {
        var parts = new List<string>(4);
        var plain = fits.Where(f => f.Met && f.Plain).Select(f => f.Explanation).ToList();
        if (plain.Count > 0) parts.Add(Say.Format("offers {0}", Say.List(plain)));
        parts.AddRange(fits.Where(f => f.Met && !f.Plain).Select(f => f.Explanation));
        var part = fits.Where(f => !f.Met && f.Score > 0).Select(f => f.Explanation).ToList();
        if (part.Count > 0) parts.Add(Say.Format("partly: {0}", Say.Clauses(part)));
        var missing = fits.Where(f => f.Score == 0).Select(f => f.Explanation).ToList();
        if (missing.Count > 0) parts.Add(Say.Format("missing {0}", Say.List(missing)));
        return Say.Clauses(parts);
    }

    private static (double, bool, string) Capacity(Criterion c, SupplierFacts s, bool explain)
    {
        var minimum = c.Minimum ?? 0;
        if (s.MonthlyCapacity is null) return (0, false, Say.Text("capacity not stated"));
        if (!explain)
        {
            // The same figures as below without the sentences: the amounts are what rank.
            if (CapacityIn(c, s, out _) is not { } amount) return (0, false, "");
            return minimum <= 0 || amount >= minimum ? (1, true, "") : (Math.Round((double)(amount / minimum), 4), false, "");
        }
        var stated = StatedCapacity(s);
        if (CapacityIn(c, s, out var why) is not { } capacity) return (0, false, Say.Format("capacity {0} is {1}", stated, why));
        var period = CapacityMeasure.PeriodWords(c.Period ?? CapacityPeriod.Month);
        // Say the converted figure only when it differs from what the supplier wrote.
        var shown = SameMeasure(c, s) ? stated : $"{stated} = {CapacityMeasure.Number(capacity)} {c.Unit} {period}";
        if (minimum <= 0 || capacity >= minimum) return (1, true, shown);
        var share = (double)(capacity / minimum);
        return (Math.Round(share, 4), false, Say.Format("{0}, {1:P0} of the {2:0.##} sought", shown, share, minimum));
    }

    /// <summary>
    /// The supplier's capacity in the criterion's unit and period (a year is twelve months; units
    /// convert only within their kind), or null with the reason when the two do not compare.
    /// The composer and bid evaluation add capacities up through this same conversion.
    /// </summary>
    public static decimal? CapacityIn(Criterion c, SupplierFacts s, out string? why)
    {
        why = Say.Text("not stated");
        return s.MonthlyCapacity is { } amount
            ? CapacityMeasure.Convert(amount, s.CapacityUnit, s.CapacityPeriod, c.Unit, c.Period ?? CapacityPeriod.Month, out why)
            : null;
    }

    /// <summary>"1,200 pieces a month": the supplier's capacity as it stated it.</summary>
    public static string StatedCapacity(SupplierFacts s) =>
        $"{CapacityMeasure.Number(s.MonthlyCapacity ?? 0)} {s.CapacityUnit} {CapacityMeasure.PeriodWords(s.CapacityPeriod)}";

    private static bool SameMeasure(Criterion c, SupplierFacts s) =>
        string.Equals(Unit(s.CapacityUnit), Unit(c.Unit), StringComparison.Ordinal) && s.CapacityPeriod == (c.Period ?? CapacityPeriod.Month);

    /// <summary>A unit folded to one spelling ("pcs" and "pieces" compare equal); bid evaluation compares declared and profile figures with it.</summary>
    public static string Unit(string? unit) => (unit ?? "").Trim().ToLowerInvariant() switch
    {
        "pcs" or "piece" or "pieces" or "unit" or "units" => "pieces",
        "t" or "tonne" or "tonnes" or "ton" or "tons" => "tonnes",
        var other => other.TrimEnd('s'),
    };

    private static (double, bool, string) LeadTime(int maxDays, int? days, bool explain)
    {
        if (days is not { } d) return (0, false, Say.Text("lead time not stated"));
        if (d <= maxDays) return (1, true, explain ? Say.Format("{0} days lead time", d) : "");
        // Late by half the allowance again scores 0.5; a lead time twice the limit or more scores 0.
        var score = Math.Max(0, 1 - (d - maxDays) / (double)Math.Max(1, maxDays));
        return (Math.Round(score, 4), false, explain ? Say.Format("{0} days lead time, {1} more than {2}", d, d - maxDays, maxDays) : "");
    }
}
