using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>
/// The demo's group certification: the demo cluster (Moravia Engineering Cluster when the demo files
/// have it) holds an ISO 14001 certificate for its members, one member already relying on it, and
/// open to new members in its country, so the joining pages have something to show on first start.
/// </summary>
public static class DemoGroupCertification
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.GroupCertificates.AnyAsync(ct)) return;
        var cluster = await db.Organizations.Where(o => o.Kind == OrganizationKind.Intermediary && o.IntermediaryType == IntermediaryType.Cluster)
            .OrderBy(o => o.Key == "int-cz-moravia-engineering-cluster" ? 0 : 1).ThenBy(o => o.Id).FirstOrDefaultAsync(ct);
        if (cluster is null) return;
        var member = await db.Organizations.Where(o => o.Kind == OrganizationKind.Sme && o.Country == cluster.Country)
            .OrderBy(o => o.Key == "sme-cz-svitava-precision" ? 0 : 1).ThenBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        db.GroupCertificates.Add(new GroupCertificate
        {
            ClusterOrganizationId = cluster.Id, Standard = "ISO 14001", Issuer = "Certification body of the cluster's choice", Number = "GC-14001-01",
            ValidUntil = today.AddDays(700), Verified = true,
            MemberOrganizationIds = member is { } m ? [m] : [], AcceptedOrganizationIds = member is { } a ? [a] : [],
            OpenToNewMembers = true, OpenCountry = cluster.Country, OpenScope = "Machining, surface finishing and assembly sites",
            JoiningTakes = "A gap audit by the cluster office, the shared environmental manual, one internal audit a year and a share of the certification fee (about a fifth of a single-site certificate).",
        });
        await db.SaveChangesAsync(ct);
    }
}
