using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>
/// A cluster's group certificates and the member SMEs each one covers. Only members of a cluster
/// (an intermediary of type Cluster) manage them, and only their own cluster's: another cluster's
/// certificate is "not found".
/// </summary>
public static class GroupCertificateStore
{
    public const int MaxMembers = 500;

    /// <summary>Null when the caller belongs to a cluster; otherwise why not.</summary>
    public static async Task<string?> CannotManageAsync(AppDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.OrganizationId is not { } own) return "Join an organisation first.";
        var isCluster = await db.Organizations.AnyAsync(o => o.Id == own && o.Kind == OrganizationKind.Intermediary && o.IntermediaryType == IntermediaryType.Cluster, ct);
        return isCluster ? null : "Only clusters (intermediaries of type Cluster) hold group certificates.";
    }

    public static async Task<List<GroupCertificateDto>> ListAsync(AppDbContext db, int clusterId, DateOnly today, CancellationToken ct)
    {
        var rows = await db.GroupCertificates.AsNoTracking().Where(g => g.ClusterOrganizationId == clusterId).OrderBy(g => g.Standard).ThenBy(g => g.Id).ToListAsync(ct);
        var ids = rows.SelectMany(g => g.MemberOrganizationIds).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return rows.Select(g => new GroupCertificateDto(g.Id, g.Standard, g.Issuer, g.Number, g.ValidUntil, g.Verified, g.IsExpired(today),
            g.MemberOrganizationIds.Where(orgs.ContainsKey).Select(id => new GroupMemberDto(id, orgs[id].Name, orgs[id].Country, g.IsAcceptedBy(id))).OrderBy(m => m.Name).ToList(),
            g.ConcurrencyStamp) { Openness = new(g.OpenToNewMembers, g.OpenCountry, g.OpenScope, g.JoiningTakes) }).ToList();
    }

    private const string What = "this group certificate";

    /// <summary>
    /// Creates (id null) or replaces a certificate of the caller's cluster, replacing it only in the
    /// version <paramref name="expected"/> names (If-Match, or the edit form's stamp); returns its id.
    /// </summary>
    public static async Task<Outcome<int>> SaveAsync(
        AppDbContext db, ReferenceData.ReferenceData reference, Actor actor, int? id, GroupCertificateInput input, IfMatch expected, CancellationToken ct)
    {
        if (await CannotManageAsync(db, actor, ct) is { } why) return Outcome.Forbidden<int>(why);
        var cluster = actor.OrganizationId!.Value;
        GroupCertificate? row = null;
        if (id is { } existing)
        {
            row = await db.GroupCertificates.FirstOrDefaultAsync(g => g.Id == existing && g.ClusterOrganizationId == cluster, ct);
            if (row is null) return Outcome.NotFound<int>("The group certificate");
            if (expected.Check(row.ConcurrencyStamp, What) is { } stale) return stale;
        }

        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(input.Standard)) errors.Add("standard", "This field is required.");
        else if (!reference.IsCertificationStandard(input.Standard.Trim())) errors.Add("standard", $"Unknown certification standard '{input.Standard}'.");
        errors.MaxLength("issuer", input.Issuer, ProfileLimits.Short);
        errors.MaxLength("number", input.Number, ProfileLimits.Short);
        var members = (input.MemberOrganizationIds ?? []).Distinct().ToList();
        if (members.Count > MaxMembers) errors.Add("memberOrganizationIds", $"At most {MaxMembers} member SMEs.");
        var smes = await db.Organizations.Where(o => members.Contains(o.Id) && o.Kind == OrganizationKind.Sme).Select(o => o.Id).ToListAsync(ct);
        foreach (var bad in members.Except(smes)) errors.Add("memberOrganizationIds", $"Organisation {bad} is not an SME.");
        if (errors.Any) return Outcome.Invalid<int>(errors);

        // The code list's spelling, so that the scorer's comparison with a requirement's standard holds.
        var standard = GvcMatch.Matching.Certifications.CertificationRegistry.Default.Resolve(input.Standard!.Trim())!.Standard.Code;
        row ??= db.GroupCertificates.Add(new GroupCertificate { ClusterOrganizationId = cluster, Standard = standard }).Entity;
        var issuer = string.IsNullOrWhiteSpace(input.Issuer) ? null : input.Issuer.Trim();
        var number = string.IsNullOrWhiteSpace(input.Number) ? null : input.Number.Trim();
        // An SME accepted a certificate for one standard, not whatever the cluster later turns it into:
        // a new standard asks every listed SME again (a renewal or a corrected number does not).
        // A member taken off the list loses its acceptance.
        var sameStandard = row.Id != 0 && row.Standard == standard;
        var before = row.AcceptedOrganizationIds;
        row.AcceptedOrganizationIds = sameStandard ? [.. row.AcceptedOrganizationIds.Intersect(members).Order()] : [];
        row.Released = [.. before.Except(row.AcceptedOrganizationIds)];
        row.Standard = standard;
        row.Issuer = issuer;
        row.Number = number;
        row.ValidUntil = input.ValidUntil;
        row.MemberOrganizationIds = [.. members.Order()];
        row.ConcurrencyStamp = Guid.NewGuid();
        if (await db.SaveVersionedAsync(What, ct) is { } lost) return lost;
        return Outcome.Done(row.Id);
    }

    public static async Task<Outcome<int>> DeleteAsync(AppDbContext db, Actor actor, int id, IfMatch expected, CancellationToken ct)
    {
        if (await CannotManageAsync(db, actor, ct) is { } why) return Outcome.Forbidden<int>(why);
        var cluster = actor.OrganizationId!.Value;
        var row = await db.GroupCertificates.FirstOrDefaultAsync(g => g.Id == id && g.ClusterOrganizationId == cluster, ct);
        if (row is null) return Outcome.NotFound<int>("The group certificate");
        if (expected.Check(row.ConcurrencyStamp, What) is { } stale) return stale;
        // Tracked, not a bulk delete: the stamp still guards against a change saved in between, and the
        // index hears that the members who relied on it hold it no more.
        row.Released = row.AcceptedOrganizationIds;
        db.GroupCertificates.Remove(row);
        if (await db.SaveVersionedAsync(What, ct) is { } lost) return lost;
        return Outcome.Done(id);
    }
}
