namespace GvcMatch.Matching;

/// <summary>A held certificate as the scorer sees it: the registry code (or the exact name of a standard the registry does not know).</summary>
public sealed record HeldCertificate(string Standard, DateOnly? ValidUntil, bool Verified = false, string? HeldBy = null)
{
    /// <summary>The scope or class code it was issued for (registry scope code), if any.</summary>
    public string? Scope { get; init; }
    public DateOnly? ValidFrom { get; init; }

    /// <summary>
    /// The cluster whose group certificate this is, when the supplier relies on a cluster's certificate
    /// (an accepted listing of a verified cluster) rather than one of its own: the explanation names it.
    /// </summary>
    public string? GroupOf { get; init; }

    /// <summary>How far it has been checked; when not given, a verified certificate counts as verified by an intermediary.</summary>
    public Certifications.EvidenceLevel? Evidence { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public Certifications.EvidenceLevel Level => Evidence ?? (Verified ? Certifications.EvidenceLevel.VerifiedByIntermediary : Certifications.EvidenceLevel.SelfDeclared);
}

/// <summary>
/// Everything the scorer knows about one candidate supplier. It is built from the database or
/// from a search hit; the scorer never looks anything up itself, so every backend gets the
/// same totals for the same facts.
/// </summary>
public sealed record SupplierFacts
{
    public required int OrganizationId { get; init; }
    public required string Name { get; init; }
    public required string Country { get; init; }
    /// <summary>The size band: derived from <see cref="EmployeeCount"/> when that is known, otherwise the one the organisation chose.</summary>
    public string SizeBand { get; init; } = "Small";
    /// <summary>The number of employees, when the profile states it.</summary>
    public int? EmployeeCount { get; init; }
    public bool Verified { get; init; }
    public string Summary { get; init; } = "";
    public IReadOnlyList<string> Capabilities { get; init; } = [];
    public IReadOnlyList<string> Materials { get; init; } = [];
    public IReadOnlyList<string> Equipment { get; init; } = [];
    public IReadOnlyList<HeldCertificate> Certifications { get; init; } = [];
    /// <summary>The stated capacity, in <see cref="CapacityUnit"/> per <see cref="CapacityPeriod"/> (the name is from when every capacity was monthly).</summary>
    public decimal? MonthlyCapacity { get; init; }
    public string? CapacityUnit { get; init; }
    public CapacityPeriod CapacityPeriod { get; init; } = CapacityPeriod.Month;
    public int? LeadTimeDays { get; init; }
    public IReadOnlyList<string> ExportMarkets { get; init; } = [];
    public IReadOnlyList<string> IsicCodes { get; init; } = [];

    /// <summary>Sustainability disclosures, every reporting year kept (<see cref="Disclosures.DisclosureRequirement.Current"/> picks the one that counts).</summary>
    public IReadOnlyList<Disclosures.DisclosedFact> Disclosures { get; init; } = [];

    /// <summary>The organisation's own description: read for concepts, never shown by the scorer.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// What the profile says, read once when it is written (<see cref="Understanding.ProfileReading"/>):
    /// the concepts it names, and its words as the analyser leaves them, tags and context apart
    /// (" stem stem | stem | "). Empty on facts that were never read; the scorer then reads them itself.
    /// </summary>
    public IReadOnlyList<Understanding.TaggedConcept> Concepts { get; init; } = [];
    public string TagWords { get; init; } = "";
    public string ContextWords { get; init; } = "";

    /// <summary>Share of the capability tags that the rest of the profile backs (1 when there are none).</summary>
    public double TagBacking { get; init; } = 1;

    /// <summary>
    /// What the company is, read from its own text: a distributor, trading house, sourcing agent,
    /// marketplace, consultancy or recruiter that names no making of its own. Its products and
    /// processes are then what it sells (<see cref="Understanding.TaggedConcept.Sold"/>).
    /// </summary>
    public bool Intermediary { get; init; }

    /// <summary>The vocabulary version and reading rules the concepts were read with (<see cref="Understanding.ProfileReading.Understanding"/>); different ones are read again.</summary>
    public string? ReadWith { get; init; }
}
