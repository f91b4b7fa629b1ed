using GvcMatch.Matching;
using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>
/// The group certificates an SME may rely on as its own in single-supplier matching, search and
/// bid evaluation: the rule of <see cref="ConsortiumCoverageLoader"/> (the SME's owner accepted the
/// listing, and the certificate is verified or its cluster is a verified organisation). Expired
/// ones are kept: the scorer's date rule treats them as it treats an own certificate that lapsed.
/// </summary>
public static class GroupHeldCertificates
{
    /// <summary>Up to this many SMEs are looked up one query each; more load every group certificate at once.</summary>
    private const int OneByOne = 8;

    public static async Task<Dictionary<int, List<HeldCertificate>>> ForAsync(AppDbContext db, IReadOnlyCollection<int> organizationIds, CancellationToken ct)
    {
        var result = new Dictionary<int, List<HeldCertificate>>();
        if (organizationIds.Count == 0) return result;
        var wanted = organizationIds.ToHashSet();
        List<GroupCertificate> rows;
        if (wanted.Count <= OneByOne)
        {
            // "The list contains this id" translates the same on both providers.
            var found = new Dictionary<int, GroupCertificate>();
            foreach (var id in wanted)
                foreach (var g in await db.GroupCertificates.AsNoTracking().Where(g => g.AcceptedOrganizationIds.Contains(id)).ToListAsync(ct))
                    found.TryAdd(g.Id, g);
            rows = [.. found.Values];
        }
        else
        {
            // Clusters hold few certificates compared with the suppliers indexed: one read serves a whole page.
            rows = await db.GroupCertificates.AsNoTracking().ToListAsync(ct);
        }
        if (rows.Count == 0) return result;

        var clusterIds = rows.Select(g => g.ClusterOrganizationId).Distinct().ToList();
        var clusters = await db.Organizations.AsNoTracking().Where(o => clusterIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new { o.Name, o.Verified }, ct);
        foreach (var g in rows.OrderBy(g => g.Id))
        {
            var cluster = clusters[g.ClusterOrganizationId];
            // An unverified cluster vouches for nothing.
            if (!g.Verified && !cluster.Verified) continue;
            foreach (var id in g.AcceptedOrganizationIds.Where(id => wanted.Contains(id) && g.IsAcceptedBy(id)))
            {
                if (!result.TryGetValue(id, out var list)) result[id] = list = [];
                list.Add(new HeldCertificate(g.Standard, g.ValidUntil, g.Verified) { GroupOf = cluster.Name });
            }
        }
        return result;
    }

    /// <summary>The facts with the group certificates added beside the SME's own.</summary>
    public static SupplierFacts With(SupplierFacts facts, IReadOnlyList<HeldCertificate>? groupHeld) =>
        groupHeld is { Count: > 0 } ? facts with { Certifications = [.. facts.Certifications, .. groupHeld] } : facts;

    public static async Task<SupplierFacts> AddToAsync(AppDbContext db, SupplierFacts facts, CancellationToken ct) =>
        With(facts, (await ForAsync(db, [facts.OrganizationId], ct)).GetValueOrDefault(facts.OrganizationId));
}
