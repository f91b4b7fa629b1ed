using GvcMatch.Web.Features.Organizations;

namespace GvcMatch.Web.Features.Profiles;

public enum PublicationStatus { Draft, Published }

/// <summary>What an SME makes and how: the record buyers and the matcher read.</summary>
public sealed class CapabilityProfile
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;

    public string Summary { get; set; } = "";
    public List<string> Capabilities { get; set; } = [];
    public List<string> Materials { get; set; } = [];
    public List<string> Equipment { get; set; } = [];
    public List<string> IsicCodes { get; set; } = [];
    public List<string> HsCodes { get; set; } = [];
    /// <summary>The stated capacity, in <see cref="CapacityUnit"/> per <see cref="CapacityPeriod"/> (monthly before periods were recorded).</summary>
    public decimal? MonthlyCapacity { get; set; }
    public string? CapacityUnit { get; set; }
    public GvcMatch.Matching.CapacityPeriod CapacityPeriod { get; set; } = GvcMatch.Matching.CapacityPeriod.Month;
    public int? LeadTimeDays { get; set; }

    /// <summary>The number of employees, when stated; the organisation's size band is then derived from it (<see cref="EmployeeBand"/>).</summary>
    public int? EmployeeCount { get; set; }
    public decimal? MinimumOrder { get; set; }
    public string? MinimumOrderUnit { get; set; }
    public List<string> ExportMarkets { get; set; } = [];
    public List<string> Languages { get; set; } = [];

    /// <summary>The language the profile's text is written in (en, es, ja), read from the text on save; pages mark the text with it.</summary>
    public string? ContentLanguage { get; set; }

    public PublicationStatus Status { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>After this date the profile is flagged stale until its owner reviews it.</summary>
    public DateOnly? RenewalDue { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, replaced on every change; the API's ETag is derived from it.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<Certification> Certifications { get; set; } = [];

    public bool IsStale(DateOnly today) => RenewalDue is { } due && due < today;
}

public sealed class Certification
{
    public int Id { get; set; }
    public int ProfileId { get; set; }

    /// <summary>The registry code, or the name exactly as typed when the registry does not know it (see Features/Certificates).</summary>
    public required string Standard { get; set; }

    /// <summary>The registry scope or class code it is issued for (a NADCAP commodity, an ISO 14644 class), or the typed scope of an unknown standard.</summary>
    public string? Scope { get; set; }

    /// <summary>The issuing (certification) body.</summary>
    public string? Issuer { get; set; }
    public string? Number { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }

    /// <summary>How far it has been checked; who may set which level is in docs/criteria.md.</summary>
    public GvcMatch.Matching.Certifications.EvidenceLevel Evidence { get; set; }

    /// <summary>Verified by an intermediary or the issuer: kept in step with <see cref="Evidence"/> for the pages and APIs that show a badge.</summary>
    public bool Verified { get; set; }

    /// <summary>The certificate document (PDF or image), stored by <see cref="Certificates.CertificateDocumentStore"/>; null without one.</summary>
    public string? DocumentKey { get; set; }

    /// <summary>The uploaded file's cleaned name, only ever shown and offered as the download name.</summary>
    public string? DocumentName { get; set; }
    public string? DocumentContentType { get; set; }
    public long? DocumentLength { get; set; }
    public string? DocumentSha256 { get; set; }
    public DateTimeOffset? DocumentUploadedAt { get; set; }

    public bool IsExpired(DateOnly today) => ValidUntil is { } until && until < today;
}
