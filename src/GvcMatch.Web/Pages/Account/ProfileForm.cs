using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Pages.Shared;

namespace GvcMatch.Web.Pages.Account;

/// <summary>The profile as the form posts it: lists as text, certifications as rows (blank rows ignored).</summary>
public sealed class ProfileForm
{
    public string? Summary { get; set; }
    public string? Capabilities { get; set; }
    public string? Materials { get; set; }
    public string? Equipment { get; set; }
    public string? IsicCodes { get; set; }
    public string? HsCodes { get; set; }
    public string? ExportMarkets { get; set; }
    public string? Languages { get; set; }
    public decimal? MonthlyCapacity { get; set; }
    public string? CapacityUnit { get; set; }
    public GvcMatch.Matching.CapacityPeriod? CapacityPeriod { get; set; }
    public int? LeadTimeDays { get; set; }
    public int? EmployeeCount { get; set; }
    public decimal? MinimumOrder { get; set; }
    public string? MinimumOrderUnit { get; set; }
    public DateOnly? RenewalDue { get; set; }
    public List<CertificationRow> Certifications { get; set; } = [];

    public ProfileInput ToInput() => new()
    {
        Summary = Summary ?? "",
        Capabilities = SplitLines(Capabilities),
        Materials = SplitLines(Materials),
        Equipment = SplitLines(Equipment),
        IsicCodes = FormHelpers.SplitList(IsicCodes),
        HsCodes = FormHelpers.SplitList(HsCodes),
        ExportMarkets = FormHelpers.SplitList(ExportMarkets),
        Languages = FormHelpers.SplitList(Languages),
        MonthlyCapacity = MonthlyCapacity, CapacityUnit = Blank(CapacityUnit), CapacityPeriod = CapacityPeriod, LeadTimeDays = LeadTimeDays,
        EmployeeCount = EmployeeCount, MinimumOrder = MinimumOrder, MinimumOrderUnit = Blank(MinimumOrderUnit), RenewalDue = RenewalDue,
        Certifications = Certifications.Where(c => !c.IsBlank)
            .Select(c => new CertificationInput(c.Standard?.Trim() ?? "", Blank(c.Issuer), Blank(c.Number), c.ValidUntil)
                { Scope = Blank(c.Scope), ValidFrom = c.ValidFrom }).ToList(),
    };

    public static ProfileForm From(ProfileInput p) => new()
    {
        Summary = p.Summary,
        Capabilities = FormHelpers.JoinLines(p.Capabilities),
        Materials = FormHelpers.JoinLines(p.Materials),
        Equipment = FormHelpers.JoinLines(p.Equipment),
        IsicCodes = FormHelpers.JoinComma(p.IsicCodes),
        HsCodes = FormHelpers.JoinComma(p.HsCodes),
        ExportMarkets = FormHelpers.JoinComma(p.ExportMarkets),
        Languages = FormHelpers.JoinComma(p.Languages),
        MonthlyCapacity = p.MonthlyCapacity, CapacityUnit = p.CapacityUnit, CapacityPeriod = p.CapacityPeriod, LeadTimeDays = p.LeadTimeDays,
        EmployeeCount = p.EmployeeCount, MinimumOrder = p.MinimumOrder, MinimumOrderUnit = p.MinimumOrderUnit, RenewalDue = p.RenewalDue,
        Certifications = p.Certifications.Select(c => new CertificationRow
        {
            Standard = c.Standard, Scope = c.Scope, Issuer = c.Issuer, Number = c.Number, ValidFrom = c.ValidFrom, ValidUntil = c.ValidUntil,
        }).ToList(),
    };

    public void PadCertifications(int blanks)
    {
        var target = Math.Min(Certifications.Count + blanks, Math.Max(ProfileLimits.Certifications, Certifications.Count));
        while (Certifications.Count < target) Certifications.Add(new CertificationRow());
    }

    // Capabilities, materials and equipment may contain commas ("CNC milling, 5-axis"), so one per line.
    private static List<string> SplitLines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed class CertificationRow
{
    public string? Standard { get; set; }
    public string? Scope { get; set; }
    public string? Issuer { get; set; }
    public string? Number { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Standard) && string.IsNullOrWhiteSpace(Scope) && string.IsNullOrWhiteSpace(Issuer)
        && string.IsNullOrWhiteSpace(Number) && ValidFrom is null && ValidUntil is null;
}
