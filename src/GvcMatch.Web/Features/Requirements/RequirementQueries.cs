using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Requirements;

public sealed record RequirementFilter : PageRequest
{
    public string? Q { get; init; }
    public RequirementStatus? Status { get; init; }
    public string? Isic { get; init; }
    public string? Hs { get; init; }
    public string? Country { get; init; }

    /// <summary>Only the caller's own organisation's requirements, drafts included.</summary>
    public bool? Mine { get; init; }
}

public sealed record RequirementCard(
    int Id, string Title, int OrganizationId, string OrganizationName, RequirementStatus Status, int Version,
    DateOnly? ResponseDeadline, string? DeliveryCountry, decimal? Quantity, string? QuantityUnit, QuantityPeriod? QuantityPeriod,
    IReadOnlyList<string> IsicCodes, int CriteriaCount, DateTimeOffset? PublishedAt);

public static class RequirementQueries
{
    public static async Task<Paged<RequirementCard>> BrowseAsync(AppDbContext db, RequirementFilter f, int? callerOrganizationId, CancellationToken ct)
    {
        var query = db.Requirements.AsNoTracking();
        query = f.Mine == true
            ? query.Where(r => r.OrganizationId == callerOrganizationId)
            : query.Where(r => r.Status != RequirementStatus.Draft);

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim().ToLower();
            query = query.Where(r => r.Title.ToLower().Contains(q) || r.Description.ToLower().Contains(q));
        }
        if (f.Status is { } status) query = query.Where(r => r.Status == status);
        if (!string.IsNullOrWhiteSpace(f.Isic)) query = query.Where(r => r.IsicCodes.Contains(f.Isic));
        if (!string.IsNullOrWhiteSpace(f.Hs)) query = query.Where(r => r.HsCodes.Contains(f.Hs));
        if (!string.IsNullOrWhiteSpace(f.Country)) query = query.Where(r => r.DeliveryCountry == f.Country.ToUpper());

        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderBy(r => r.Status == RequirementStatus.Published ? 0 : 1).ThenBy(r => r.ResponseDeadline).ThenBy(r => r.Id)
            .Skip(f.Skip).Take(f.Size)
            .Select(r => new
            {
                r.Id, r.Title, r.OrganizationId, OrganizationName = r.Organization.Name, r.Status, r.Version, r.ResponseDeadline,
                r.DeliveryCountry, r.Quantity, r.QuantityUnit, r.QuantityPeriod, r.IsicCodes, r.Criteria, r.PublishedAt,
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new RequirementCard(r.Id, r.Title, r.OrganizationId, r.OrganizationName, r.Status, r.Version,
            r.ResponseDeadline, r.DeliveryCountry, r.Quantity, r.QuantityUnit, r.QuantityPeriod, r.IsicCodes, r.Criteria.Count, r.PublishedAt)).ToList();
        return new Paged<RequirementCard>(items, total, f.PageNumber, f.Size);
    }
}
