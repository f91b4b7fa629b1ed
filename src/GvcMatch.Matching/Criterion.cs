namespace GvcMatch.Matching;

/// <summary>
/// One published selection criterion. A criterion is either mandatory (a hard filter, no weight)
/// or weighted (its weight counts towards 100). Only the parameters its kind needs are set;
/// <see cref="CriteriaValidator"/> enforces that.
/// </summary>
public sealed record Criterion
{
    public CriterionKind Kind { get; init; }
    public bool Mandatory { get; init; }
    public int? Weight { get; init; }
    public string? Description { get; init; }

    /// <summary>CapabilityFit: the processes or capabilities sought.</summary>
    public IReadOnlyList<string>? Keywords { get; init; }

    /// <summary>CertificationHeld: the standard code, e.g. "ISO 9001" (or use <see cref="AnyOf"/>).</summary>
    public string? Standard { get; init; }

    /// <summary>CertificationHeld with <see cref="Standard"/>: the scope, or for a class scale the least strict class accepted.</summary>
    public string? Scope { get; init; }

    /// <summary>CertificationHeld: standards accepted as equivalent ("FSSC 22000 or BRCGS Food Safety or IFS Food"), each with an optional scope.</summary>
    public IReadOnlyList<Certifications.AcceptedStandard>? AnyOf { get; init; }

    /// <summary>CertificationHeld and DisclosureProvided: the weakest evidence accepted (self-declared when not given).</summary>
    public Certifications.EvidenceLevel? MinimumEvidence { get; init; }

    /// <summary>CapacityAtLeast: the minimum capacity, its unit and its period (per month when not given). DisclosureProvided: the lower bound on a topic's figure.</summary>
    public decimal? Minimum { get; init; }
    public string? Unit { get; init; }
    public CapacityPeriod? Period { get; init; }

    /// <summary>Whom the criterion applies to in a consortium; <see cref="CriterionScope.Default"/> takes the kind's default (<see cref="AppliedScope"/>).</summary>
    public CriterionScope AppliesTo { get; init; }

    /// <summary>
    /// On a capability criterion, the name of the piece of work it describes ("software partner");
    /// on any other criterion, the role it applies to: a capability criterion's role name or one of its keywords.
    /// </summary>
    public string? Role { get; init; }

    /// <summary>LeadTimeAtMost: the longest acceptable lead time in days.</summary>
    public int? Days { get; init; }

    /// <summary>LocationIn and ExportExperience: ISO 3166 alpha-2 codes.</summary>
    public IReadOnlyList<string>? Countries { get; init; }

    /// <summary>LocationIn and ExportExperience: region lists beside <see cref="Countries"/> ("EU", "Mercosur"; seeds/reference/regions.json).</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>CompanySize: accepted size bands (Micro, Small, Medium, Large).</summary>
    public IReadOnlyList<string>? SizeBands { get; init; }

    /// <summary>CompanySize by employee count (instead of bands): the fewest and the most employees accepted, either or both.</summary>
    public int? MinEmployees { get; init; }
    public int? MaxEmployees { get; init; }

    /// <summary>DisclosureProvided: the topic that must be disclosed.</summary>
    public Disclosures.DisclosureTopic? Topic { get; init; }

    /// <summary>
    /// DisclosureProvided: the upper bound on a topic whose figure is capped (scope 1 and 2 tCO2e a year, water m³ a year);
    /// a topic bounded from below (renewable share %, audit score) takes <see cref="Minimum"/> (<see cref="Disclosures.DisclosureTopics.Bound"/>).
    /// </summary>
    public decimal? Maximum { get; init; }

    /// <summary>A one-line statement of what the criterion asks, shown to every supplier.</summary>
    public string Summary() => Kind switch
    {
        CriterionKind.CapabilityFit => Say.Format("Capabilities: {0}", Say.List(Keywords ?? [])),
        CriterionKind.CertificationHeld => Certifications.CertificationRequirement.From(this).Summary(),
        CriterionKind.CapacityAtLeast => Period is null or CapacityPeriod.Month
            ? Say.Format("Monthly capacity of at least {0:0.##} {1}", Minimum, Unit)
            : Say.Format("Capacity of at least {0:0.##} {1} {2}", Minimum, Unit, CapacityMeasure.PeriodWords(Period.Value)),
        CriterionKind.LeadTimeAtMost => Say.Format("Lead time of at most {0} days", Days),
        CriterionKind.LocationIn => Say.Format("Located in {0}", Places.Markets.Named(this)),
        CriterionKind.ExportExperience => Countries is { Count: > 0 } || Regions is { Count: > 0 }
            // The evidence's own words, capitalised: resource keys ignore case, so "Exports to" cannot be a second text.
            ? Say.Capitalised(Say.Format("exports to {0}", Places.Markets.Named(this)))
            : Say.Text("Has export experience"),
        CriterionKind.VerifiedSupplier => Say.Text("Verified supplier"),
        CriterionKind.CompanySize => SizeBands is { Count: > 0 }
            ? Say.Format("Company size: {0}", Say.List(SizeBands.Select(CompanySizes.BandWord)))
            : Say.Format("Company size: {0}", CompanySizes.Words(MinEmployees, MaxEmployees)),
        CriterionKind.DisclosureProvided => Disclosures.DisclosureRequirement.Summary(this),
        _ => Kind.ToString(),
    };

    /// <summary>
    /// The scope in force: the one set, or the kind's default — any criterion but a capability that
    /// names a role applies to that role; otherwise capability, capacity, lead time and export
    /// experience apply to the consortium as a whole, certificates, location, size, verification
    /// and disclosures to every member.
    /// </summary>
    public CriterionScope AppliedScope() => AppliesTo != CriterionScope.Default ? AppliesTo : Kind switch
    {
        not CriterionKind.CapabilityFit when !string.IsNullOrWhiteSpace(Role) => CriterionScope.Role,
        CriterionKind.CertificationHeld or CriterionKind.LocationIn or CriterionKind.VerifiedSupplier or CriterionKind.CompanySize
            or CriterionKind.DisclosureProvided => CriterionScope.EveryMember,
        CriterionKind.CapabilityFit or CriterionKind.CapacityAtLeast or CriterionKind.LeadTimeAtMost or CriterionKind.ExportExperience => CriterionScope.Consortium,
        _ => CriterionScope.EveryMember,
    };

    /// <summary>The role this criterion applies to, when its scope is a role.</summary>
    public string? AppliedRole() => Kind != CriterionKind.CapabilityFit && AppliedScope() == CriterionScope.Role ? Role?.Trim() : null;
}
