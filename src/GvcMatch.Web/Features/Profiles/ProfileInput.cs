using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Profiles;

public sealed record CertificationInput(string Standard, string? Issuer, string? Number, DateOnly? ValidUntil)
{
    /// <summary>The scope or class it is issued for ("Chemical Processing", "class 7").</summary>
    public string? Scope { get; init; }
    public DateOnly? ValidFrom { get; init; }

    /// <summary>Not given: an unchanged certificate keeps its level, a new one is self-declared.</summary>
    public GvcMatch.Matching.Certifications.EvidenceLevel? Evidence { get; init; }
}

/// <summary>The editable fields of a capability profile, shared by the API, the pages and the import.</summary>
public sealed record ProfileInput
{
    public string Summary { get; init; } = "";
    public List<string> Capabilities { get; init; } = [];
    public List<string> Materials { get; init; } = [];
    public List<string> Equipment { get; init; } = [];
    public List<string> IsicCodes { get; init; } = [];
    public List<string> HsCodes { get; init; } = [];
    public List<CertificationInput> Certifications { get; init; } = [];
    public decimal? MonthlyCapacity { get; init; }
    public string? CapacityUnit { get; init; }

    /// <summary>What the capacity counts over: Month (the default), Year or Once.</summary>
    public GvcMatch.Matching.CapacityPeriod? CapacityPeriod { get; init; }
    public int? LeadTimeDays { get; init; }

    /// <summary>The number of employees (optional); when given, it sets the organisation's size band.</summary>
    public int? EmployeeCount { get; init; }
    public decimal? MinimumOrder { get; init; }
    public string? MinimumOrderUnit { get; init; }
    public List<string> ExportMarkets { get; init; } = [];
    public List<string> Languages { get; init; } = [];
    public DateOnly? RenewalDue { get; init; }

    public void Validate(Errors errors, ReferenceData.ReferenceData reference, string prefix = "")
    {
        errors.MaxLength(prefix + "summary", Summary, ProfileLimits.Summary);
        errors.TextList(prefix + "capabilities", Capabilities, ProfileLimits.ListItems, ProfileLimits.ListItem);
        errors.TextList(prefix + "materials", Materials, ProfileLimits.ListItems, ProfileLimits.ListItem);
        errors.TextList(prefix + "equipment", Equipment, ProfileLimits.ListItems, ProfileLimits.ListItem);
        errors.Codes(prefix + "isicCodes", IsicCodes, reference.IsIsic, "ISIC Rev.4 class");
        errors.Codes(prefix + "hsCodes", HsCodes, reference.IsHs, "HS heading");
        errors.Codes(prefix + "exportMarkets", ExportMarkets, reference.IsCountry, "country code", 250);
        errors.Codes(prefix + "languages", Languages, reference.IsLanguage, "language code");
        if (MonthlyCapacity is < 0) errors.Add(prefix + "monthlyCapacity", "Capacity cannot be negative.");
        if (MonthlyCapacity is not null && string.IsNullOrWhiteSpace(CapacityUnit)) errors.Add(prefix + "capacityUnit", "Give the unit of the monthly capacity.");
        errors.MaxLength(prefix + "capacityUnit", CapacityUnit, ProfileLimits.Unit);
        if (CapacityPeriod is { } period && !Enum.IsDefined(period)) errors.Add(prefix + "capacityPeriod", "The capacity period is Month, Year or Once.");
        if (LeadTimeDays is < 0 or > 730) errors.Add(prefix + "leadTimeDays", "Lead time is 0 to 730 days.");
        GvcMatch.Matching.CriteriaValidator.CheckEmployees(EmployeeCount, prefix + "employeeCount", errors.Add);
        if (MinimumOrder is < 0) errors.Add(prefix + "minimumOrder", "Minimum order cannot be negative.");
        errors.MaxLength(prefix + "minimumOrderUnit", MinimumOrderUnit, ProfileLimits.Unit);
        Certificates.CertificateRecords.Validate(errors, Certifications, prefix);
    }

    /// <summary>Copies the fields onto the profile, replacing its certifications.</summary>
    public void ApplyTo(CapabilityProfile p, ReferenceData.ReferenceData reference)
    {
        p.Summary = Summary.Trim();
        p.Capabilities = Clean(Capabilities);
        p.Materials = Clean(Materials);
        p.Equipment = Clean(Equipment);
        p.IsicCodes = Clean(IsicCodes);
        p.HsCodes = Clean(HsCodes);
        p.MonthlyCapacity = MonthlyCapacity;
        p.CapacityUnit = CapacityUnit?.Trim();
        p.CapacityPeriod = CapacityPeriod ?? GvcMatch.Matching.CapacityPeriod.Month;
        p.LeadTimeDays = LeadTimeDays;
        p.EmployeeCount = EmployeeCount;
        p.MinimumOrder = MinimumOrder;
        p.MinimumOrderUnit = MinimumOrderUnit?.Trim();
        p.ExportMarkets = Clean(ExportMarkets).Select(c => c.ToUpperInvariant()).ToList();
        p.Languages = Clean(Languages).Select(c => c.ToLowerInvariant()).ToList();
        p.RenewalDue = RenewalDue;
        p.ContentLanguage = Localization.TextLanguage.Detect(p.Summary, string.Join(", ", p.Capabilities));

        Certificates.CertificateRecords.Apply(p, Certifications);
    }

    public static ProfileInput From(CapabilityProfile p) => new()
    {
        Summary = p.Summary, Capabilities = p.Capabilities, Materials = p.Materials, Equipment = p.Equipment,
        IsicCodes = p.IsicCodes, HsCodes = p.HsCodes,
        Certifications = p.Certifications.Select(c => new CertificationInput(c.Standard, c.Issuer, c.Number, c.ValidUntil)
            { Scope = c.Scope, ValidFrom = c.ValidFrom, Evidence = c.Evidence }).ToList(),
        MonthlyCapacity = p.MonthlyCapacity, CapacityUnit = p.CapacityUnit, CapacityPeriod = p.CapacityPeriod, LeadTimeDays = p.LeadTimeDays,
        EmployeeCount = p.EmployeeCount, MinimumOrder = p.MinimumOrder, MinimumOrderUnit = p.MinimumOrderUnit, ExportMarkets = p.ExportMarkets,
        Languages = p.Languages, RenewalDue = p.RenewalDue,
    };

    private static List<string> Clean(List<string>? items) =>
        (items ?? []).Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
