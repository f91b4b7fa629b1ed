using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;

namespace GvcMatch.Web.Features.IpListings;

public enum IpKind { Patent, UtilityModel, Design, Trademark, Software, KnowHow }

public enum IpLegalStatus { Filed, Granted, Expired, NotApplicable }

public enum IpOfferType { ExclusiveLicence, NonExclusiveLicence, Sale, CoDevelopment }

/// <summary>Intellectual property an SME offers for licence, sale or co-development.</summary>
public sealed class IpListing
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;

    public IpKind Kind { get; set; }
    public required string Title { get; set; }
    public string Abstract { get; set; } = "";
    public List<string> IpcClasses { get; set; } = [];
    public List<string> Jurisdictions { get; set; } = [];
    public string? ApplicationNumber { get; set; }
    public string? GrantNumber { get; set; }
    public IpLegalStatus LegalStatus { get; set; }

    /// <summary>Technology readiness level, 1 (idea) to 9 (proven in operation).</summary>
    public int? ReadinessLevel { get; set; }
    public List<IpOfferType> OfferTypes { get; set; } = [];
    public string? IndicativeTerms { get; set; }

    /// <summary>The structured terms on offer (licence kind, territory, payment...), when the SME states them.</summary>
    public TermSheet? OfferedTerms { get; set; }

    /// <summary>The partner the SME looks for with this listing, when it says so.</summary>
    public IpSeeking? Seeking { get; set; }

    public PublicationStatus Status { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, replaced on every change; the API's ETag is derived from it.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
