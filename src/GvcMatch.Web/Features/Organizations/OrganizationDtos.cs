namespace GvcMatch.Web.Features.Organizations;

public sealed record OrganizationSummary(int Id, string Key, string Name, OrganizationKind Kind, string Country, string? City, SizeBand SizeBand, bool Verified);

public sealed record OrganizationDto(
    int Id, string Key, OrganizationKind Kind, IntermediaryType? IntermediaryType, string Name, string Country, string? City,
    SizeBand SizeBand, string? Website, string? Description, bool Verified, DateTimeOffset? VerifiedAt)
{
    public static OrganizationDto From(Organization o) => new(o.Id, o.Key, o.Kind, o.IntermediaryType, o.Name, o.Country, o.City,
        o.SizeBand, o.Website, o.Description, o.Verified, o.VerifiedAt);
}

/// <summary>A verification decision. <c>Reason</c> is required; <c>Note</c> is its older name, still accepted.</summary>
public sealed record VerificationRequest(bool Verified, string? Reason = null, string? Note = null);

public sealed record OrganizationFilter : Infrastructure.PageRequest
{
    public OrganizationKind? Kind { get; init; }
    public string? Country { get; init; }
    public bool? Verified { get; init; }
    public string? Q { get; init; }
}
