namespace GvcMatch.Web.Features.Organizations;

public enum OrganizationKind { Sme, Mne, Intermediary }

public enum IntermediaryType { Agency, Chamber, Cluster }

/// <summary>Staff head-count bands: Micro &lt; 10, Small &lt; 50, Medium &lt; 250, Large 250+.</summary>
public enum SizeBand { Micro, Small, Medium, Large }

public sealed class Organization
{
    public int Id { get; set; }

    /// <summary>Stable external key (slug) used by imports and seeds to stay idempotent.</summary>
    public required string Key { get; set; }
    public OrganizationKind Kind { get; set; }
    public IntermediaryType? IntermediaryType { get; set; }
    public required string Name { get; set; }
    public required string Country { get; set; }
    public string? City { get; set; }
    public SizeBand SizeBand { get; set; }
    public string? Website { get; set; }
    public string? Description { get; set; }

    public bool Verified { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public string? VerifiedBy { get; set; }
    public string? VerificationNote { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, replaced on every change; the API's ETag is derived from it.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public Profiles.CapabilityProfile? Profile { get; set; }

    /// <summary>Sustainability disclosures, every reporting year kept (Features/Disclosures).</summary>
    public List<Disclosures.Disclosure> Disclosures { get; set; } = [];
}
