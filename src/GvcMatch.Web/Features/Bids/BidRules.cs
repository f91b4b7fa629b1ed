using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Bids;

/// <summary>The checks shared by drafts and submissions; every message names criteria as people see them (C1, C2, ...).</summary>
public static class BidRules
{
    public const int MaxSubcontractors = 20;

    public static string Label(int criterionIndex) => $"C{criterionIndex + 1}";

    public static void CheckAnswers(Errors errors, IReadOnlyList<BidAnswerInput> answers, Requirement requirement)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < answers.Count; i++)
        {
            var a = answers[i];
            var field = $"answers[{i}]";
            if (a.Criterion < 0 || a.Criterion >= requirement.Criteria.Count)
                errors.Add(field + ".criterion", $"Criterion index {a.Criterion} does not exist: this requirement publishes {requirement.Criteria.Count} criteria (indexes 0 to {requirement.Criteria.Count - 1}).");
            else if (!seen.Add(a.Criterion))
                errors.Add(field + ".criterion", $"{Label(a.Criterion)} is answered twice.");
            errors.MaxLength(field + ".value", a.Value?.Trim(), BidLimits.Value);
            errors.MaxLength(field + ".evidence", a.Evidence?.Trim(), BidLimits.Evidence);
        }
    }

    public static void CheckLots(Errors errors, IReadOnlyList<int> lots, Requirement requirement)
    {
        if (requirement.Lots.Count == 0)
        {
            if (lots.Count > 0) errors.Add("lots", "This requirement is not split into lots; send no lots.");
            return;
        }
        var known = requirement.Lots.Select(l => l.Number).ToHashSet();
        var unknown = lots.Where(n => !known.Contains(n)).Distinct().ToList();
        if (unknown.Count > 0)
            errors.Add("lots", $"Unknown lot{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown)}; this requirement has lots {string.Join(", ", known.Order())}.");
    }

    public static void CheckSubcontractors(Errors errors, IReadOnlyList<SubcontractorInput> subcontractors, ReferenceData.ReferenceData reference)
    {
        if (subcontractors.Count > MaxSubcontractors) errors.Add("subcontractors", $"At most {MaxSubcontractors} subcontractors.");
        for (var i = 0; i < subcontractors.Count; i++)
        {
            var s = subcontractors[i];
            var field = $"subcontractors[{i}]";
            errors.Required(field + ".name", s.Name, BidLimits.Name);
            errors.Required(field + ".work", s.Work, BidLimits.Work);
            if (!string.IsNullOrWhiteSpace(s.Country) && !reference.IsCountry(s.Country.Trim().ToUpperInvariant()))
                errors.Add(field + ".country", $"Unknown ISO 3166 country code '{s.Country}'.");
            if (s.SharePercent is < 0 or > 100) errors.Add(field + ".sharePercent", "A share is 0 to 100 percent.");
        }
        if (subcontractors.Sum(s => s.SharePercent ?? 0) > 100) errors.Add("subcontractors", "The subcontractors' shares add up to more than 100 percent.");
    }

    /// <summary>
    /// What a submission needs beyond a valid draft: an answer to every published criterion (the
    /// mandatory ones named first), at least one lot when there are lots, and a price with its currency.
    /// </summary>
    public static void CheckComplete(Errors errors, Bid bid, Requirement requirement)
    {
        var stale = bid.Answers.Where(a => a.CriterionIndex >= requirement.Criteria.Count).Select(a => Label(a.CriterionIndex)).ToList();
        if (stale.Count > 0)
            errors.Add("answers", $"The requirement no longer has {string.Join(", ", stale)} (version {requirement.Version}); remove those answers.");
        var answered = bid.Answers.Select(a => a.CriterionIndex).ToHashSet();
        var missing = Enumerable.Range(0, requirement.Criteria.Count).Where(i => !answered.Contains(i)).ToList();
        var mandatory = missing.Where(i => requirement.Criteria[i].Mandatory).Select(Label).ToList();
        var weighted = missing.Where(i => !requirement.Criteria[i].Mandatory).Select(Label).ToList();
        if (mandatory.Count > 0) errors.Add("answers", $"Answer the mandatory criteria {string.Join(", ", mandatory)}.");
        if (weighted.Count > 0) errors.Add("answers", $"Answer every published criterion; unanswered: {string.Join(", ", weighted)}.");
        var lotErrors = new Errors();
        CheckLots(lotErrors, bid.Lots, requirement);
        errors.AddRange(lotErrors.ToDictionary());
        if (requirement.Lots.Count > 0 && bid.Lots.Count == 0) errors.Add("lots", "Name at least one lot this bid covers.");
        if (bid.Price is null) errors.Add("price", "Give the price.");
        if (bid.Currency is null) errors.Add("currency", "Give the ISO 4217 currency code of the price, e.g. EUR.");
    }
}
