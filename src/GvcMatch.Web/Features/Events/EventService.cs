using System.Security.Cryptography;
using GvcMatch.Events.Timetable;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Events;

/// <summary>An event as one caller sees it: whether it organises it and its own registration, if any.</summary>
public sealed record EventView(MatchmakingEvent Event, EventGrid Grid, Actor Actor, bool Organizes, EventParticipant? Participant)
{
    public bool Sees => Organizes || Participant is not null;
}

/// <summary>Creating events, reading them, and registering organisations at them.</summary>
public sealed class EventService(AppDbContext db, TimeProvider clock, ReferenceData.ReferenceData reference)
{
    public static string? CanOrganize(Actor actor) =>
        actor.OrganizationId is null || actor.OrganizationKind is not (OrganizationKind.Mne or OrganizationKind.Intermediary)
            ? "Events are organised by intermediaries and buyers." : null;

    public async Task<Outcome<MatchmakingEvent>> CreateAsync(Actor? actor, EventInput input, CancellationToken ct)
    {
        if (actor is null) return Refusal.Forbidden("Sign in to organise an event.");
        if (CanOrganize(actor) is { } reason) return Refusal.Forbidden(reason);
        var (errors, made) = input.Validate(reference);
        if (made is not null && made.RequirementIds.Count > 0)
        {
            var usable = await db.Requirements.AsNoTracking()
                .Where(r => made.RequirementIds.Contains(r.Id) && (r.OrganizationId == actor.OrganizationId || r.Status != Requirements.RequirementStatus.Draft))
                .Select(r => r.Id).ToListAsync(ct);
            foreach (var missing in made.RequirementIds.Except(usable)) errors.Add("requirementIds", $"Requirement {missing} was not found.");
        }
        if (errors.Any || made is null) return Refusal.Invalid(errors);
        if (EventGrid.Build(made.Timetable()).Slots.Count == 0) return Refusal.Invalid("dayStart", "The meeting hours hold no whole meeting.");
        made.OrganizerOrganizationId = actor.OrganizationId!.Value;
        made.CreatedAt = clock.GetUtcNow();
        db.Add(made);
        await db.SaveChangesAsync(ct);
        return made;
    }

    /// <summary>Events are announced to every signed-in organisation, so they can register; only what happens inside is restricted.</summary>
    public async Task<Outcome<EventView>> ViewAsync(Actor? actor, int eventId, CancellationToken ct, bool tracked = false)
    {
        if (actor is null) return Refusal.NotFound("The event");
        var query = tracked ? db.Set<MatchmakingEvent>() : db.Set<MatchmakingEvent>().AsNoTracking();
        var e = await query.FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return Refusal.NotFound("The event");
        var participant = actor.OrganizationId is { } org
            ? await db.Set<EventParticipant>().Include(p => p.Organization).FirstOrDefaultAsync(p => p.EventId == eventId && p.OrganizationId == org, ct)
            : null;
        return new EventView(e, EventGrid.Build(e.Timetable()), actor, actor.IsMemberOf(e.OrganizerOrganizationId), participant);
    }

    public async Task<EventDto> DtoAsync(EventView view, CancellationToken ct)
    {
        var e = view.Event;
        var organizer = await db.Organizations.AsNoTracking().Where(o => o.Id == e.OrganizerOrganizationId).Select(o => o.Name).FirstAsync(ct);
        var count = await db.Set<EventParticipant>().CountAsync(p => p.EventId == e.Id, ct);
        return EventDto.From(e, organizer, view.Grid.Slots.Count, count, view.Organizes, view.Participant?.Id);
    }

    public async Task<List<EventDto>> ListAsync(Actor actor, CancellationToken ct)
    {
        var from = clock.Today().AddDays(-14);
        var events = await db.Set<MatchmakingEvent>().AsNoTracking().Where(e => e.FirstDay >= from).OrderBy(e => e.FirstDay).ThenBy(e => e.Id).Take(100).ToListAsync(ct);
        var ids = events.Select(e => e.Id).ToList();
        var orgIds = events.Select(e => e.OrganizerOrganizationId).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var counts = await db.Set<EventParticipant>().Where(p => ids.Contains(p.EventId)).GroupBy(p => p.EventId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var mine = actor.OrganizationId is { } org
            ? await db.Set<EventParticipant>().Where(p => ids.Contains(p.EventId) && p.OrganizationId == org).ToDictionaryAsync(p => p.EventId, p => p.Id, ct)
            : [];
        return events.Select(e => EventDto.From(e, names.GetValueOrDefault(e.OrganizerOrganizationId, ""), EventGrid.Build(e.Timetable()).Slots.Count,
            counts.GetValueOrDefault(e.Id), actor.IsMemberOf(e.OrganizerOrganizationId), mine.TryGetValue(e.Id, out var p) ? p : null)).ToList();
    }

    /// <summary>
    /// Registers the caller's organisation (or changes its registration): refused after the window
    /// closes and when the organisation is not one the event admits, each with the reason by field.
    /// </summary>
    public async Task<Outcome<EventParticipant>> RegisterAsync(Actor? actor, int eventId, RegistrationInput input, CancellationToken ct)
    {
        var seen = await ViewAsync(actor, eventId, ct);
        if (seen.Refusal is { } refused) return refused;
        var (e, grid) = (seen.Value!.Event, seen.Value.Grid);
        if (actor!.OrganizationId is not { } orgId) return Refusal.Forbidden("Only members of an organisation register at events.");
        var now = clock.GetUtcNow();
        if (now < e.RegistrationOpensAt) return Refusal.Invalid("registration", $"Registration opens at {e.RegistrationOpensAt:yyyy-MM-dd HH:mm} UTC.");
        if (now >= e.RegistrationClosesAt) return Refusal.Invalid("registration", $"Registration closed at {e.RegistrationClosesAt:yyyy-MM-dd HH:mm} UTC.");
        var org = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == orgId, ct);
        if (await EligibilityAsync(e, org, ct) is { } refusal) return refusal;
        var (errors, windows) = input.Validate(grid);
        var requirementIds = (input.RequirementIds ?? []).Distinct().ToList();
        if (requirementIds.Count > 0)
        {
            var own = await db.Requirements.AsNoTracking().Where(r => requirementIds.Contains(r.Id) && r.OrganizationId == orgId).Select(r => r.Id).ToListAsync(ct);
            foreach (var missing in requirementIds.Except(own)) errors.Add("requirementIds", $"Requirement {missing} is not one of your organisation's.");
        }
        if (errors.Any) return Refusal.Invalid(errors);

        var participant = await db.Set<EventParticipant>().FirstOrDefaultAsync(p => p.EventId == eventId && p.OrganizationId == orgId, ct);
        if (participant is null)
        {
            participant = new EventParticipant { EventId = eventId, OrganizationId = orgId, FeedToken = NewToken(), RegisteredAt = now };
            db.Add(participant);
        }
        participant.Offers = RegistrationInput.Clean(input.Offers);
        participant.Seeks = RegistrationInput.Clean(input.Seeks);
        participant.Availability = windows;
        participant.RequirementIds = requirementIds;
        await db.SaveChangesAsync(ct);
        participant.Organization = org;
        return participant;
    }

    /// <summary>Why this organisation may not attend, by the field of the event that excludes it; null when it may.</summary>
    private async Task<Refusal?> EligibilityAsync(MatchmakingEvent e, Organization org, CancellationToken ct)
    {
        if (!e.Admits(org.Kind))
            return Refusal.Invalid("audience", $"This event is for {string.Join(", ", e.Audience)}; your organisation is {org.Kind}.");
        if (e.Countries.Count > 0 && !e.Countries.Contains(org.Country))
            return Refusal.Invalid("countries", $"This event is for organisations in {string.Join(", ", e.Countries)}; yours is in {org.Country}.");
        if (e.Sectors.Count > 0 && org.Kind == OrganizationKind.Sme)
        {
            // Sectors are ISIC codes; a broader code admits every narrower one ("25" admits "2592").
            var codes = await db.Profiles.AsNoTracking().Where(p => p.OrganizationId == org.Id).Select(p => p.IsicCodes).FirstOrDefaultAsync(ct) ?? [];
            if (!codes.Any(c => e.Sectors.Any(s => c.StartsWith(s, StringComparison.Ordinal))))
                return Refusal.Invalid("sectors", $"This event is for SMEs in ISIC sectors {string.Join(", ", e.Sectors)}; your profile names none of them.");
        }
        return null;
    }

    public Task<List<EventParticipant>> ParticipantsAsync(int eventId, CancellationToken ct) =>
        db.Set<EventParticipant>().AsNoTracking().Include(p => p.Organization).Where(p => p.EventId == eventId).OrderBy(p => p.Id).ToListAsync(ct);

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
