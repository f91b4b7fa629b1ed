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

    /// <summary>CertificationHeld: the weakest evidence accepted (self-declared when not given).</summary>
    public Certifications.EvidenceLevel? MinimumEvidence { get; init; }

    /// <summary>CapacityAtLeast: the minimum monthly capacity and its unit.</summary>
    public decimal? Minimum { get; init; }
    public string? Unit { get; init; }

    /// <summary>LeadTimeAtMost: the longest acceptable lead time in days.</summary>
    public int? Days { get; init; }

    /// <summary>LocationIn and ExportExperience: ISO 3166 alpha-2 codes.</summary>
    public IReadOnlyList<string>? Countries { get; init; }

    /// <summary>CompanySize: accepted size bands (Micro, Small, Medium, Large).</summary>
    public IReadOnlyList<string>? SizeBands { get; init; }

    /// <summary>A one-line statement of what the criterion asks, shown to every supplier.</summary>
    public string Summary() => Kind switch
    {
        CriterionKind.CapabilityFit => $"Capabilities: {string.Join(", ", Keywords ?? [])}",
        CriterionKind.CertificationHeld => Certifications.CertificationRequirement.From(this).Summary(),
        CriterionKind.CapacityAtLeast => $"Monthly capacity of at least {Minimum:0.##} {Unit}",
        CriterionKind.LeadTimeAtMost => $"Lead time of at most {Days} days",
        CriterionKind.LocationIn => $"Located in {string.Join(", ", Countries ?? [])}",
        CriterionKind.ExportExperience => Countries is { Count: > 0 }
            ? $"Exports to {string.Join(", ", Countries)}"
            : "Has export experience",
        CriterionKind.VerifiedSupplier => "Verified supplier",
        CriterionKind.CompanySize => $"Company size: {string.Join(", ", SizeBands ?? [])}",
        _ => Kind.ToString(),
    };
}
