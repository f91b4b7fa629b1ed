using GvcMatch.Web.Features.Consolidation;
using GvcMatch.Web.Pages.Account.Requirements;
using GvcMatch.Web.Pages.Shared;

namespace GvcMatch.Web.Pages.Consolidation;

/// <summary>A consolidation notice as the announcement form posts it: lists as comma-separated text, criteria as the requirement editor's rows.</summary>
public sealed class NoticeForm
{
    public string? Title { get; set; }
    public string? Reason { get; set; }
    public string? IsicCodes { get; set; }
    public string? HsCodes { get; set; }
    public string? Concepts { get; set; }
    public string? Countries { get; set; }
    public string? Regions { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public string? ChangeNote { get; set; }
    public List<CriterionRow> Criteria { get; set; } = [];

    public NoticeInput ToInput() => new()
    {
        Title = Title ?? "", Reason = Reason ?? "",
        IsicCodes = FormHelpers.SplitList(IsicCodes), HsCodes = FormHelpers.SplitList(HsCodes), Concepts = FormHelpers.SplitList(Concepts),
        Countries = FormHelpers.SplitList(Countries), Regions = FormHelpers.SplitList(Regions),
        DecisionDate = DecisionDate, ChangeNote = string.IsNullOrWhiteSpace(ChangeNote) ? null : ChangeNote.Trim(),
        Criteria = Criteria.Where(c => !c.IsBlank).Select(c => c.ToCriterion()).ToList(),
    };

    public static NoticeForm From(ConsolidationNotice n) => new()
    {
        Title = n.Title, Reason = n.Reason,
        IsicCodes = FormHelpers.JoinComma(n.IsicCodes), HsCodes = FormHelpers.JoinComma(n.HsCodes), Concepts = FormHelpers.JoinComma(n.Concepts),
        Countries = FormHelpers.JoinComma(n.Countries), Regions = FormHelpers.JoinComma(n.Regions),
        DecisionDate = n.DecisionDate, Criteria = n.Criteria.Select(CriterionRow.From).ToList(),
    };

    /// <summary>Blank rows so the editor works without script, as on the requirement form.</summary>
    public void PadRows()
    {
        var target = Math.Max(RequirementForm.MinimumRows, Criteria.Count + 2);
        while (Criteria.Count < target) Criteria.Add(new CriterionRow());
        foreach (var row in Criteria) row.PadEquivalents();
    }
}
