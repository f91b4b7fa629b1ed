using GvcMatch.Matching;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Pages.Shared;

namespace GvcMatch.Web.Pages.Account.Requirements;

/// <summary>A requirement as the form posts it: code lists as text, criteria as fixed rows (blank rows ignored).</summary>
public sealed class RequirementForm
{
    /// <summary>Rows always offered, so the editor works without JavaScript.</summary>
    public const int MinimumRows = 8;

    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? IsicCodes { get; set; }
    public string? HsCodes { get; set; }
    public decimal? Quantity { get; set; }
    public string? QuantityUnit { get; set; }
    public QuantityPeriod? QuantityPeriod { get; set; }
    public string? DeliveryCountry { get; set; }
    public string? DeliveryCity { get; set; }
    public DateOnly? ResponseDeadline { get; set; }
    public DateOnly? ContractStart { get; set; }
    public int? ContractMonths { get; set; }
    public string? ChangeNote { get; set; }

    /// <summary>The concurrency stamp the editor was opened with; a different stored one means someone else saved meanwhile.</summary>
    public Guid? Stamp { get; set; }
    public List<CriterionRow> Criteria { get; set; } = [];

    /// <summary>Lot rows; the non-blank ones are numbered 1..n in the order shown.</summary>
    public List<LotRow> Lots { get; set; } = [];

    public RequirementInput ToInput() => new()
    {
        Title = Title ?? "", Description = Description ?? "",
        IsicCodes = FormHelpers.SplitList(IsicCodes), HsCodes = FormHelpers.SplitList(HsCodes),
        Quantity = Quantity, QuantityUnit = Blank(QuantityUnit), QuantityPeriod = QuantityPeriod,
        DeliveryCountry = Blank(DeliveryCountry), DeliveryCity = Blank(DeliveryCity),
        ResponseDeadline = ResponseDeadline, ContractStart = ContractStart, ContractMonths = ContractMonths,
        ChangeNote = Blank(ChangeNote),
        Criteria = Criteria.Where(c => !c.IsBlank).Select(c => c.ToCriterion()).ToList(),
        Lots = Lots.Where(l => !l.IsBlank).Select((l, i) => l.ToLot(i + 1)).ToList(),
    };

    public static RequirementForm From(RequirementInput r, Guid? stamp) => new()
    {
        Title = r.Title, Description = r.Description,
        IsicCodes = FormHelpers.JoinComma(r.IsicCodes), HsCodes = FormHelpers.JoinComma(r.HsCodes),
        Quantity = r.Quantity, QuantityUnit = r.QuantityUnit, QuantityPeriod = r.QuantityPeriod,
        DeliveryCountry = r.DeliveryCountry, DeliveryCity = r.DeliveryCity,
        ResponseDeadline = r.ResponseDeadline, ContractStart = r.ContractStart, ContractMonths = r.ContractMonths,
        ChangeNote = r.ChangeNote, Stamp = stamp,
        Criteria = r.Criteria.Select(CriterionRow.From).ToList(),
        Lots = r.Lots.OrderBy(l => l.Number).Select(LotRow.From).ToList(),
    };

    public void PadRows()
    {
        var target = Math.Max(MinimumRows, Criteria.Count + 2);
        while (Criteria.Count < target) Criteria.Add(new CriterionRow());
        var lots = Math.Max(MinimumLotRows, Lots.Count + 1);
        while (Lots.Count < lots) Lots.Add(new LotRow());
    }

    /// <summary>Lot rows always offered; most requirements have none or a few lots.</summary>
    public const int MinimumLotRows = 3;

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed class CriterionRow
{
    public CriterionKind? Kind { get; set; }
    public bool Mandatory { get; set; }
    public int? Weight { get; set; }
    public string? Description { get; set; }
    public string? Keywords { get; set; }
    public string? Standard { get; set; }
    public decimal? Minimum { get; set; }
    public string? Unit { get; set; }
    public int? Days { get; set; }
    public string? Countries { get; set; }
    public string? SizeBands { get; set; }
    public string? Regions { get; set; }
    public int? MinEmployees { get; set; }
    public int? MaxEmployees { get; set; }
    public CapacityPeriod? Period { get; set; }
    public CriterionScope AppliesTo { get; set; }
    public string? Role { get; set; }

    /// <summary>A row with no kind is blank; the validator reports a kind-less row with content as an unknown kind.</summary>
    public bool IsBlank => Kind is null && !Mandatory && Weight is null && string.IsNullOrWhiteSpace(Description)
        && string.IsNullOrWhiteSpace(Keywords) && string.IsNullOrWhiteSpace(Standard) && Minimum is null
        && string.IsNullOrWhiteSpace(Unit) && Days is null && string.IsNullOrWhiteSpace(Countries) && string.IsNullOrWhiteSpace(SizeBands)
        && string.IsNullOrWhiteSpace(Regions) && MinEmployees is null && MaxEmployees is null
        && AppliesTo == CriterionScope.Default && string.IsNullOrWhiteSpace(Role);

    /// <summary>Only the parameters the chosen kind uses are kept, so a stray value in another column is not published.</summary>
    public Criterion ToCriterion()
    {
        var kind = Kind ?? (CriterionKind)(-1);
        return new Criterion
        {
            Kind = kind,
            Mandatory = Mandatory,
            Weight = Weight,
            Description = RequirementForm.Blank(Description),
            Keywords = kind == CriterionKind.CapabilityFit ? FormHelpers.SplitList(Keywords) : null,
            Standard = kind == CriterionKind.CertificationHeld ? RequirementForm.Blank(Standard) : null,
            Minimum = kind == CriterionKind.CapacityAtLeast ? Minimum : null,
            Unit = kind == CriterionKind.CapacityAtLeast ? RequirementForm.Blank(Unit) : null,
            Days = kind == CriterionKind.LeadTimeAtMost ? Days : null,
            Countries = kind is CriterionKind.LocationIn or CriterionKind.ExportExperience
                ? FormHelpers.SplitList(Countries).Select(c => c.ToUpperInvariant()).ToList() : null,
            Regions = kind is CriterionKind.LocationIn or CriterionKind.ExportExperience && FormHelpers.SplitList(Regions) is { Count: > 0 } regions ? regions : null,
            SizeBands = kind == CriterionKind.CompanySize && FormHelpers.SplitList(SizeBands) is { Count: > 0 } bands ? bands : null,
            MinEmployees = kind == CriterionKind.CompanySize ? MinEmployees : null,
            MaxEmployees = kind == CriterionKind.CompanySize ? MaxEmployees : null,
            Period = kind == CriterionKind.CapacityAtLeast ? Period : null,
            AppliesTo = AppliesTo,
            Role = RequirementForm.Blank(Role),
        };
    }

    public static CriterionRow From(Criterion c) => new()
    {
        Kind = Enum.IsDefined(c.Kind) ? c.Kind : null, Mandatory = c.Mandatory, Weight = c.Weight, Description = c.Description,
        Keywords = FormHelpers.JoinComma(c.Keywords), Standard = c.Standard, Minimum = c.Minimum, Unit = c.Unit, Days = c.Days,
        Countries = FormHelpers.JoinComma(c.Countries), SizeBands = FormHelpers.JoinComma(c.SizeBands),
        Regions = FormHelpers.JoinComma(c.Regions), MinEmployees = c.MinEmployees, MaxEmployees = c.MaxEmployees,
        Period = c.Period, AppliesTo = c.AppliesTo, Role = c.Role,
    };
}

public sealed class LotRow
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public decimal? Quantity { get; set; }
    public string? QuantityUnit { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Description) && Quantity is null && string.IsNullOrWhiteSpace(QuantityUnit);

    public RequirementLot ToLot(int number) => new()
    {
        Number = number, Title = Title?.Trim() ?? "", Description = RequirementForm.Blank(Description), Quantity = Quantity,
        QuantityUnit = RequirementForm.Blank(QuantityUnit),
    };

    public static LotRow From(RequirementLot l) => new() { Title = l.Title, Description = l.Description, Quantity = l.Quantity, QuantityUnit = l.QuantityUnit };
}
