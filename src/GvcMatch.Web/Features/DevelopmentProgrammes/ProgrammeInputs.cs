using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Matching.Understanding;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.DevelopmentProgrammes;

/// <summary>A programme's editable fields.</summary>
public sealed record ProgrammeInput
{
    public string? Title { get; init; }
    public string? Aim { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    public List<string>? IsicCodes { get; init; }
    public List<string>? HsCodes { get; init; }

    public Errors Validate(ReferenceData.ReferenceData reference)
    {
        var errors = new Errors();
        errors.Required("title", Title, ProgrammeLimits.Title);
        errors.SingleLine("title", Title);
        errors.Required("aim", Aim, ProgrammeLimits.Aim);
        if (StartsOn is null) errors.Add("startsOn", "Give the start date.");
        if (EndsOn is null) errors.Add("endsOn", "Give the end date.");
        else if (StartsOn is { } start && EndsOn < start) errors.Add("endsOn", "The programme ends on or after its start.");
        errors.Codes("isicCodes", IsicCodes, reference.IsIsic, "ISIC Rev.4 class");
        errors.Codes("hsCodes", HsCodes, reference.IsHs, "HS code");
        return errors;
    }

    public void ApplyTo(DevelopmentProgramme p)
    {
        p.Title = Title!.Trim();
        p.Aim = Aim!.Trim();
        p.StartsOn = StartsOn!.Value;
        p.EndsOn = EndsOn!.Value;
        p.IsicCodes = (IsicCodes ?? []).Select(c => c.Trim()).Distinct().ToList();
        p.HsCodes = (HsCodes ?? []).Select(c => c.Trim()).Distinct().ToList();
    }
}

/// <summary>A milestone: for one enrolled SME (<see cref="EnrolmentId"/>) or for all, with the fields its kind needs.</summary>
public sealed record MilestoneInput
{
    public MilestoneKind? Kind { get; init; }
    public string? Title { get; init; }
    public int? EnrolmentId { get; init; }
    public DateOnly? Due { get; init; }
    public string? Standard { get; init; }
    public string? Scope { get; init; }
    public string? ConceptId { get; init; }
    public decimal? Minimum { get; init; }
    public string? Unit { get; init; }
    public CapacityPeriod? Period { get; init; }

    public Errors Validate(CapabilityVocabulary vocabulary)
    {
        var errors = new Errors();
        if (Kind is not { } kind || !Enum.IsDefined(kind)) { errors.Add("kind", $"Give one of {string.Join(", ", Enum.GetNames<MilestoneKind>())}."); return errors; }
        if (kind == MilestoneKind.Text) errors.Required("title", Title, ProgrammeLimits.Title);
        else errors.MaxLength("title", Title, ProgrammeLimits.Title);
        errors.SingleLine("title", Title);
        switch (kind)
        {
            case MilestoneKind.Certificate:
                if (!string.IsNullOrWhiteSpace(Standard) && CertificationRegistry.Default.Resolve(Standard) is null)
                    errors.Add("standard", $"'{Standard}' is not a standard in the certification registry.");
                else CertificationCriterionRules.Check(Standard, Scope, "m", (field, message) => errors.Add(field[2..], message), CertificationRegistry.Default);
                break;
            case MilestoneKind.Capability:
                if (Concept(vocabulary) is null) errors.Add("conceptId", "Choose a capability from the vocabulary (its id or a label).");
                break;
            case MilestoneKind.Capacity:
                if (Minimum is not > 0) errors.Add("minimum", "Give the capacity to reach, more than 0.");
                errors.Required("unit", Unit, 20);
                if (Period is { } period && !Enum.IsDefined(period)) errors.Add("period", "Unknown period.");
                break;
        }
        return errors;
    }

    /// <summary>The concept named by its id, or else by a label in any of the vocabulary's languages ("powder coating", "塗装").</summary>
    private string? Concept(CapabilityVocabulary vocabulary) =>
        string.IsNullOrWhiteSpace(ConceptId) ? null
        : vocabulary.Find(ConceptId.Trim()) is { } byId ? byId.Id
        : vocabulary.Tag(ConceptId).FirstOrDefault()?.ConceptId;

    public ProgrammeMilestone ToMilestone(int programmeId, CapabilityVocabulary vocabulary)
    {
        var m = new ProgrammeMilestone
        {
            ProgrammeId = programmeId, EnrolmentId = EnrolmentId, Kind = Kind!.Value, Title = "", Due = Due,
            Standard = Kind == MilestoneKind.Certificate ? CertificationRegistry.Default.Resolve(Standard!)?.Standard.Code ?? Standard!.Trim() : null,
            Scope = Kind == MilestoneKind.Certificate && !string.IsNullOrWhiteSpace(Scope) ? Scope.Trim() : null,
            ConceptId = Kind == MilestoneKind.Capability ? Concept(vocabulary) : null,
            Minimum = Kind == MilestoneKind.Capacity ? Minimum : null,
            Unit = Kind == MilestoneKind.Capacity ? Unit!.Trim() : null,
            Period = Kind == MilestoneKind.Capacity ? Period ?? CapacityPeriod.Month : null,
        };
        // An untitled milestone keeps no title: it is named by what it asks when shown
        // (MilestoneChecks.TitleOf), in each reader's language rather than the writer's.
        m.Title = Title?.Trim() ?? "";
        return m;
    }
}
