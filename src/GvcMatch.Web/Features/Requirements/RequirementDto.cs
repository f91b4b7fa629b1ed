using GvcMatch.Matching;

namespace GvcMatch.Web.Features.Requirements;

public sealed record CriterionDto(
    CriterionKind Kind, bool Mandatory, int? Weight, string? Description, IReadOnlyList<string>? Keywords, string? Standard,
    decimal? Minimum, string? Unit, int? Days, IReadOnlyList<string>? Countries, IReadOnlyList<string>? SizeBands, string Summary)
{
    public static CriterionDto From(Criterion c) =>
        new(c.Kind, c.Mandatory, c.Weight, c.Description, c.Keywords, c.Standard, c.Minimum, c.Unit, c.Days, c.Countries, c.SizeBands, c.Summary())
        {
            Regions = c.Regions, MinEmployees = c.MinEmployees, MaxEmployees = c.MaxEmployees,
        };

    /// <summary>LocationIn and ExportExperience: region lists beside the countries ("EU").</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>CompanySize by employee count.</summary>
    public int? MinEmployees { get; init; }
    public int? MaxEmployees { get; init; }
}

public sealed record RequirementDto(
    int Id, string Key, int OrganizationId, string OrganizationName, string Title, string Description,
    IReadOnlyList<string> IsicCodes, IReadOnlyList<string> HsCodes, decimal? Quantity, string? QuantityUnit, QuantityPeriod? QuantityPeriod,
    string? DeliveryCountry, string? DeliveryCity, DateOnly? ResponseDeadline, DateOnly? ContractStart, int? ContractMonths,
    IReadOnlyList<CriterionDto> Criteria, RequirementStatus Status, string? StatusReason, int Version,
    DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, IReadOnlyList<RequirementLot> Lots, DateTimeOffset? BidsCloseAt)
{
    public static RequirementDto From(Requirement r) => new(
        r.Id, r.Key, r.OrganizationId, r.Organization.Name, r.Title, r.Description, r.IsicCodes, r.HsCodes, r.Quantity,
        r.QuantityUnit, r.QuantityPeriod, r.DeliveryCountry, r.DeliveryCity, r.ResponseDeadline, r.ContractStart, r.ContractMonths,
        r.Criteria.Select(CriterionDto.From).ToList(), r.Status, r.StatusReason, r.Version, r.PublishedAt, r.UpdatedAt, r.Lots, r.BidsCloseAt);
}

public sealed record RequirementVersionDto(
    int Number, DateTimeOffset PublishedAt, string? ChangeNote, string Title, string Description, DateOnly? ResponseDeadline,
    IReadOnlyList<CriterionDto> Criteria, IReadOnlyList<RequirementLot> Lots)
{
    public static RequirementVersionDto From(RequirementVersion v) => new(
        v.Number, v.PublishedAt, v.ChangeNote, v.Title, v.Description, v.ResponseDeadline, v.Criteria.Select(CriterionDto.From).ToList(), v.Lots);
}

public sealed record StatusChangeRequest(string? Reason);
