namespace GvcMatch.Web.Features.Profiles;

public sealed record CertificationDto(string Standard, string? Issuer, string? Number, DateOnly? ValidUntil, bool Verified, bool Expired);

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
        p.Certifications.Select(c => new CertificationDto(c.Standard, c.Issuer, c.Number, c.ValidUntil, c.Verified, c.IsExpired(today))).ToList(),
        p.MonthlyCapacity, p.CapacityUnit, p.LeadTimeDays, p.MinimumOrder, p.MinimumOrderUnit, p.ExportMarkets, p.Languages,
        p.CapacityPeriod);
}
