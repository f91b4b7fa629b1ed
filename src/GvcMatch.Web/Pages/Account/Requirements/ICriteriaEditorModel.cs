namespace GvcMatch.Web.Pages.Account.Requirements;

/// <summary>
/// What the criteria editor partial needs from the page that hosts it: the rows it posts as
/// <c>Input.Criteria[i]</c> and the errors keyed <c>criteria[i].field</c>. Requirements and
/// consolidation notices publish the same criteria model, so they share the editor.
/// </summary>
public interface ICriteriaEditorModel
{
    IDictionary<string, string[]>? Errors { get; }
    List<CriterionRow> CriteriaRows { get; }
}
