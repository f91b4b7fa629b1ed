using GvcMatch.Matching;
using GvcMatch.Matching.Places;
using GvcMatch.Matching.Understanding;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Consolidation;

/// <summary>The editable fields of a consolidation notice.</summary>
public sealed record NoticeInput
{
    public string Title { get; init; } = "";
    public string Reason { get; init; } = "";
    public List<string> IsicCodes { get; init; } = [];
    public List<string> HsCodes { get; init; } = [];
    public List<string> Concepts { get; init; } = [];
    public List<string> Countries { get; init; } = [];
    public List<string> Regions { get; init; } = [];
    public List<Criterion> Criteria { get; init; } = [];
    public DateOnly? DecisionDate { get; init; }

    /// <summary>Shown in the version history when a published notice changes.</summary>
    public string? ChangeNote { get; init; }

    /// <param name="published">The notice as published so far, when editing one: its decision date may only move later.</param>
    public void Validate(Errors errors, ReferenceData.ReferenceData reference, CapabilityVocabulary vocabulary, DateOnly today, int minimumDays,
        ConsolidationNotice? published)
    {
        errors.Required("title", Title, NoticeLimits.Title);
        errors.SingleLine("title", Title);
        // The Action Statement asks for transparency: a notice says why.
        errors.Required("reason", Reason, NoticeLimits.Reason);
        errors.Codes("isicCodes", IsicCodes, reference.IsIsic, "ISIC Rev.4 class");
        errors.Codes("hsCodes", HsCodes, reference.IsHs, "HS heading");
        errors.Codes("concepts", Concepts, c => vocabulary.Find(c) is not null, "vocabulary concept");
        errors.Codes("countries", Countries, reference.IsCountry, "ISO 3166 country code");
        errors.Codes("regions", Regions, r => RegionRegistry.Default.Find(r) is not null, "region");
        if (IsicCodes.Count + HsCodes.Count + Concepts.Count + Countries.Count + Regions.Count == 0)
            errors.Add("isicCodes", "Name the category: ISIC or HS codes, vocabulary concepts or a region.");
        if (Criteria.Count == 0) errors.Add("criteria", "Publish the criteria that will decide which suppliers stay.");
        errors.AddRange(CriteriaValidator.Validate(Criteria, reference, "criteria"));
        errors.MaxLength("changeNote", ChangeNote, 1000);

        if (DecisionDate is not { } date) errors.Add("decisionDate", "Give the date the decision will be taken.");
        else if (published is not null && date < published.DecisionDate)
            errors.Add("decisionDate", $"The decision date cannot move earlier once published: the notice promised {published.DecisionDate:yyyy-MM-dd}.");
        else if (published is null && date < today.AddDays(minimumDays))
            errors.Add("decisionDate", $"Give suppliers at least {minimumDays} days' notice: the decision date is {today.AddDays(minimumDays):yyyy-MM-dd} or later.");
    }

    public void ApplyTo(ConsolidationNotice n)
    {
        n.Title = Title.Trim();
        n.Reason = Reason.Trim();
        n.IsicCodes = IsicCodes.Distinct().ToList();
        n.HsCodes = HsCodes.Distinct().ToList();
        n.Concepts = Concepts.Distinct().ToList();
        n.Countries = Countries.Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        n.Regions = Regions.Select(r => RegionRegistry.Default.Find(r)!.Code).Distinct().ToList();
        n.Criteria = Criteria.ToList();
        n.DecisionDate = DecisionDate ?? n.DecisionDate;
    }
}

/// <summary>The buyer's record of one supplier's outcome at the decision date.</summary>
public sealed record OutcomeInput(int OrganizationId, ConsolidationOutcome? Outcome, string? Reason);
