using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Offers;

/// <summary>
/// Proposes, counters and decides offers. Every state change is one conditional UPDATE
/// (<c>WHERE Id = @id AND State = 'Proposed' AND ValidUntil &gt;= today</c>) whose affected-row
/// count decides: of two simultaneous accepts, or an accept and a withdraw, exactly one changes
/// the row and the other is told it lost. The announcing message is appended in the same
/// transaction, so a transition and its message are stored together or not at all.
/// </summary>
public sealed partial class OfferService(
    AppDbContext db, ConversationStore store, OfferAnnouncer announcer, ReferenceData.ReferenceData reference, TimeProvider clock)
{
    private static readonly Refusal OfferNotFound = Refusal.NotFound("The offer");

    public async Task<Outcome<OfferDto>> ProposeAsync(Actor actor, long conversationId, OfferTerms terms, CancellationToken ct = default)
    {
        if (!await store.IsPartyAsync(conversationId, actor.OrganizationId, ct))
            return Refusal.NotFound("The conversation");
        if (Invalid(terms) is { } invalid) return invalid;
        var (listingId, noListing) = await LicensedListingAsync(conversationId, terms, null, ct);
        if (noListing is not null) return noListing;

        var who = await WhoAsync(actor, ct);
        var offer = terms.ToOffer(conversationId, who.Sender.OrganizationId, actor.UserId, clock.GetUtcNow());
        offer.IpListingId = listingId;
        MessageDto message;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Add(offer);
            await db.SaveChangesAsync(ct);
            message = await AppendAsync(offer, who.Sender, OfferSummary.Proposed(who.Label, offer), ct);
            await tx.CommitAsync(ct);
        }
        var dto = OfferDto.From(offer);
        await announcer.AnnounceAsync(message, [dto], who.Sender.OrganizationId, $"New offer from {who.OrganizationName}");
        return dto;
    }

    /// <summary>The other party answers an open offer with new terms; the old one becomes Countered.</summary>
    public async Task<Outcome<OfferDto>> CounterAsync(Actor actor, long offerId, OfferTerms terms, CancellationToken ct = default)
    {
        var previous = await FindVisibleAsync(actor, offerId, ct);
        if (previous is null) return OfferNotFound;
        if (await ConversationSides.SameSideAsync(db, previous.ConversationId, previous.ProposedByOrganizationId, actor.OrganizationId, ct))
            return Refusal.Forbidden("You cannot counter your own side's offer; withdraw it and propose again.");
        if (terms.ConversationId != 0 && terms.ConversationId != previous.ConversationId)
            return new Refusal(StatusCodes.Status400BadRequest, "The terms name another conversation than the offer's.",
                new Dictionary<string, string[]> { ["conversationId"] = ["Must be the offer's conversation or left out."] });
        if (Invalid(terms) is { } invalid) return invalid;
        var (listingId, noListing) = await LicensedListingAsync(previous.ConversationId, terms, previous.IpListingId, ct);
        if (noListing is not null) return noListing;

        var who = await WhoAsync(actor, ct);
        var now = clock.GetUtcNow();
        var counter = terms.ToOffer(previous.ConversationId, who.Sender.OrganizationId, actor.UserId, now, previous.Id);
        counter.IpListingId = listingId;
        MessageDto message;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (await CloseAsync(offerId, OfferState.Countered, who.Sender, now, ct) == 0)
            {
                await tx.RollbackAsync(ct);
                return await LostAsync(offerId, "countered", ct);
            }
            db.Add(counter);
            await db.SaveChangesAsync(ct);
            message = await AppendAsync(counter, who.Sender, OfferSummary.Countered(who.Label, counter), ct);
            await tx.CommitAsync(ct);
        }
        var closed = await ReloadAsync(offerId);
        var dto = OfferDto.From(counter);
        await announcer.AnnounceAsync(message, [closed, dto], who.Sender.OrganizationId, $"{who.OrganizationName} countered your offer");
        return dto;
    }

    public Task<Outcome<OfferDto>> AcceptAsync(Actor actor, long offerId, CancellationToken ct = default) =>
        DecideAsync(actor, offerId, OfferState.Accepted, ct);

    public Task<Outcome<OfferDto>> RejectAsync(Actor actor, long offerId, CancellationToken ct = default) =>
        DecideAsync(actor, offerId, OfferState.Rejected, ct);

    public Task<Outcome<OfferDto>> WithdrawAsync(Actor actor, long offerId, CancellationToken ct = default) =>
        DecideAsync(actor, offerId, OfferState.Withdrawn, ct);

    private async Task<Outcome<OfferDto>> DecideAsync(Actor actor, long offerId, OfferState decision, CancellationToken ct)
    {
        var offer = await FindVisibleAsync(actor, offerId, ct);
        if (offer is null) return OfferNotFound;
        var own = offer.ProposedByOrganizationId == actor.OrganizationId;
        if (decision == OfferState.Withdrawn && !own)
            return Refusal.Forbidden("Only the organisation that proposed an offer can withdraw it.");
        // A consortium is one party: its members cannot accept or reject each other's offers.
        if (decision != OfferState.Withdrawn && await ConversationSides.SameSideAsync(db, offer.ConversationId, offer.ProposedByOrganizationId, actor.OrganizationId, ct))
            return Refusal.Forbidden(
                $"You cannot {(decision == OfferState.Accepted ? "accept" : "reject")} your own organisation's offer; only the other party can.");

        var who = await WhoAsync(actor, ct);
        var now = clock.GetUtcNow();
        MessageDto message;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (await CloseAsync(offerId, decision, who.Sender, now, ct) == 0)
            {
                await tx.RollbackAsync(ct);
                return await LostAsync(offerId, decision.ToString().ToLowerInvariant(), ct);
            }
            message = await AppendAsync(offer, who.Sender, OfferSummary.Decided(who.Label, decision, offer), ct);
            await tx.CommitAsync(ct);
        }
        var dto = await ReloadAsync(offerId);
        var title = decision switch
        {
            OfferState.Accepted => $"{who.OrganizationName} accepted your offer",
            OfferState.Rejected => $"{who.OrganizationName} rejected your offer",
            _ => $"{who.OrganizationName} withdrew its offer",
        };
        await announcer.AnnounceAsync(message, [dto], who.Sender.OrganizationId, title);
        return dto;
    }

    /// <summary>
    /// The one guarded write: only an open offer that is still valid today changes state. Zero
    /// rows means someone else decided first, or the offer is no longer valid.
    /// </summary>
    private Task<int> CloseAsync(long offerId, OfferState state, Sender by, DateTimeOffset now, CancellationToken ct)
    {
        var today = clock.Today();
        return db.Set<Offer>()
            .Where(o => o.Id == offerId && o.State == OfferState.Proposed && o.ValidUntil >= today)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.State, state)
                .SetProperty(o => o.DecidedAt, now)
                .SetProperty(o => o.DecidedByUserId, by.UserId)
                .SetProperty(o => o.DecidedByOrganizationId, by.OrganizationId), ct);
    }

    /// <summary>Says why a guarded write changed nothing; an offer found past its date is expired on the spot.</summary>
    private async Task<Outcome<OfferDto>> LostAsync(long offerId, string verb, CancellationToken ct)
    {
        var current = await db.Set<Offer>().AsNoTracking().FirstAsync(o => o.Id == offerId, ct);
        if (current.State == OfferState.Proposed && current.ValidUntil < clock.Today())
        {
            await ExpireAsync(offerId, CancellationToken.None);
            return Refusal.Conflict(
                $"The offer expired: it was valid until {current.ValidUntil:yyyy-MM-dd} and can no longer be {verb}.");
        }
        return Refusal.Conflict(
            $"The offer is {current.State.ToString().ToLowerInvariant()}; only a proposed offer can be {verb}.");
    }

    private async Task<MessageDto> AppendAsync(Offer offer, Sender? sender, string body, CancellationToken ct) =>
        (await store.AppendAsync(offer.ConversationId, sender, new NewMessage(MessageKind.Offer, body, OfferId: offer.Id), ct)).Message;

    /// <summary>The offer, if the caller's organisation is a party of its conversation; otherwise it does not exist for them.</summary>
    private async Task<Offer?> FindVisibleAsync(Actor actor, long offerId, CancellationToken ct)
    {
        if (actor.OrganizationId is not { } org) return null;
        return await db.Set<Offer>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId
            && db.Set<ConversationParty>().Any(p => p.ConversationId == o.ConversationId && p.OrganizationId == org), ct);
    }

    private async Task<OfferDto> ReloadAsync(long offerId) =>
        OfferDto.From(await db.Set<Offer>().AsNoTracking().FirstAsync(o => o.Id == offerId));

    private Refusal? Invalid(OfferTerms terms)
    {
        var errors = new Errors();
        terms.Validate(errors, reference, clock.Today());
        return errors.Any ? new Refusal(StatusCodes.Status400BadRequest, "The offer's terms are not valid.", errors.ToDictionary()) : null;
    }

    private sealed record Who(Sender Sender, string Label, string OrganizationName);

    /// <summary>The caller as messages show them: "Aiko (Kawaguchi Precision)".</summary>
    private async Task<Who> WhoAsync(Actor actor, CancellationToken ct)
    {
        var row = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new { u.DisplayName, u.Email, Organization = u.Organization!.Name }).FirstAsync(ct);
        var name = string.IsNullOrWhiteSpace(row.DisplayName) ? row.Email ?? "A member" : row.DisplayName;
        return new Who(new Sender(actor.UserId, actor.OrganizationId!.Value, name), $"{name} ({row.Organization})", row.Organization);
    }
}
