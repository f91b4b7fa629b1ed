using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GvcMatch.Web.Tests.Offers;

/// <summary>Offers over /hubs/negotiation with the real .NET SignalR client.</summary>
public abstract class OfferHubTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task The_other_party_sees_offers_live_and_refusals_do_not_close_the_connection()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var supplier = await app.SignUpAsync(OrganizationKind.Sme);
        var outsider = await app.SignUpAsync(OrganizationKind.Sme);
        var conversation = await app.StartConversationAsync(buyer, supplier);
        await using var supplierHub = await app.ConnectAsync(supplier);
        await using var buyerHub = await app.ConnectAsync(buyer);
        await using var outsiderHub = await app.ConnectAsync(outsider);
        var buyerOffers = buyerHub.Collect<OfferDto>("OfferUpdated");
        var buyerMessages = buyerHub.Collect<MessageDto>("MessageReceived");
        var supplierOffers = supplierHub.Collect<OfferDto>("OfferUpdated");
        var outsiderOffers = outsiderHub.Collect<OfferDto>("OfferUpdated");

        var proposed = await supplierHub.InvokeAsync<OfferDto>("ProposeOffer", OfferKit.Terms(app) with { ConversationId = conversation });
        Assert.Equal("Proposed", (await buyerOffers.WaitForAsync(o => o.Id == proposed.Id)).State);
        var message = await buyerMessages.WaitForAsync(m => m.OfferId == proposed.Id);
        Assert.Equal("Offer", message.Kind);
        Assert.Contains("proposed: 12,000 pcs at EUR 4.20", message.Body);

        var invalid = await Assert.ThrowsAsync<HubException>(() =>
            supplierHub.InvokeAsync<OfferDto>("ProposeOffer", OfferKit.Terms(app, price: -1) with { ConversationId = conversation }));
        Assert.Contains("HubException: invalid:", invalid.Message);
        Assert.Contains("price", invalid.Message);
        var missing = await Assert.ThrowsAsync<HubException>(() => supplierHub.InvokeAsync<OfferDto>("ProposeOffer", (object?)null));
        Assert.Contains("HubException: invalid:", missing.Message);
        var own = await Assert.ThrowsAsync<HubException>(() => supplierHub.InvokeAsync<OfferDto>("AcceptOffer", proposed.Id));
        Assert.Contains("HubException: forbidden:", own.Message);
        var stranger = await Assert.ThrowsAsync<HubException>(() => outsiderHub.InvokeAsync<OfferDto>("AcceptOffer", proposed.Id));
        Assert.Contains("HubException: not_found:", stranger.Message);
        var strangerProposal = await Assert.ThrowsAsync<HubException>(() =>
            outsiderHub.InvokeAsync<OfferDto>("ProposeOffer", OfferKit.Terms(app) with { ConversationId = conversation }));
        Assert.Contains("HubException: not_found:", strangerProposal.Message);

        var accepted = await buyerHub.InvokeAsync<OfferDto>("AcceptOffer", proposed.Id);
        Assert.Equal("Accepted", accepted.State);
        Assert.Equal("Accepted", (await supplierOffers.WaitForAsync(o => o.Id == proposed.Id && o.State == "Accepted")).State);

        var again = await Assert.ThrowsAsync<HubException>(() => buyerHub.InvokeAsync<OfferDto>("AcceptOffer", proposed.Id));
        Assert.Contains("HubException: conflict:", again.Message);
        Assert.Contains("is accepted", again.Message);

        // Every refusal failed one call only: all connections are still open and usable.
        Assert.Equal(HubConnectionState.Connected, buyerHub.State);
        Assert.Equal(HubConnectionState.Connected, supplierHub.State);
        Assert.Equal(HubConnectionState.Connected, outsiderHub.State);
        var next = await buyerHub.InvokeAsync<OfferDto>("ProposeOffer", OfferKit.Terms(app, price: 4.05m) with { ConversationId = conversation });
        var countered = await supplierHub.InvokeAsync<OfferDto>("CounterOffer", next.Id, OfferKit.Terms(app, price: 4.15m));
        Assert.Equal(next.Id, countered.PreviousOfferId);
        var rejected = await buyerHub.InvokeAsync<OfferDto>("RejectOffer", countered.Id);
        Assert.Equal("Rejected", rejected.State);
        var last = await supplierHub.InvokeAsync<OfferDto>("ProposeOffer", OfferKit.Terms(app, price: 4.10m) with { ConversationId = conversation });
        Assert.Equal("Withdrawn", (await supplierHub.InvokeAsync<OfferDto>("WithdrawOffer", last.Id)).State);
        await buyerOffers.WaitForAsync(o => o.Id == last.Id && o.State == "Withdrawn");

        // Nothing about this conversation reached the outsider.
        Assert.Empty(outsiderOffers.Drain());
    }
}

[Collection(SharedApps.SqliteB)]
public sealed class OfferHubTestsOnSqlite(SqliteApp app) : OfferHubTests(app);

[Collection(SharedApps.PostgresA)]
public sealed class OfferHubTestsOnPostgres(PostgresApp app) : OfferHubTests(app), IUsesPostgres;
