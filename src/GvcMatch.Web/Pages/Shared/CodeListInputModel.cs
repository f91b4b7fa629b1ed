namespace GvcMatch.Web.Pages.Shared;

/// <summary>A text box of comma-separated codes from one reference list, with the list offered as suggestions.</summary>
public sealed record CodeListInputModel(
    Features.ReferenceData.ReferenceData Reference, IDictionary<string, string[]>? Errors, string List, string Name, string ErrorKey,
    string Label, string? Value, string Placeholder);
