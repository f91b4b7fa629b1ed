using GvcMatch.Matching;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.SupportProgrammes;

/// <summary>The editable fields of a programme, from the API and the seed file alike.</summary>
public sealed record ProgrammeInput
{
    public string Name { get; init; } = "";
    public string Provider { get; init; } = "";
    public string? Country { get; init; }
    public ProgrammeKind? Kind { get; init; }
    public string Summary { get; init; } = "";
    public string Eligibility { get; init; } = "";
    public List<string> SizeBands { get; init; } = [];
    public string? Url { get; init; }

    public void Validate(Errors errors, ReferenceData.ReferenceData reference)
    {
        errors.Required("name", Name, ProgrammeLimits.Name);
        errors.SingleLine("name", Name);
        errors.Required("provider", Provider, ProgrammeLimits.Name);
        if (Country is not null && !reference.IsCountry(Country)) errors.Add("country", $"Unknown ISO 3166 country code '{Country}'.");
        if (Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", $"Give one of {string.Join(", ", Enum.GetNames<ProgrammeKind>())}.");
        errors.Required("summary", Summary, ProgrammeLimits.Summary);
        errors.MaxLength("eligibility", Eligibility, ProgrammeLimits.Eligibility);
        foreach (var band in SizeBands.Where(b => !CompanySizes.Bands.Contains(b, StringComparer.OrdinalIgnoreCase)))
            errors.Add("sizeBands", $"Unknown size band '{band}'; use {string.Join(", ", CompanySizes.Bands)}.");
        errors.Url("url", Url, ProgrammeLimits.Url);
    }

    public void ApplyTo(SupportProgramme p)
    {
        p.Name = Name.Trim();
        p.Provider = Provider.Trim();
        p.Country = string.IsNullOrWhiteSpace(Country) ? null : Country.Trim().ToUpperInvariant();
        p.Kind = Kind ?? ProgrammeKind.Training;
        p.Summary = Summary.Trim();
        p.Eligibility = Eligibility.Trim();
        p.SizeBands = SizeBands.Select(b => CompanySizes.Bands.First(x => x.Equals(b, StringComparison.OrdinalIgnoreCase))).Distinct().ToList();
        p.Url = string.IsNullOrWhiteSpace(Url) ? null : Url.Trim();
    }
}

/// <param name="Mine">Whether the caller may edit it (its maintainer's member, or an admin).</param>
public sealed record ProgrammeDto(int Id, string Name, string Provider, string? Country, ProgrammeKind Kind, string Summary, string Eligibility,
    IReadOnlyList<string> SizeBands, string? Url, int? MaintainedBy, bool Mine)
{
    public static ProgrammeDto From(SupportProgramme p, Actor? actor) => new(p.Id, p.Name, p.Provider, p.Country, p.Kind, p.Summary, p.Eligibility,
        p.SizeBands, p.Url, p.OrganizationId, SupportProgrammesApi.CanEdit(actor, p) is null);
}
