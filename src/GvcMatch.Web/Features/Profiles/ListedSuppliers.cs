using GvcMatch.Web.Features.Organizations;

namespace GvcMatch.Web.Features.Profiles;

/// <summary>
/// The one meaning of "a published supplier" for every counter, list and index: an SME's published
/// profile that is not past its renewal date. The home page's count, the supplier list and the search
/// index all use it, so they never disagree.
/// </summary>
public static class ListedSuppliers
{
    public static IQueryable<CapabilityProfile> Listed(this IQueryable<CapabilityProfile> profiles, DateOnly today) =>
        profiles.Where(p => p.Status == PublicationStatus.Published && p.Organization.Kind == OrganizationKind.Sme
            && (p.RenewalDue == null || p.RenewalDue >= today));
}
