using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.OpenData;

/// <summary>One award as published: the winning organisation (id, name, size) and the contract value when the bid states it.</summary>
public sealed record OcdsAward(int LotNumber, DateTimeOffset AwardedAt, decimal? Amount, string? Currency, int SupplierId, string SupplierName, bool SupplierIsSme);

/// <summary>A published requirement with its buyer's name and its awards: the content of one release.</summary>
public sealed record OcdsRequirement(Requirement Requirement, string BuyerName, IReadOnlyList<OcdsAward> Awards);

/// <summary>
/// Reads what the open data publishes: every requirement past draft (published, closed, awarded or
/// cancelled) with its awards. Only organisations are read beside them, never people.
/// </summary>
public static class OcdsSource
{
    public static IQueryable<Requirement> Published(AppDbContext db) =>
        db.Requirements.AsNoTracking().Where(r => r.Status != RequirementStatus.Draft).OrderBy(r => r.Id);

    public static async Task<List<OcdsRequirement>> LoadAsync(AppDbContext db, IQueryable<Requirement> requirements, CancellationToken ct)
    {
        var rows = await requirements.Select(r => new { Requirement = r, Buyer = r.Organization.Name }).ToListAsync(ct);
        var ids = rows.Select(r => r.Requirement.Id).ToList();
        var awards = ids.Count == 0 ? [] : await (from a in db.Awards.AsNoTracking()
                                                  where ids.Contains(a.RequirementId)
                                                  join b in db.Bids on a.BidId equals b.Id
                                                  join o in db.Organizations on b.OrganizationId equals o.Id
                                                  select new { a.RequirementId, a.LotNumber, a.AwardedAt, b.Price, b.Currency, LotCount = b.Lots.Count, o.Id, o.Name, o.Kind })
            .ToListAsync(ct);
        var byRequirement = awards.ToLookup(a => a.RequirementId);
        return rows.Select(r => new OcdsRequirement(r.Requirement, r.Buyer, byRequirement[r.Requirement.Id].OrderBy(a => a.LotNumber)
            // A bid's price is the contract's value when the bid covers exactly what was awarded: the whole requirement, or its one lot.
            .Select(a => (a.LotNumber == 0 || a.LotCount == 1) && a.Price is not null && a.Currency is not null
                ? new OcdsAward(a.LotNumber, a.AwardedAt, a.Price, a.Currency, a.Id, a.Name, a.Kind == OrganizationKind.Sme)
                : new OcdsAward(a.LotNumber, a.AwardedAt, null, null, a.Id, a.Name, a.Kind == OrganizationKind.Sme))
            .ToList())).ToList();
    }

    /// <summary>The requirement an ocid names, or null when the ocid is not this publisher's.</summary>
    public static int? RequirementId(string ocid, string prefix) =>
        ocid.StartsWith(prefix + "-", StringComparison.Ordinal)
        && int.TryParse(ocid.AsSpan(prefix.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
        && id > 0 ? id : null;
}
