using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>
/// The SME's side of a group certificate: a cluster's listing is only a proposal until the SME's
/// owner accepts it. Declining takes the SME off the certificate. Whoever belongs to the SME may
/// see its listings; only its owner decides, as with other commitments made in its name.
/// </summary>
public static class GroupCertificateListings
{
    /// <summary>Every certificate that lists the SME, pending and accepted, newest first.</summary>
    public static async Task<List<GroupCertificateListingDto>> ForSmeAsync(AppDbContext db, int smeId, DateOnly today, CancellationToken ct)
    {
        var rows = await db.GroupCertificates.AsNoTracking().Where(g => g.MemberOrganizationIds.Contains(smeId)).ToListAsync(ct);
        var clusterIds = rows.Select(g => g.ClusterOrganizationId).Distinct().ToList();
        var clusters = await db.Organizations.AsNoTracking().Where(o => clusterIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new { o.Name, o.Verified }, ct);
        return rows.OrderByDescending(g => g.Id).Select(g =>
        {
            var cluster = clusters[g.ClusterOrganizationId];
            var accepted = g.IsAcceptedBy(smeId);
            return new GroupCertificateListingDto(g.Id, g.ClusterOrganizationId, cluster.Name, cluster.Verified, g.Standard, g.Issuer, g.Number,
                g.ValidUntil, g.Verified, g.IsExpired(today), accepted, accepted && (g.Verified || cluster.Verified) && !g.IsExpired(today));
        }).ToList();
    }

    public static Task<Outcome<int>> AcceptAsync(AppDbContext db, Actor actor, int id, CancellationToken ct) =>
        DecideAsync(db, actor, id, accept: true, ct);

    public static Task<Outcome<int>> DeclineAsync(AppDbContext db, Actor actor, int id, CancellationToken ct) =>
        DecideAsync(db, actor, id, accept: false, ct);

    /// <summary>Null when the actor may see the SME's listings; otherwise why not.</summary>
    public static string? CannotSee(Actor actor) =>
        actor.OrganizationId is null ? "Join an organisation first."
        : !actor.IsSme ? "Only SMEs are listed on group certificates."
        : null;

    private static async Task<Outcome<int>> DecideAsync(AppDbContext db, Actor actor, int id, bool accept, CancellationToken ct)
    {
        if (CannotSee(actor) is { } why) return Outcome.Forbidden<int>(why);
        var sme = actor.OrganizationId!.Value;
        // Another SME's listing, or a certificate that does not list this SME, is not found: ids reveal nothing.
        var row = await db.GroupCertificates.FirstOrDefaultAsync(g => g.Id == id && g.MemberOrganizationIds.Contains(sme), ct);
        if (row is null) return Outcome.NotFound<int>("The group certificate listing");
        if (!actor.IsOwnerOf(sme)) return Outcome.Forbidden<int>("Only the organisation's owner accepts or declines a group certificate.");

        if (accept)
        {
            if (!row.AcceptedOrganizationIds.Contains(sme)) row.AcceptedOrganizationIds = [.. row.AcceptedOrganizationIds.Append(sme).Order()];
        }
        else
        {
            if (row.AcceptedOrganizationIds.Contains(sme)) row.Released = [sme];
            row.AcceptedOrganizationIds = [.. row.AcceptedOrganizationIds.Where(o => o != sme)];
            row.MemberOrganizationIds = [.. row.MemberOrganizationIds.Where(o => o != sme)];
        }
        // An answer changes the certificate the cluster read: its next edit must start from this state.
        row.ConcurrencyStamp = Guid.NewGuid();
        if (await db.SaveVersionedAsync("the group certificate", ct) is { } lost) return lost;
        return Outcome.Done(row.Id);
    }
}
