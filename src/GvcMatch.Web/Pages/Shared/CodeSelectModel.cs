namespace GvcMatch.Web.Pages.Shared;

/// <summary>A select over one reference code list, with an empty "any" option.</summary>
public sealed record CodeSelectModel(
    Features.ReferenceData.ReferenceData Reference, string List, string Name, string? Selected, string EmptyText,
    bool ShowCodeOnly = false, string? Id = null, string? CssExtra = null);
