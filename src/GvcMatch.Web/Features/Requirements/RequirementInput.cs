using GvcMatch.Matching;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Requirements;

/// <summary>The editable fields of a requirement, shared by the API, the pages and the import.</summary>
public sealed record RequirementInput
{
    /// <summary>Optional; when given it must be the caller's own organisation.</summary>
    public int? OrganizationId { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public List<string> IsicCodes { get; init; } = [];
    public List<string> HsCodes { get; init; } = [];
    public decimal? Quantity { get; init; }
    public string? QuantityUnit { get; init; }
    public QuantityPeriod? QuantityPeriod { get; init; }
    public string? DeliveryCountry { get; init; }
    public string? DeliveryCity { get; init; }
    public DateOnly? ResponseDeadline { get; init; }
    public DateOnly? ContractStart { get; init; }
    public int? ContractMonths { get; init; }
    public List<Criterion> Criteria { get; init; } = [];

    /// <summary>Parts bidders may bid for separately, numbered 1..n; empty for one piece of work.</summary>
    public List<RequirementLot> Lots { get; init; } = [];

    /// <summary>Shown in the version history when a published requirement changes.</summary>
    public string? ChangeNote { get; init; }

    /// <param name="today">Dates are checked against this day; imports of closed history pass null to skip the check.</param>
    public void Validate(Errors errors, ReferenceData.ReferenceData reference, DateOnly? today, string prefix = "")
    {
        errors.Required(prefix + "title", Title, RequirementLimits.Title);
        errors.MaxLength(prefix + "description", Description, RequirementLimits.Description);
        errors.Codes(prefix + "isicCodes", IsicCodes, reference.IsIsic, "ISIC Rev.4 class");
        errors.Codes(prefix + "hsCodes", HsCodes, reference.IsHs, "HS heading");
        if (Quantity is <= 0) errors.Add(prefix + "quantity", "Quantity must be positive.");
        if (Quantity is not null && string.IsNullOrWhiteSpace(QuantityUnit)) errors.Add(prefix + "quantityUnit", "Give the unit of the quantity.");
        errors.MaxLength(prefix + "quantityUnit", QuantityUnit, 20);
        if (QuantityPeriod is { } period && !Enum.IsDefined(period)) errors.Add(prefix + "quantityPeriod", "Unknown period.");
        if (DeliveryCountry is not null && !reference.IsCountry(DeliveryCountry)) errors.Add(prefix + "deliveryCountry", $"Unknown ISO 3166 country code '{DeliveryCountry}'.");
        errors.MaxLength(prefix + "deliveryCity", DeliveryCity, 100);
        if (today is { } day && ResponseDeadline is { } deadline && deadline < day)
            errors.Add(prefix + "responseDeadline", $"The response deadline {deadline:yyyy-MM-dd} is in the past.");
        if (today is { } d && ContractStart is { } start && start < d)
            errors.Add(prefix + "contractStart", $"The contract start {start:yyyy-MM-dd} is in the past.");
        if (ResponseDeadline is { } rd && ContractStart is { } cs && cs < rd)
            errors.Add(prefix + "contractStart", "The contract cannot start before the response deadline.");
        if (ContractMonths is < 1 or > 240) errors.Add(prefix + "contractMonths", "Contract length is 1 to 240 months.");
        errors.MaxLength(prefix + "changeNote", ChangeNote, 1000);
        errors.AddRange(CriteriaValidator.Validate(Criteria, reference, prefix + "criteria"));
        RequirementLots.Validate(errors, Lots, prefix + "lots");
    }

    public void ApplyTo(Requirement r)
    {
        r.Title = Title.Trim();
        r.Description = Description.Trim();
        r.IsicCodes = IsicCodes.Distinct().ToList();
        r.HsCodes = HsCodes.Distinct().ToList();
        r.Quantity = Quantity;
        r.QuantityUnit = QuantityUnit?.Trim();
        r.QuantityPeriod = QuantityPeriod;
        r.DeliveryCountry = DeliveryCountry?.ToUpperInvariant();
        r.DeliveryCity = DeliveryCity?.Trim();
        r.ResponseDeadline = ResponseDeadline;
        r.ContractStart = ContractStart;
        r.ContractMonths = ContractMonths;
        r.Criteria = Criteria.ToList();
        r.Lots = RequirementLots.Clean(Lots);
    }

    public static RequirementInput From(Requirement r) => new()
    {
        OrganizationId = r.OrganizationId, Title = r.Title, Description = r.Description, IsicCodes = r.IsicCodes, HsCodes = r.HsCodes,
        Quantity = r.Quantity, QuantityUnit = r.QuantityUnit, QuantityPeriod = r.QuantityPeriod, DeliveryCountry = r.DeliveryCountry,
        DeliveryCity = r.DeliveryCity, ResponseDeadline = r.ResponseDeadline, ContractStart = r.ContractStart,
        ContractMonths = r.ContractMonths, Criteria = r.Criteria.ToList(), Lots = r.Lots.ToList(),
    };
}
