using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Organizations;

/// <summary>The editable fields of an organisation, as sent by the API, the pages and the import.</summary>
public sealed record OrganizationInput
{
    public string Name { get; init; } = "";
    public OrganizationKind Kind { get; init; }
    public IntermediaryType? IntermediaryType { get; init; }
    public string Country { get; init; } = "";
    public string? City { get; init; }
    public SizeBand SizeBand { get; init; }
    public string? Website { get; init; }
    public string? Description { get; init; }

    public void Validate(Errors errors, ReferenceData.ReferenceData reference, string prefix = "")
    {
        errors.Required(prefix + "name", Name, OrganizationLimits.Name);
        if (!Enum.IsDefined(Kind)) errors.Add(prefix + "kind", "Kind is Sme, Mne or Intermediary.");
        if (Kind == OrganizationKind.Intermediary && IntermediaryType is null)
            errors.Add(prefix + "intermediaryType", "An intermediary is an Agency, a Chamber or a Cluster.");
        if (Kind != OrganizationKind.Intermediary && IntermediaryType is not null)
            errors.Add(prefix + "intermediaryType", "Only intermediaries have an intermediary type.");
        if (!reference.IsCountry(Country)) errors.Add(prefix + "country", $"Unknown ISO 3166 country code '{Country}'.");
        errors.MaxLength(prefix + "city", City, OrganizationLimits.City);
        if (!Enum.IsDefined(SizeBand)) errors.Add(prefix + "sizeBand", "Size band is Micro, Small, Medium or Large.");
        errors.Url(prefix + "website", Website, OrganizationLimits.Website);
        errors.MaxLength(prefix + "description", Description, OrganizationLimits.Description);
    }

    public void ApplyTo(Organization org)
    {
        org.Name = Name.Trim();
        org.IntermediaryType = IntermediaryType;
        org.Country = Country.ToUpperInvariant();
        org.City = City?.Trim();
        org.SizeBand = SizeBand;
        org.Website = string.IsNullOrWhiteSpace(Website) ? null : Website.Trim();
        org.Description = Description?.Trim();
    }

    public static OrganizationInput From(Organization o) => new()
    {
        Name = o.Name, Kind = o.Kind, IntermediaryType = o.IntermediaryType, Country = o.Country, City = o.City,
        SizeBand = o.SizeBand, Website = o.Website, Description = o.Description,
    };
}
