using GvcMatch.Matching;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>The inputs of <see cref="ConsortiumCoverage.Evaluate"/> for one consortium, read from the database.</summary>
/// <param name="WithoutProfile">Names of accepted members that have no capability profile (they are left out: they have no facts).</param>
public sealed record ConsortiumCoverageInputs(
    IReadOnlyList<CoverageMember> Members, IReadOnlyList<GroupCertificateFact> GroupCertificates, IReadOnlyList<string> WithoutProfile);

/// <summary>
/// Loads a consortium's accepted members' current facts and the group certificates that name them,
/// and applies the coverage rule. No access check here: callers check that the caller may see the
/// consortium (the consortium API, the pages, the bid evaluation).
/// </summary>
public static class ConsortiumCoverageLoader
{
    public static async Task<ConsortiumCoverageInputs> LoadInputsAsync(AppDbContext db, int consortiumId, CancellationToken ct)
    {
        var members = await db.ConsortiumMembers.AsNoTracking()
            .Where(m => m.ConsortiumId == consortiumId && m.Status == ConsortiumMemberStatus.Accepted)
            .OrderBy(m => m.Role).ThenBy(m => m.InvitedAt).ThenBy(m => m.Id).ToListAsync(ct);
        var ids = members.Select(m => m.OrganizationId).ToList();
        var profiles = await db.Profiles.AsNoTracking().Include(p => p.Organization).Include(p => p.Certifications).Include(p => p.Organization.Disclosures)
            .Where(p => ids.Contains(p.OrganizationId)).ToListAsync(ct);
        var facts = profiles.ToDictionary(p => p.OrganizationId, SupplierDocuments.Facts);
        var missing = ids.Except(facts.Keys).ToList();
        var without = await db.Organizations.Where(o => missing.Contains(o.Id)).OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(ct);

        // One query per member (at most eight): "the list contains this id" translates the same on both providers.
        var groups = new Dictionary<int, GroupCertificate>();
        foreach (var id in ids)
        {
            foreach (var g in await db.GroupCertificates.AsNoTracking().Where(g => g.AcceptedOrganizationIds.Contains(id)).ToListAsync(ct))
                groups.TryAdd(g.Id, g);
        }
        var clusterIds = groups.Values.Select(g => g.ClusterOrganizationId).Distinct().ToList();
        var clusters = await db.Organizations.Where(o => clusterIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => new { o.Name, o.Verified }, ct);

        // A cluster can list any SME: a listing counts only for members who accepted it, and only when
        // the certificate is verified or held by a verified cluster (an unverified one vouches for nothing).
        var trusted = groups.Values.Where(g => g.Verified || clusters[g.ClusterOrganizationId].Verified).OrderBy(g => g.Id)
            .Select(g => new GroupCertificateFact(g.Standard, g.ValidUntil, clusters[g.ClusterOrganizationId].Name,
                g.MemberOrganizationIds.Where(g.IsAcceptedBy).ToList(), g.Verified))
            .ToList();

        return new ConsortiumCoverageInputs(
            members.Where(m => facts.ContainsKey(m.OrganizationId)).Select(m => new CoverageMember(facts[m.OrganizationId], m.Criteria)).ToList(),
            trusted,
            without);
    }

    /// <summary>
    /// The rule for given criteria (e.g. the requirement version a bid answered), over the
    /// consortium's accepted members as they are now: what the bid evaluation calls.
    /// </summary>
    public static async Task<ConsortiumCoverageResult> EvaluateAsync(
        AppDbContext db, int consortiumId, IReadOnlyList<Criterion> criteria, DateOnly today, GvcMatch.Matching.Understanding.MatchContext context, CancellationToken ct)
    {
        var inputs = await LoadInputsAsync(db, consortiumId, ct);
        return ConsortiumCoverage.Evaluate(criteria, inputs.Members, inputs.GroupCertificates, today, context);
    }

    /// <summary>The consortium's coverage of its requirement's current criteria, or null when there is no such consortium.</summary>
    public static async Task<ConsortiumCoverageDto?> EvaluateAsync(AppDbContext db, int consortiumId, DateTimeOffset now, Matching.MatchContexts contexts, CancellationToken ct)
    {
        var requirement = await db.Consortia.Where(c => c.Id == consortiumId)
            .Join(db.Requirements, c => c.RequirementId, r => r.Id, (c, r) => r).AsNoTracking().FirstOrDefaultAsync(ct);
        if (requirement is null) return null;
        var inputs = await LoadInputsAsync(db, consortiumId, ct);
        var result = ConsortiumCoverage.Evaluate(requirement.Criteria, inputs.Members, inputs.GroupCertificates, DateOnly.FromDateTime(now.UtcDateTime), contexts.For(requirement));
        return new ConsortiumCoverageDto(consortiumId, requirement.Id, requirement.Version, now, result.MandatoryMet, result.Total, result.Criteria, inputs.WithoutProfile);
    }
}
