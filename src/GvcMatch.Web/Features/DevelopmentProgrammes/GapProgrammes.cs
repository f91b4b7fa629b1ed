using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Matching.Understanding;
using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.DevelopmentProgrammes;

/// <summary>An open development programme whose milestone works towards closing a gap.</summary>
public sealed record GapDevelopmentProgrammeDto(int Id, string Title, string Milestone);

/// <summary>
/// For a gap plan: the open development programmes with a milestone that closes a gap — a certificate
/// milestone of a standard the criterion accepts, a capability milestone on a concept the criterion's
/// keywords name (or one below it), a capacity milestone for a capacity criterion. Joining one is the
/// SME's own step: the runner enrols, so the plan only names them.
/// </summary>
public static class GapProgrammes
{
    public const int PerGap = 3;

    public static async Task<Func<Criterion, IReadOnlyList<GapDevelopmentProgrammeDto>>> ForAsync(AppDbContext db, CapabilityVocabulary vocabulary, DateOnly today, CancellationToken ct)
    {
        var open = await (from m in db.Set<ProgrammeMilestone>()
                          join p in db.Set<DevelopmentProgramme>() on m.ProgrammeId equals p.Id
                          where m.EnrolmentId == null && m.Kind != MilestoneKind.Text && p.EndsOn >= today
                          orderby p.EndsOn, p.Id, m.Id
                          select new { p.Id, p.Title, Milestone = m }).AsNoTracking().ToListAsync(ct);
        return criterion =>
        {
            var concepts = criterion.Kind == CriterionKind.CapabilityFit
                ? (criterion.Keywords ?? []).SelectMany(k => vocabulary.Tag(k)).Select(t => t.ConceptId).ToHashSet(StringComparer.Ordinal)
                : [];
            var standards = criterion.Kind == CriterionKind.CertificationHeld
                ? CertificationRequirement.From(criterion, CertificationRegistry.Default).Accepted.Select(a => a.Standard).ToHashSet(StringComparer.OrdinalIgnoreCase)
                : [];
            return open.Where(o => o.Milestone.Kind switch
                {
                    MilestoneKind.Certificate => standards.Contains(o.Milestone.Standard ?? ""),
                    MilestoneKind.Capability => o.Milestone.ConceptId is { } id && (concepts.Contains(id) || vocabulary.AncestorsOf(id).Any(concepts.Contains)),
                    MilestoneKind.Capacity => criterion.Kind == CriterionKind.CapacityAtLeast,
                    _ => false,
                })
                .DistinctBy(o => o.Id).Take(PerGap).Select(o => new GapDevelopmentProgrammeDto(o.Id, o.Title, MilestoneChecks.TitleOf(o.Milestone, vocabulary))).ToList();
        };
    }
}
