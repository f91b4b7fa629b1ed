using GvcMatch.Matching;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;

namespace GvcMatch.Web.Features.Import;

// The element shapes of a seeds file (docs/seeds-format.md). They mirror the input records and
// add what only an import has: the stable key, the owning organisation's key and the status.
// Enums and the kind are nullable so that a missing value is reported instead of defaulting.

public sealed record OrganizationRow
{
    public string? Key { get; init; }
    public OrganizationKind? Kind { get; init; }
    public IntermediaryType? IntermediaryType { get; init; }
    public string? Name { get; init; }
    public string? Country { get; init; }
    public string? City { get; init; }
    public SizeBand? SizeBand { get; init; }
    public string? Website { get; init; }
    public string? Description { get; init; }
    public bool Verified { get; init; }
    public ProfileRow? Profile { get; init; }
}

public sealed record CertificationRow(string? Standard, string? Issuer, string? Number, DateOnly? ValidUntil)
{
    public string? Scope { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public GvcMatch.Matching.Certifications.EvidenceLevel? Evidence { get; init; }

    /// <summary>The certificate document, a path relative to the seeds file (import command only; see <see cref="ImportedDocuments"/>).</summary>
    public string? Document { get; init; }
}

public sealed record ProfileRow
{
    public string? Summary { get; init; }
    public List<string>? Capabilities { get; init; }
    public List<string>? Materials { get; init; }
    public List<string>? Equipment { get; init; }
    public List<string>? IsicCodes { get; init; }
    public List<string>? HsCodes { get; init; }
    public List<CertificationRow>? Certifications { get; init; }
    public decimal? MonthlyCapacity { get; init; }
    public string? CapacityUnit { get; init; }
    public GvcMatch.Matching.CapacityPeriod? CapacityPeriod { get; init; }
    public int? LeadTimeDays { get; init; }
    public int? EmployeeCount { get; init; }
    public decimal? MinimumOrder { get; init; }
    public string? MinimumOrderUnit { get; init; }
    public List<string>? ExportMarkets { get; init; }
    public List<string>? Languages { get; init; }
    public PublicationStatus? Status { get; init; }
    public DateOnly? RenewalDue { get; init; }

    /// <summary>Sustainability disclosures, one per topic and year (and scheme); added or changed, never removed by an import.</summary>
    public List<Disclosures.DisclosureInput>? Disclosures { get; init; }
}

public sealed record IpListingRow
{
    public string? Key { get; init; }
    public string? Organization { get; init; }
    public IpKind? Kind { get; init; }
    public string? Title { get; init; }
    public string? Abstract { get; init; }
    public List<string>? IpcClasses { get; init; }
    public List<string>? Jurisdictions { get; init; }
    public string? ApplicationNumber { get; init; }
    public string? GrantNumber { get; init; }
    public IpLegalStatus? LegalStatus { get; init; }
    public int? ReadinessLevel { get; init; }
    public List<IpOfferType>? OfferTypes { get; init; }
    public string? IndicativeTerms { get; init; }
    public PublicationStatus? Status { get; init; }
}

public sealed record RequirementRow
{
    public string? Key { get; init; }
    public string? Organization { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public List<string>? IsicCodes { get; init; }
    public List<string>? HsCodes { get; init; }
    public decimal? Quantity { get; init; }
    public string? QuantityUnit { get; init; }
    public QuantityPeriod? QuantityPeriod { get; init; }
    public string? DeliveryCountry { get; init; }
    public string? DeliveryCity { get; init; }
    public DateOnly? ResponseDeadline { get; init; }
    public DateOnly? ContractStart { get; init; }
    public int? ContractMonths { get; init; }
    public RequirementStatus? Status { get; init; }
    public List<Criterion>? Criteria { get; init; }
}

public sealed record UserRow
{
    public string? Email { get; init; }
    public string? Password { get; init; }
    public string? Organization { get; init; }
    public MemberRole? Role { get; init; }
    public bool IsAdmin { get; init; }
    public string? DisplayName { get; init; }
}

/// <summary>One array element as read from a file: where it came from, and its value.</summary>
public sealed record SeedRow<T>(string File, int Line, T Value)
{
    public string Where => $"{File} line {Line}";
}
