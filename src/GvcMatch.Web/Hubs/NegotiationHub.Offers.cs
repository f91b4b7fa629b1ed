using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace GvcMatch.Web.Hubs;

/// <summary>
/// Offer methods of the negotiation hub. Services come in as method parameters (the hub has no
/// constructor). A refusal is a HubException "code: detail", which fails this call only: the
/// connection stays open.
/// </summary>
public sealed partial class NegotiationHub
{
    public Task<OfferDto> ProposeOffer(OfferTerms terms, OfferService offers, AppDbContext db) =>
        OfferCallAsync(db, actor => offers.ProposeAsync(actor, Required(terms).ConversationId, terms, Context.ConnectionAborted));

    public Task<OfferDto> CounterOffer(long offerId, OfferTerms terms, OfferService offers, AppDbContext db) =>
        OfferCallAsync(db, actor => offers.CounterAsync(actor, offerId, Required(terms), Context.ConnectionAborted));

    public Task<OfferDto> AcceptOffer(long offerId, OfferService offers, AppDbContext db) =>
        OfferCallAsync(db, actor => offers.AcceptAsync(actor, offerId, Context.ConnectionAborted));

    public Task<OfferDto> RejectOffer(long offerId, OfferService offers, AppDbContext db) =>
        OfferCallAsync(db, actor => offers.RejectAsync(actor, offerId, Context.ConnectionAborted));

    public Task<OfferDto> WithdrawOffer(long offerId, OfferService offers, AppDbContext db) =>
        OfferCallAsync(db, actor => offers.WithdrawAsync(actor, offerId, Context.ConnectionAborted));

    /// <summary>A client can send null where the terms belong; that is bad input, not a server fault.</summary>
    private static OfferTerms Required(OfferTerms? terms) => terms ?? throw new HubException("invalid: The offer's terms are required.");

    private async Task<OfferDto> OfferCallAsync(AppDbContext db, Func<Actor, Task<Outcome<OfferDto>>> call)
    {
        // Read fresh on every call: a member removed since connecting is refused at once.
        var actor = Context.User is { } user ? await user.GetActorAsync(db, Context.ConnectionAborted) : null;
        if (actor is null) throw new HubException("not_found: The conversation was not found.");
        var outcome = await call(actor);
        return outcome.Refusal is { } refused ? throw new HubException($"{refused.Code}: {refused.Describe()}") : outcome.Value!;
    }
}
