using GvcMatch.Web.Features.Organizations;

namespace GvcMatch.Web.Pages.Shared;

/// <summary>The organisation fields shared by the register page and the organisation edit page.</summary>
/// <param name="NamePrefix">Prefix of the form field names, e.g. "Input.".</param>
/// <param name="ErrorPrefix">Prefix of the error keys, e.g. "organization." when registering.</param>
public sealed record OrganizationFieldsModel(
    Features.ReferenceData.ReferenceData Reference, IDictionary<string, string[]>? Errors, string NamePrefix, string ErrorPrefix, bool KindEditable,
    string? Name, OrganizationKind Kind, IntermediaryType? IntermediaryType, string? Country, string? City, SizeBand SizeBand,
    string? Website, string? Description);
