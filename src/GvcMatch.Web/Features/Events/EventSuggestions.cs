using GvcMatch.Matching;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Events;

/// <summary>
/// The other participants ranked for one participant, through the same scorer and explanations as
/// a requirement's matches. What the caller seeks at the event becomes one capability criterion;
/// each other participant is scored on its profile plus what it offers at the event (an SME's
/// published facts, a buyer's or intermediary's stated offers). Requirements a buyer brought are
/// scored on the SME's profile alone, exactly as the requirement's own match list scores it, so a
/// buyer sees which SMEs qualify and an SME sees where it stands with that buyer.
/// </summary>
public sealed class EventSuggestions(AppDbContext db, EventService events, MatchContexts contexts, TimeProvider clock)
{
    public async Task<Outcome<List<SuggestionDto>>> ForAsync(Actor? actor, int eventId, CancellationToken ct)
    {
        var seen = await events.ViewAsync(actor, eventId, ct);
        if (seen.Refusal is { } refused) return refused;
        if (seen.Value!.Participant is not { } me) return Refusal.Forbidden("Suggestions are for the event's participants.");
        var e = seen.Value.Event;
        var others = (await events.ParticipantsAsync(eventId, ct)).Where(p => p.Id != me.Id).ToList();
        var orgIds = others.Select(p => p.OrganizationId).Append(me.OrganizationId).ToList();
        var profiles = await db.Profiles.AsNoTracking().Include(p => p.Organization).Include(p => p.Certifications).Include(p => p.Organization.Disclosures)
            .Where(p => orgIds.Contains(p.OrganizationId)).ToDictionaryAsync(p => p.OrganizationId, SupplierDocuments.Facts, ct);
        var requirementIds = others.SelectMany(p => p.RequirementIds).Concat(me.RequirementIds).Concat(e.RequirementIds).Distinct().ToList();
        var requirements = await db.Requirements.AsNoTracking().Where(r => requirementIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var requests = await db.Set<EventMeeting>().AsNoTracking().Where(m => m.EventId == eventId && (m.RequesterId == me.Id || m.RecipientId == me.Id))
            .ToListAsync(ct);

        var today = clock.Today();
        var seeks = me.Seeks.Count > 0
            ? Scorer.For([new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 100, Keywords = me.Seeks }], contexts.For((string?)null))
            : null;
        var mine = Brought(me, e, requirements);
        var ranked = new List<(EventParticipant Other, MatchResult? Fit, List<RequirementFitDto> Requirements, double Key)>();
        foreach (var other in others)
        {
            var facts = FactsFor(other, profiles.GetValueOrDefault(other.OrganizationId));
            var fit = seeks?.Score(facts, today);
            var fits = new List<RequirementFitDto>();
            // A buyer's own requirements, scored on the SME's published profile.
            if (other.Organization.Kind == OrganizationKind.Sme && profiles.TryGetValue(other.OrganizationId, out var smeFacts))
                fits.AddRange(mine.Select(r => Fit(r, smeFacts, today)));
            // The other side's requirements, scored on the caller's own profile.
            if (me.Organization.Kind == OrganizationKind.Sme && profiles.TryGetValue(me.OrganizationId, out var myFacts))
                fits.AddRange(Brought(other, e, requirements).Select(r => Fit(r, myFacts, today)));
            var best = fits.Where(f => f.Qualified).Select(f => f.Total).DefaultIfEmpty(0).Max();
            ranked.Add((other, fit, fits, Math.Max(fit?.Total ?? 0, best)));
        }
        return ranked.OrderByDescending(x => x.Key).ThenBy(x => x.Other.Id).Select((x, i) =>
        {
            var request = requests.FirstOrDefault(m => m.Involves(x.Other.Id));
            return new SuggestionDto(i + 1, x.Other.Id, x.Other.OrganizationId, x.Other.Organization.Name, x.Other.Organization.Kind.ToString(),
                x.Other.Organization.Country, x.Other.Offers, x.Fit?.Total ?? 0,
                x.Fit?.Headline() ?? "Say what you seek at this event to rank the participants by it.",
                x.Fit?.Criteria.Select(CriterionScoreDto.From).ToList() ?? [], x.Requirements, request?.Status.ToString());
        }).ToList();
    }

    /// <summary>The requirements a participant brings: those it registered with, and for the organising buyer the event's own.</summary>
    private static List<Requirement> Brought(EventParticipant p, MatchmakingEvent e, Dictionary<int, Requirement> all) =>
        p.RequirementIds.Concat(e.RequirementIds).Distinct()
            .Select(id => all.GetValueOrDefault(id)).OfType<Requirement>()
            .Where(r => r.OrganizationId == p.OrganizationId && r.Criteria.Count > 0).ToList();

    private RequirementFitDto Fit(Requirement r, SupplierFacts facts, DateOnly today)
    {
        var result = Scorer.Score(r.Criteria, facts, today, contexts.For(r));
        return new RequirementFitDto(r.Id, r.Title, result.Total, result.Qualified, result.Headline(), result.Criteria.Select(CriterionScoreDto.From).ToList());
    }

    private static SupplierFacts FactsFor(EventParticipant p, SupplierFacts? profile)
    {
        if (profile is not null)
            return profile with { Capabilities = profile.Capabilities.Concat(p.Offers).Distinct(StringComparer.OrdinalIgnoreCase).ToList() };
        var o = p.Organization;
        return new SupplierFacts
        {
            OrganizationId = o.Id, Name = o.Name, Country = o.Country, SizeBand = o.SizeBand.ToString(), Verified = o.Verified,
            Capabilities = p.Offers, Summary = string.Join(", ", p.Offers), Description = o.Description,
        };
    }
}
