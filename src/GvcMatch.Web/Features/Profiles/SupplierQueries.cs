using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Profiles;

public sealed record SupplierFilter : PageRequest
{
    public string? Q { get; init; }
    public string? Country { get; init; }
    public string? Isic { get; init; }
    public string? Hs { get; init; }
    public string? Certification { get; init; }
    public SizeBand? SizeBand { get; init; }
    public bool? Verified { get; init; }
}

public sealed record SupplierCard(
    int OrganizationId, string Key, string Name, string Country, string? City, SizeBand SizeBand, bool Verified,
    string Summary, IReadOnlyList<string> Capabilities, IReadOnlyList<string> ValidCertifications,
    decimal? MonthlyCapacity, string? CapacityUnit, int? LeadTimeDays);

/// <summary>Browsing published suppliers with simple filters (the pages and /api/suppliers share it).</summary>
public static class SupplierQueries
{
    public static async Task<Paged<SupplierCard>> BrowseAsync(AppDbContext db, SupplierFilter f, DateOnly today, CancellationToken ct)
    {
        var query = db.Profiles.AsNoTracking().Listed(today);

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim().ToLower();
            query = query.Where(p => p.Organization.Name.ToLower().Contains(q) || p.Summary.ToLower().Contains(q)
                || (p.Organization.Description != null && p.Organization.Description.ToLower().Contains(q)));
        }
        if (!string.IsNullOrWhiteSpace(f.Country)) query = query.Where(p => p.Organization.Country == f.Country.ToUpper());
        if (!string.IsNullOrWhiteSpace(f.Isic)) query = query.Where(p => p.IsicCodes.Contains(f.Isic));
        if (!string.IsNullOrWhiteSpace(f.Hs)) query = query.Where(p => p.HsCodes.Contains(f.Hs));
        if (!string.IsNullOrWhiteSpace(f.Certification))
            query = query.Where(p => p.Certifications.Any(c => c.Standard == f.Certification && (c.ValidUntil == null || c.ValidUntil >= today)));
        if (f.SizeBand is { } band) query = query.Where(p => p.Organization.SizeBand == band);
        if (f.Verified is { } verified) query = query.Where(p => p.Organization.Verified == verified);

        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(p => p.Organization.Verified).ThenBy(p => p.Organization.Name)
            .Skip(f.Skip).Take(f.Size)
            .Select(p => new
            {
                p.OrganizationId, p.Organization.Key, p.Organization.Name, p.Organization.Country, p.Organization.City,
                p.Organization.SizeBand, p.Organization.Verified, p.Summary, p.Capabilities, p.MonthlyCapacity, p.CapacityUnit, p.LeadTimeDays,
                Certifications = p.Certifications.Where(c => c.ValidUntil == null || c.ValidUntil >= today).Select(c => c.Standard).ToList(),
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new SupplierCard(r.OrganizationId, r.Key, r.Name, r.Country, r.City, r.SizeBand, r.Verified,
            r.Summary, r.Capabilities, r.Certifications, r.MonthlyCapacity, r.CapacityUnit, r.LeadTimeDays)).ToList();
        return new Paged<SupplierCard>(items, total, f.PageNumber, f.Size);
    }
}
