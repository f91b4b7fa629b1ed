using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Certificates;

/// <summary>A buyer to tell about a lapsed certificate, with its requirements that ask for it.</summary>
public sealed record LapseAudience(int BuyerOrganizationId, IReadOnlyList<Requirement> Requirements);

/// <summary>
/// The buyers a lapsed certificate matters to: those holding an open bid from the SME (submitted,
/// not yet decided: no award on the requirement), alone or as a consortium member, or an agreement
/// with it (an awarded bid, or an accepted offer in a conversation about the requirement) — and only
/// for requirements whose certification criteria accept that certificate (any of an "or equivalent"
/// list, scope included).
/// </summary>
public static class CertificateLapseAudiences
{
    public static async Task<IReadOnlyList<LapseAudience>> FindAsync(AppDbContext db, int smeOrganizationId, Certification certificate, CancellationToken ct)
    {
        var sme = smeOrganizationId;
        var bids = db.Bids.Where(b => b.Status == BidStatus.Submitted && (b.OrganizationId == sme
            || b.ConsortiumId != null && db.ConsortiumMembers.Any(m => m.ConsortiumId == b.ConsortiumId && m.OrganizationId == sme)));
        var open = await bids.Where(b => !db.Awards.Any(a => a.RequirementId == b.RequirementId)).Select(b => b.RequirementId).ToListAsync(ct);
        var awarded = await db.Awards.Where(a => bids.Any(b => b.Id == a.BidId)).Select(a => a.RequirementId).ToListAsync(ct);
        var agreed = await db.Set<Offer>().Where(o => o.State == OfferState.Accepted)
            .Join(db.Set<Conversation>().Where(c => c.Topic == ConversationTopic.Requirement && c.AboutId != null), o => o.ConversationId, c => c.Id, (o, c) => c)
            .Where(c => db.Set<ConversationParty>().Any(p => p.ConversationId == c.Id && p.OrganizationId == sme))
            .Select(c => c.AboutId!.Value).ToListAsync(ct);

        var ids = open.Concat(awarded).Concat(agreed).Distinct().ToList();
        if (ids.Count == 0) return [];
        var held = CertificateFacts.Held(certificate);
        var requirements = await db.Requirements.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        return requirements.Where(r => Requires(r, held))
            .GroupBy(r => r.OrganizationId)
            .Select(g => new LapseAudience(g.Key, g.OrderBy(r => r.Id).ToList()))
            .ToList();
    }

    /// <summary>Whether one of the requirement's certification criteria accepts the certificate (dates aside: it has just lapsed).</summary>
    public static bool Requires(Requirement requirement, HeldCertificate held) =>
        requirement.Criteria.Any(c => c.Kind == CriterionKind.CertificationHeld && CertificationRequirement.From(c).Accepted.Any(a => a.Covers(held)));
}
