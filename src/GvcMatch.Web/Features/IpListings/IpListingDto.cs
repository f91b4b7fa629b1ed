using GvcMatch.Web.Features.Profiles;

namespace GvcMatch.Web.Features.IpListings;

public sealed record IpListingDto(
    int Id, string Key, int OrganizationId, string OrganizationName, IpKind Kind, string Title, string Abstract,
    IReadOnlyList<string> IpcClasses, IReadOnlyList<string> Jurisdictions, string? ApplicationNumber, string? GrantNumber,
    IpLegalStatus LegalStatus, int? ReadinessLevel, IReadOnlyList<IpOfferType> OfferTypes, string? IndicativeTerms,
    PublicationStatus Status, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The structured terms on offer; null when the SME has not stated them.</summary>
    public TermSheet? Terms { get; init; }

    /// <summary>What the SME seeks with the listing; null when not said.</summary>
    public IpSeeking? Seeking { get; init; }

    public static IpListingDto From(IpListing i) => new(
        i.Id, i.Key, i.OrganizationId, i.Organization.Name, i.Kind, i.Title, i.Abstract, i.IpcClasses, i.Jurisdictions,
        i.ApplicationNumber, i.GrantNumber, i.LegalStatus, i.ReadinessLevel, i.OfferTypes, i.IndicativeTerms, i.Status,
        i.PublishedAt, i.UpdatedAt)
    {
        Terms = i.OfferedTerms,
        Seeking = i.Seeking,
    };
}
