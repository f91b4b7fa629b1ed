namespace GvcMatch.Web.Features.Profiles;

public sealed record CertificationDto(string Standard, string? Issuer, string? Number, DateOnly? ValidUntil, bool Verified, bool Expired)
{
    public int Id { get; init; }
    public string? Scope { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public GvcMatch.Matching.Certifications.EvidenceLevel Evidence { get; init; }

    /// <summary>False for a standard the registry does not know (kept by its exact name and queued for an admin).</summary>
    public bool Known { get; init; }

    /// <summary>"ISO 14644 class 7 (document checked, valid until 2027-03-01)".</summary>
    public string Shown { get; init; } = "";

    /// <summary>Days until it expires (negative once expired), or null without an expiry date.</summary>
    public int? ExpiresInDays { get; init; }

    /// <summary>Whether a document (PDF or image) is attached; who may download it is in docs/criteria.md.</summary>
    public bool DocumentAttached { get; init; }

    public static CertificationDto From(Certification c, DateOnly today) => new(c.Standard, c.Issuer, c.Number, c.ValidUntil, c.Verified, c.IsExpired(today))
    {
        Id = c.Id, Scope = c.Scope, ValidFrom = c.ValidFrom, Evidence = c.Evidence,
        Known = GvcMatch.Matching.Certifications.CertificationRegistry.Default.Find(c.Standard) is not null,
        Shown = GvcMatch.Matching.Certifications.CertificationRequirement.Describe(Features.Certificates.CertificateFacts.Held(c)),
        ExpiresInDays = c.ValidUntil is { } until ? until.DayNumber - today.DayNumber : null,
        DocumentAttached = c.DocumentKey is not null,
    };
}

public sealed record ProfileDto(
    int OrganizationId, PublicationStatus Status, DateTimeOffset? PublishedAt, DateOnly? RenewalDue, bool Stale,
    string Summary, IReadOnlyList<string> Capabilities, IReadOnlyList<string> Materials, IReadOnlyList<string> Equipment,
    IReadOnlyList<string> IsicCodes, IReadOnlyList<string> HsCodes, IReadOnlyList<CertificationDto> Certifications,
    decimal? MonthlyCapacity, string? CapacityUnit, int? LeadTimeDays, decimal? MinimumOrder, string? MinimumOrderUnit,
    IReadOnlyList<string> ExportMarkets, IReadOnlyList<string> Languages,
    GvcMatch.Matching.CapacityPeriod CapacityPeriod = GvcMatch.Matching.CapacityPeriod.Month)
{
    public static ProfileDto From(CapabilityProfile p, DateOnly today) => new(
        p.OrganizationId, p.Status, p.PublishedAt, p.RenewalDue, p.IsStale(today), p.Summary, p.Capabilities, p.Materials,
        p.Equipment, p.IsicCodes, p.HsCodes,
        p.Certifications.Select(c => CertificationDto.From(c, today)).ToList(),
        p.MonthlyCapacity, p.CapacityUnit, p.LeadTimeDays, p.MinimumOrder, p.MinimumOrderUnit, p.ExportMarkets, p.Languages,
        p.CapacityPeriod)
    {
        EmployeeCount = p.EmployeeCount,
        SizeBand = p.EmployeeCount is { } count ? GvcMatch.Matching.CompanySizes.BandOf(count) : p.Organization?.SizeBand.ToString(),
    };

    /// <summary>The number of employees, when stated.</summary>
    public int? EmployeeCount { get; init; }

    /// <summary>The size band: derived from the employee count when stated, otherwise the organisation's own.</summary>
    public string? SizeBand { get; init; }
}
