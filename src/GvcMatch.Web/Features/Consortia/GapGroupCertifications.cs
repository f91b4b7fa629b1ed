using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Data;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>An open group certification a gap plan proposes for a missing certificate.</summary>
public sealed record GapGroupCertificationDto(int Id, string ClusterName, string Standard, DateOnly? ValidUntil, string? Scope, string? Joining, JoinRequestStatus? YourRequest);

/// <summary>
/// For a gap plan: the open group certifications of a standard a certificate criterion accepts that
/// the SME could join (open to its country, not listing it yet), beside the support programmes.
/// </summary>
public static class GapGroupCertifications
{
    public const int PerGap = 3;

    public static async Task<Func<Criterion, IReadOnlyList<GapGroupCertificationDto>>> ForAsync(
        AppDbContext db, int smeId, string country, DateOnly today, CancellationToken ct)
    {
        var open = (await GroupCertificateJoining.OpenForAsync(db, smeId, country, null, today, ct)).Where(o => !o.Listed).ToList();
        return criterion =>
        {
            if (criterion.Kind != CriterionKind.CertificationHeld || open.Count == 0) return [];
            var standards = CertificationRequirement.From(criterion, CertificationRegistry.Default).Accepted.Select(a => a.Standard)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            return open.Where(o => standards.Contains(o.Standard)).Take(PerGap)
                .Select(o => new GapGroupCertificationDto(o.Id, o.ClusterName, o.Standard, o.ValidUntil, o.Scope, o.Joining, o.YourRequest)).ToList();
        };
    }
}
