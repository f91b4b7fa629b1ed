using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Offers;

public sealed record AgreementParty(int OrganizationId, string Name, string Country, string? City);

/// <summary>
/// What two organisations agreed: the accepted terms, who proposed and who accepted them, and the
/// chain of offers and counters that led there (oldest first, ending with the accepted one).
/// </summary>
public sealed record AgreementDto(
    long ConversationId,
    string Subject,
    OfferDto Terms,
    AgreementParty Proposer,
    AgreementParty Acceptor,
    string ProposedBy,
    string AcceptedBy,
    DateTimeOffset AcceptedAt,
    IReadOnlyList<OfferDto> Chain);

public static class AgreementQuery
{
    /// <summary>
    /// The agreement for an accepted offer, or a reason it cannot be shown. Non-participants and
    /// offers that are not accepted get the same "not found": there is no agreement to see.
    /// </summary>
    public static async Task<(AgreementDto? Agreement, string? Missing)> LoadAsync(AppDbContext db, Actor? actor, long offerId, CancellationToken ct)
    {
        if (actor?.OrganizationId is not { } org) return (null, "The agreement was not found.");
        var offer = await db.Set<Offer>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId
            && db.Set<ConversationParty>().Any(p => p.ConversationId == o.ConversationId && p.OrganizationId == org), ct);
        if (offer is null) return (null, "The agreement was not found.");
        if (offer.State != OfferState.Accepted)
            return (null, $"There is no agreement: the offer is {offer.State.ToString().ToLowerInvariant()}, not accepted.");

        var conversation = await db.Set<Conversation>().AsNoTracking().FirstAsync(c => c.Id == offer.ConversationId, ct);
        // Offers in one conversation are few; walking the chain in memory is one query.
        var all = await db.Set<Offer>().AsNoTracking().Where(o => o.ConversationId == offer.ConversationId).ToDictionaryAsync(o => o.Id, ct);
        var chain = new List<OfferDto>();
        for (Offer? o = offer; o is not null; o = o.PreviousOfferId is { } p ? all.GetValueOrDefault(p) : null) chain.Add(OfferDto.From(o));
        chain.Reverse();

        var acceptorId = offer.DecidedByOrganizationId ?? 0;
        var orgs = await db.Organizations.AsNoTracking().Where(o => o.Id == offer.ProposedByOrganizationId || o.Id == acceptorId)
            .ToDictionaryAsync(o => o.Id, o => new AgreementParty(o.Id, o.Name, o.Country, o.City), ct);
        var people = await db.Users.AsNoTracking().Where(u => u.Id == offer.ProposedByUserId || u.Id == offer.DecidedByUserId)
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.Email ?? u.Id, ct);

        var unknown = new AgreementParty(0, "(organisation removed)", "", null);
        return (new AgreementDto(
            conversation.Id,
            conversation.Subject,
            OfferDto.From(offer),
            orgs.GetValueOrDefault(offer.ProposedByOrganizationId) ?? unknown,
            orgs.GetValueOrDefault(acceptorId) ?? unknown,
            people.GetValueOrDefault(offer.ProposedByUserId) ?? "(former member)",
            offer.DecidedByUserId is { } d ? people.GetValueOrDefault(d) ?? "(former member)" : "(former member)",
            offer.DecidedAt ?? offer.CreatedAt,
            chain), null);
    }
}
