using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.IpListings;

public sealed record IpListingFilter : PageRequest
{
    public string? Q { get; init; }
    public IpKind? Kind { get; init; }
    public string? Ipc { get; init; }
    public IpOfferType? OfferType { get; init; }
    public string? Country { get; init; }
    public int? OrganizationId { get; init; }
}

public sealed record IpListingCard(
    int Id, string Title, IpKind Kind, IpLegalStatus LegalStatus, int? ReadinessLevel, IReadOnlyList<string> IpcClasses,
    IReadOnlyList<string> Jurisdictions, IReadOnlyList<IpOfferType> OfferTypes, int OrganizationId, string OrganizationName, string Country,
    PublicationStatus Status);

public static class IpListingQueries
{
    /// <summary>Published listings for everyone; with <paramref name="ownOrganizationId"/> the caller's own, drafts included.</summary>
    public static async Task<Paged<IpListingCard>> BrowseAsync(AppDbContext db, IpListingFilter f, int? ownOrganizationId, CancellationToken ct)
    {
        var query = db.IpListings.AsNoTracking();
        query = ownOrganizationId is { } own
            ? query.Where(i => i.OrganizationId == own)
            : query.Where(i => i.Status == PublicationStatus.Published);

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim().ToLower();
            query = query.Where(i => i.Title.ToLower().Contains(q) || i.Abstract.ToLower().Contains(q));
        }
        if (f.OrganizationId is { } orgId) query = query.Where(i => i.OrganizationId == orgId);
        if (f.Kind is { } kind) query = query.Where(i => i.Kind == kind);
        if (!string.IsNullOrWhiteSpace(f.Ipc)) query = query.Where(i => i.IpcClasses.Contains(f.Ipc.ToUpper()));
        if (f.OfferType is { } offer) query = query.Where(i => i.OfferTypes.Contains(offer));
        if (!string.IsNullOrWhiteSpace(f.Country)) query = query.Where(i => i.Organization.Country == f.Country.ToUpper());

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(i => i.PublishedAt).ThenBy(i => i.Title)
            .Skip(f.Skip).Take(f.Size)
            .Select(i => new IpListingCard(i.Id, i.Title, i.Kind, i.LegalStatus, i.ReadinessLevel, i.IpcClasses, i.Jurisdictions,
                i.OfferTypes, i.OrganizationId, i.Organization.Name, i.Organization.Country, i.Status))
            .ToListAsync(ct);
        return new Paged<IpListingCard>(items, total, f.PageNumber, f.Size);
    }
}
