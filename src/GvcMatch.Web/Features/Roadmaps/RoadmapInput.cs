using GvcMatch.Matching;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Roadmaps;

/// <summary>The editable fields of a road-map item, shared by the API and the editor page.</summary>
public sealed record RoadmapInput
{
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public RoadmapItemKind? Kind { get; init; }
    public int? TimingYear { get; init; }
    public int? TimingQuarter { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    public List<string> IsicCodes { get; init; } = [];
    public List<string> HsCodes { get; init; } = [];
    public List<Criterion> Criteria { get; init; } = [];
    public RoadmapVisibility? Visibility { get; init; }

    /// <summary>Shown in the version history when a published item changes.</summary>
    public string? ChangeNote { get; init; }

    public void Validate(Errors errors, ReferenceData.ReferenceData reference, DateOnly today)
    {
        errors.Required("title", Title, RoadmapLimits.Title);
        errors.SingleLine("title", Title);
        errors.MaxLength("description", Description, RoadmapLimits.Description);
        if (Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", "Give Product or Process.");
        if (Visibility is not { } visibility || !Enum.IsDefined(visibility)) errors.Add("visibility", "Give Everyone or Network.");
        errors.Codes("isicCodes", IsicCodes, reference.IsIsic, "ISIC Rev.4 class");
        errors.Codes("hsCodes", HsCodes, reference.IsHs, "HS heading");
        if (Criteria.Count == 0) errors.Add("criteria", "Say what the item will need: capabilities, materials or certificates.");
        errors.AddRange(CriteriaValidator.Validate(Criteria, reference, "criteria"));
        errors.MaxLength("changeNote", ChangeNote, 1000);
        ValidateTiming(errors, today);
    }

    /// <summary>A road-map looks ahead: the timing is a quarter (or year) or a date range that has not ended.</summary>
    private void ValidateTiming(Errors errors, DateOnly today)
    {
        var byQuarter = TimingYear is not null || TimingQuarter is not null;
        var byDates = StartsOn is not null || EndsOn is not null;
        if (byQuarter == byDates)
        {
            errors.Add("timingYear", "Give the timing either as a year (and quarter) or as a date range.");
            return;
        }
        if (byQuarter)
        {
            if (TimingYear is not { } year) errors.Add("timingYear", "Give the year.");
            else if (year < today.Year || year > today.Year + 20) errors.Add("timingYear", $"Give a year from {today.Year} to {today.Year + 20}.");
            else if (TimingQuarter is { } q && (q < 1 || q > 4)) errors.Add("timingQuarter", "The quarter is 1, 2, 3 or 4.");
            else if (year == today.Year && TimingQuarter is { } past && past < (today.Month + 2) / 3)
                errors.Add("timingQuarter", "That quarter has passed.");
            return;
        }
        if (StartsOn is not { } start) errors.Add("startsOn", "Give the first day of the range.");
        else if (EndsOn is not { } end) errors.Add("endsOn", "Give the last day of the range.");
        else if (end < start) errors.Add("endsOn", "The range cannot end before it starts.");
        else if (end < today) errors.Add("endsOn", "The range has already ended.");
    }

    public void ApplyTo(RoadmapItem i)
    {
        i.Title = Title.Trim();
        i.Description = Description.Trim();
        i.Kind = Kind ?? i.Kind;
        i.Visibility = Visibility ?? i.Visibility;
        (i.TimingYear, i.TimingQuarter) = TimingYear is null ? (null, null) : (TimingYear, TimingQuarter);
        (i.StartsOn, i.EndsOn) = TimingYear is null ? (StartsOn, EndsOn) : (null, null);
        i.IsicCodes = IsicCodes.Distinct().ToList();
        i.HsCodes = HsCodes.Distinct().ToList();
        i.Criteria = Criteria.ToList();
    }
}

/// <summary>An SME's expression of interest: a short note, and what it would bring.</summary>
public sealed record InterestInput(string? Note, List<string>? Capabilities, string? Capacity)
{
    public void Validate(Errors errors)
    {
        errors.Required("note", Note, RoadmapLimits.Note);
        errors.TextList("capabilities", Capabilities, 20, 100);
        errors.MaxLength("capacity", Capacity, 200);
        errors.SingleLine("capacity", Capacity);
    }
}

/// <summary>What a requirement needs beyond the item: when responses close.</summary>
public sealed record ConvertInput(DateOnly? ResponseDeadline, string? DeliveryCountry);
