using GvcMatch.Web.Features.Roadmaps;
using GvcMatch.Web.Pages.Account.Requirements;
using GvcMatch.Web.Pages.Shared;

namespace GvcMatch.Web.Pages.Roadmaps;

/// <summary>A road-map item as the editor posts it: code lists as comma-separated text, criteria as the requirement editor's rows.</summary>
public sealed class RoadmapForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public RoadmapItemKind? Kind { get; set; }
    public int? TimingYear { get; set; }
    public int? TimingQuarter { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string? IsicCodes { get; set; }
    public string? HsCodes { get; set; }
    public RoadmapVisibility? Visibility { get; set; }
    public string? ChangeNote { get; set; }
    public List<CriterionRow> Criteria { get; set; } = [];

    public RoadmapInput ToInput() => new()
    {
        Title = Title ?? "", Description = Description ?? "", Kind = Kind, Visibility = Visibility,
        TimingYear = TimingYear, TimingQuarter = TimingQuarter, StartsOn = StartsOn, EndsOn = EndsOn,
        IsicCodes = FormHelpers.SplitList(IsicCodes), HsCodes = FormHelpers.SplitList(HsCodes),
        ChangeNote = string.IsNullOrWhiteSpace(ChangeNote) ? null : ChangeNote.Trim(),
        Criteria = Criteria.Where(c => !c.IsBlank).Select(c => c.ToCriterion()).ToList(),
    };

    public static RoadmapForm From(RoadmapItem i) => new()
    {
        Title = i.Title, Description = i.Description, Kind = i.Kind, Visibility = i.Visibility,
        TimingYear = i.TimingYear, TimingQuarter = i.TimingQuarter, StartsOn = i.StartsOn, EndsOn = i.EndsOn,
        IsicCodes = FormHelpers.JoinComma(i.IsicCodes), HsCodes = FormHelpers.JoinComma(i.HsCodes),
        Criteria = i.Criteria.Select(CriterionRow.From).ToList(),
    };

    /// <summary>Blank rows so the editor works without script, as on the requirement form.</summary>
    public void PadRows()
    {
        var target = Math.Max(RequirementForm.MinimumRows, Criteria.Count + 2);
        while (Criteria.Count < target) Criteria.Add(new CriterionRow());
        foreach (var row in Criteria) row.PadEquivalents();
    }
}
