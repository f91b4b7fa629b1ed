using System.Text.Json.Serialization;
using GvcMatch.Web.Features.Organizations;

namespace GvcMatch.Web.Features.SupportProgrammes;

/// <summary>The kinds of public help the Tokyo Action Statement's annex describes; stored by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProgrammeKind>))]
public enum ProgrammeKind { Finance, Training, CertificationSupport, ExportPromotion, IpProtection, TradeFairs }

/// <summary>
/// A public or private programme that helps SMEs join value chains. Seeded rows have no
/// maintainer (admins keep them); an intermediary maintains the ones it adds.
/// </summary>
public sealed class SupportProgramme
{
    public int Id { get; set; }

    /// <summary>Stable name of a seeded row ("jp-it-adoption-subsidy"), so the seed adds only what is missing; null for rows added here.</summary>
    public string? SeedKey { get; set; }
    public required string Name { get; set; }
    public string Provider { get; set; } = "";

    /// <summary>ISO 3166 alpha-2 country whose SMEs it serves; null when it is international.</summary>
    public string? Country { get; set; }
    public ProgrammeKind Kind { get; set; }
    public string Summary { get; set; } = "";
    public string Eligibility { get; set; } = "";

    /// <summary>Size bands it is open to (Micro, Small, Medium, Large); empty for any.</summary>
    public List<string> SizeBands { get; set; } = [];
    public string? Url { get; set; }

    /// <summary>The intermediary that maintains it; null for platform rows.</summary>
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
