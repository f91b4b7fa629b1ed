using System.Globalization;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Bids;

namespace GvcMatch.Web.Features.Awards;

/// <summary>A score the product worked out itself, with the reason shown to the buyer and, after the award, to the bidder.</summary>
/// <param name="VerifiedFact">The verified fact the score rests on (<see cref="VerifiedFacts"/>), or null.</param>
public sealed record ComputedScore(int CriterionIndex, double Score, string Reason, string? VerifiedFact = null);

/// <summary>The verified facts a computed score can rest on, as stored with it (English; pages translate them).</summary>
public static class VerifiedFacts
{
    public const string Certificate = "verified certificate";
    public const string Organisation = "verified organisation";

    /// <summary>
    /// A certificate criterion met by a certificate checked beyond the supplier's word (its document
    /// read, or confirmed by an intermediary or the issuer), or the organisation's own verification.
    /// </summary>
    public static string? Of(Criterion c, CriterionScore scored, SupplierFacts facts, DateOnly today) => c.Kind switch
    {
        CriterionKind.CertificationHeld when scored.Met && GvcMatch.Matching.Certifications.CertificationRequirement.From(c)
            .Evaluate(facts.Certifications.Where(h => h.Level > GvcMatch.Matching.Certifications.EvidenceLevel.SelfDeclared).ToList(), today).Met => Certificate,
        CriterionKind.VerifiedSupplier when scored.Met && facts.Verified => Organisation,
        _ => null,
    };
}

/// <summary>
/// What the product can score in a bid on its own, with the matcher's scorer so that a bid and a
/// match are judged the same way. The figures a bid declares (monthly capacity, lead time) count,
/// but a verified organisation's profile bounds them: a bidder cannot out-promise the capacity it
/// has had verified. Everything else comes from the bidder's profile facts. A certificate the
/// profile does not show but the answer cites is left to the buyer, who can check the document.
/// </summary>
public static class BidScoring
{
    public static IReadOnlyList<ComputedScore> ForSingleBidder(
        IReadOnlyList<Criterion> criteria, Bid bid, SupplierFacts facts, DateOnly today, GvcMatch.Matching.Understanding.MatchContext context)
    {
        var answers = bid.Answers.GroupBy(a => a.CriterionIndex).ToDictionary(g => g.Key, g => g.First());
        var result = new List<ComputedScore>();
        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            var answer = answers.GetValueOrDefault(i);
            var (judged, note) = c.Kind switch
            {
                CriterionKind.CapacityAtLeast => Capacity(c, answer, facts),
                CriterionKind.LeadTimeAtMost => LeadTime(answer, bid, facts),
                _ => (facts, null),
            };
            var scored = Scorer.Score([c], judged, today, context).Criteria[0];
            if (c.Kind == CriterionKind.CertificationHeld && !scored.Met && Cited(answer))
                continue; // the buyer checks the cited certificate
            var reason = note is null ? scored.Evidence : $"{scored.Evidence} ({note})";
            result.Add(new ComputedScore(i, scored.Score, Trim(reason), VerifiedFacts.Of(c, scored, judged, today)));
        }
        return result;
    }

    /// <summary>
    /// Consortium bids are judged by the consortium coverage rule (each criterion met by the members
    /// whose declared work covers it, a member's certificate counting only for that work). A
    /// criterion no member covers is left to the buyer rather than scored 0: the bid's answer may
    /// explain it, and the buyer gives the reason.
    /// </summary>
    public static IReadOnlyList<ComputedScore> ForConsortium(ConsortiumCoverageResult coverage) =>
        coverage.Criteria.Where(c => c.CoveredBy.Count > 0)
            .Select(c => new ComputedScore(c.Index, c.Score, Trim($"{c.Label}: {c.Evidence}")))
            .ToList();

    /// <summary>
    /// Whether a score meets a mandatory criterion, with the matcher's thresholds: half the
    /// capabilities for a capability fit, experience in any one wanted country or region, otherwise in full.
    /// A buyer scoring a mandatory criterion by hand gives 1 for met and 0 for not met.
    /// </summary>
    public static bool MandatoryMet(Criterion c, double score) => c.Kind switch
    {
        CriterionKind.CapabilityFit => score >= Scorer.CapabilityPass,
        CriterionKind.ExportExperience when c.Countries is { Count: > 0 } || c.Regions is { Count: > 0 } => score > 0,
        _ => score >= 1,
    };

    /// <summary>The bid's total from its scores, with the requirement's published weights only.</summary>
    public static Tally Sum(IReadOnlyList<Criterion> criteria, IReadOnlyDictionary<int, double> scores)
    {
        var missing = Enumerable.Range(0, criteria.Count).Where(i => !scores.ContainsKey(i)).ToList();
        var failed = Enumerable.Range(0, criteria.Count)
            .Where(i => criteria[i].Mandatory && scores.TryGetValue(i, out var s) && !MandatoryMet(criteria[i], s)).ToList();
        var weighted = criteria.Any(c => !c.Mandatory && (c.Weight ?? 0) > 0);
        var total = weighted
            ? Math.Round(criteria.Select((c, i) => c.Mandatory ? 0 : (c.Weight ?? 0) * scores.GetValueOrDefault(i)).Sum(), 2)
            : missing.Count == 0 && failed.Count == 0 ? 100 : 0;
        return new Tally(total, missing, failed);
    }

    public static string Label(int index) => $"C{index + 1}";

    private static (SupplierFacts, string?) Capacity(Criterion c, BidAnswer? answer, SupplierFacts facts)
    {
        if (answer?.Number is not { } declared) return (facts, "from the profile");
        if (facts.Verified && facts.MonthlyCapacity is { } verified && verified < declared
            && string.Equals(Scorer.Unit(facts.CapacityUnit), Scorer.Unit(c.Unit), StringComparison.OrdinalIgnoreCase))
            return (facts with { MonthlyCapacity = verified, CapacityUnit = c.Unit },
                $"{Number(declared)} declared, the verified profile states {Number(verified)}");
        return (facts with { MonthlyCapacity = declared, CapacityUnit = c.Unit },
            facts.Verified ? "as declared in the bid" : "as declared in the bid; organisation not verified");
    }

    private static (SupplierFacts, string?) LeadTime(BidAnswer? answer, Bid bid, SupplierFacts facts)
    {
        var declared = answer?.Number is { } n ? (int)Math.Ceiling(n) : bid.LeadTimeDays;
        if (declared is not { } days) return (facts, "from the profile");
        if (facts.Verified && facts.LeadTimeDays is { } verified && verified > days)
            return (facts with { LeadTimeDays = verified }, $"{days} days declared, the verified profile states {verified}");
        return (facts with { LeadTimeDays = days }, facts.Verified ? "as declared in the bid" : "as declared in the bid; organisation not verified");
    }

    private static bool Cited(BidAnswer? answer) => !string.IsNullOrWhiteSpace(answer?.Evidence) || !string.IsNullOrWhiteSpace(answer?.Value);

    private static string Number(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Trim(string s) => s.Length <= AwardLimits.Reason ? s : s[..(AwardLimits.Reason - 1)] + "…";
}

/// <summary>A bid's total so far, the criteria still unscored, and the mandatory ones it fails.</summary>
public sealed record Tally(double Total, IReadOnlyList<int> Missing, IReadOnlyList<int> Failed)
{
    public bool Complete => Missing.Count == 0;
    public bool Disqualified => Failed.Count > 0;
}
