using GvcMatch.Matching.Certifications;
using GvcMatch.Matching.Disclosures;
using GvcMatch.Web.Features.Organizations;

namespace GvcMatch.Web.Features.Disclosures;

/// <summary>
/// One sustainability disclosure of an SME for one reporting year (and, for audits and minerals
/// reports, one scheme). A new year is a new row, so the past years stay as they were disclosed.
/// Only the fields of its <see cref="Topic"/> are set (<see cref="DisclosureInput"/>).
/// </summary>
public sealed class Disclosure
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public DisclosureTopic Topic { get; set; }
    public int Year { get; set; }

    /// <summary>CarbonFootprint: tCO2e a year by scope (scope 3 optional) and the method ("GHG Protocol").</summary>
    public decimal? Scope1 { get; set; }
    public decimal? Scope2 { get; set; }
    public decimal? Scope3 { get; set; }
    public string? Method { get; set; }

    /// <summary>Energy: MWh a year and the renewable share of it in percent.</summary>
    public decimal? EnergyMwh { get; set; }
    public decimal? RenewableSharePercent { get; set; }

    /// <summary>Water: m³ a year.</summary>
    public decimal? WaterCubicMetres { get; set; }

    /// <summary>LabourPolicy: whether there is a policy, since when, and whether it binds the SME's own suppliers.</summary>
    public bool? HasPolicy { get; set; }
    public DateOnly? PolicyDate { get; set; }
    public bool? CoversSuppliers { get; set; }

    /// <summary>ConflictMinerals: CMRT or EMRT; Audit: the scheme (<see cref="DisclosureTopics.AuditSchemes"/>).</summary>
    public string? Scheme { get; set; }

    /// <summary>Audit: the score (0–100) and medal of a rating that gives them (EcoVadis).</summary>
    public decimal? Score { get; set; }
    public string? Medal { get; set; }

    /// <summary>How far it has been checked, with the certificates' levels and rules (<see cref="Certificates.EvidenceRules"/>).</summary>
    public EvidenceLevel Evidence { get; set; }

    /// <summary>The evidence document (PDF or image), stored by <see cref="DisclosureDocumentStore"/>; null without one.</summary>
    public string? DocumentKey { get; set; }
    public string? DocumentName { get; set; }
    public string? DocumentContentType { get; set; }
    public long? DocumentLength { get; set; }
    public string? DocumentSha256 { get; set; }
    public DateTimeOffset? DocumentUploadedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Each disclosure is changed on its own, so it has its own version.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>The topic's figure a criterion can bound (<see cref="DisclosureTopics.Bound"/>).</summary>
    public decimal? Measure => Topic switch
    {
        DisclosureTopic.CarbonFootprint when Scope1 is { } one && Scope2 is { } two => one + two,
        DisclosureTopic.Energy => RenewableSharePercent,
        DisclosureTopic.Water => WaterCubicMetres,
        DisclosureTopic.Audit => Score,
        _ => null,
    };

    /// <summary>The disclosure as the scorer sees it, or null for one that discloses nothing to credit (no labour policy).</summary>
    public DisclosedFact? Fact() => Topic == DisclosureTopic.LabourPolicy && HasPolicy != true
        ? null
        : new DisclosedFact(Topic, Year, Evidence, DocumentKey is not null, Measure);

    /// <summary>The scorer's facts of an organisation's disclosures, every year.</summary>
    public static IReadOnlyList<DisclosedFact> Facts(IEnumerable<Disclosure>? disclosures) =>
        (disclosures ?? []).Select(d => d.Fact()).OfType<DisclosedFact>().OrderBy(f => f.Topic).ThenByDescending(f => f.Year).ToList();
}
