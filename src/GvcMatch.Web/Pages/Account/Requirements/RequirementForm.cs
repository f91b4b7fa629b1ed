using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
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
        foreach (var row in Criteria) row.PadEquivalents();
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
    /// <summary>CertificationHeld: the first accepted standard and its optional scope or minimum class.</summary>
    public string? Standard { get; set; }
    public string? Scope { get; set; }

    /// <summary>CertificationHeld: further standards accepted as equivalent ("or equivalent"), each with an optional scope.</summary>
    public List<AcceptedRow> Equivalents { get; set; } = [];

    /// <summary>
    /// The criterion is written as an "or equivalent" list (<c>anyOf</c>) rather than one standard; kept
    /// so that a list of one comes back as a list. More than one standard always makes a list.
    /// </summary>
    public bool AnyOfList { get; set; }
    public EvidenceLevel? MinimumEvidence { get; set; }
    public decimal? Minimum { get; set; }
    public string? Unit { get; set; }
    public int? Days { get; set; }
    public string? Countries { get; set; }
    public string? SizeBands { get; set; }
    public string? Regions { get; set; }
    public int? MinEmployees { get; set; }
    public int? MaxEmployees { get; set; }
    public GvcMatch.Matching.Disclosures.DisclosureTopic? Topic { get; set; }
    public decimal? Maximum { get; set; }
    public CapacityPeriod? Period { get; set; }
    public CriterionScope AppliesTo { get; set; }
    public string? Role { get; set; }

    /// <summary>A row with no kind is blank; the validator reports a kind-less row with content as an unknown kind.</summary>
    public bool IsBlank => Kind is null && !Mandatory && Weight is null && string.IsNullOrWhiteSpace(Description)
        && string.IsNullOrWhiteSpace(Keywords) && string.IsNullOrWhiteSpace(Standard) && string.IsNullOrWhiteSpace(Scope)
        && Equivalents.All(a => a.IsBlank) && !AnyOfList && MinimumEvidence is null && Minimum is null && Topic is null && Maximum is null
        && string.IsNullOrWhiteSpace(Unit) && Days is null && string.IsNullOrWhiteSpace(Countries) && string.IsNullOrWhiteSpace(SizeBands)
        && string.IsNullOrWhiteSpace(Regions) && MinEmployees is null && MaxEmployees is null
        && AppliesTo == CriterionScope.Default && string.IsNullOrWhiteSpace(Role);

    /// <summary>Only the parameters the chosen kind uses are kept, so a stray value in another column is not published.</summary>
    public Criterion ToCriterion()
    {
        var kind = Kind ?? (CriterionKind)(-1);
        var accepted = kind == CriterionKind.CertificationHeld ? AcceptedStandards() : [];
        var asList = accepted.Count > 1 || AnyOfList && accepted.Count > 0;
        return new Criterion
        {
            Kind = kind,
            Mandatory = Mandatory,
            Weight = Weight,
            Description = RequirementForm.Blank(Description),
            Keywords = kind == CriterionKind.CapabilityFit ? FormHelpers.SplitList(Keywords) : null,
            Standard = kind == CriterionKind.CertificationHeld && !asList ? RequirementForm.Blank(Standard) : null,
            Scope = kind == CriterionKind.CertificationHeld && !asList ? RequirementForm.Blank(Scope) : null,
            AnyOf = asList ? accepted : null,
            MinimumEvidence = kind is CriterionKind.CertificationHeld or CriterionKind.DisclosureProvided ? MinimumEvidence : null,
            Minimum = kind is CriterionKind.CapacityAtLeast or CriterionKind.DisclosureProvided ? Minimum : null,
            Topic = kind == CriterionKind.DisclosureProvided ? Topic : null,
            Maximum = kind == CriterionKind.DisclosureProvided ? Maximum : null,
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

    public static CriterionRow From(Criterion c)
    {
        var list = c.AnyOf is { Count: > 0 } anyOf ? anyOf : null;
        return new()
        {
            Kind = Enum.IsDefined(c.Kind) ? c.Kind : null, Mandatory = c.Mandatory, Weight = c.Weight, Description = c.Description,
            Keywords = FormHelpers.JoinComma(c.Keywords),
            Standard = list is null ? c.Standard : list[0].Standard, Scope = list is null ? c.Scope : list[0].Scope,
            Equivalents = list?.Skip(1).Select(a => new AcceptedRow { Standard = a.Standard, Scope = a.Scope }).ToList() ?? [],
            AnyOfList = list is not null, MinimumEvidence = c.MinimumEvidence,
            Minimum = c.Minimum, Unit = c.Unit, Days = c.Days,
            Countries = FormHelpers.JoinComma(c.Countries), SizeBands = FormHelpers.JoinComma(c.SizeBands),
            Regions = FormHelpers.JoinComma(c.Regions), MinEmployees = c.MinEmployees, MaxEmployees = c.MaxEmployees,
            Period = c.Period, AppliesTo = c.AppliesTo, Role = c.Role, Topic = c.Topic, Maximum = c.Maximum,
        };
    }

    /// <summary>One blank "or equivalent" row after the filled ones, so a browser without script can add one per save.</summary>
    public void PadEquivalents()
    {
        if (Equivalents.Count < CertificationRequirement.MaxEquivalents - 1 && (Equivalents.Count == 0 || !Equivalents[^1].IsBlank))
            Equivalents.Add(new AcceptedRow());
    }

    /// <summary>The first standard and the filled "or equivalent" rows, in the order shown; a scope without a standard is kept for the validator to report.</summary>
    private List<AcceptedStandard> AcceptedStandards() =>
        new[] { new AcceptedRow { Standard = Standard, Scope = Scope } }.Concat(Equivalents).Where(a => !a.IsBlank)
            .Select(a => new AcceptedStandard(a.Standard?.Trim() ?? "", RequirementForm.Blank(a.Scope))).ToList();
}

/// <summary>One standard a certification criterion accepts, as the form posts it.</summary>
public sealed class AcceptedRow
{
    public string? Standard { get; set; }
    public string? Scope { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Standard) && string.IsNullOrWhiteSpace(Scope);
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
