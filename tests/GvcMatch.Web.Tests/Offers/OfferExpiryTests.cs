using System.Net;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Offers;

/// <summary>
/// Validity dates, with the app's clock moved forward. The clock is shared by the class's tests,
/// so each test puts it back when it ends.
/// </summary>
public abstract class OfferExpiryTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task Accepting_an_offer_past_its_validity_date_is_refused_and_marks_it_expired()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var supplier = await app.SignUpAsync(OrganizationKind.Sme);
        var conversation = await app.StartConversationAsync(buyer, supplier);
        var offer = await supplier.ProposeAsync(conversation, OfferKit.Terms(app, validDays: 1));
        try
        {
            // Valid through its last day...
            app.Clock.Advance(TimeSpan.FromDays(1));
            Assert.Equal(OfferState.Proposed, (await app.StoredOfferAsync(offer.Id)).State);
            // ...and expired the day after. Tokens from before the jump have lapsed, so sign in again.
            app.Clock.Advance(TimeSpan.FromDays(1));
            buyer = await app.SignInAgainAsync(buyer);
            supplier = await app.SignInAgainAsync(supplier);

            var problem = await Expect.ProblemAsync(await buyer.DecideAsync(offer.Id, "accept"), HttpStatusCode.Conflict);
            Assert.Contains("expired", problem.GetProperty("detail").GetString());
            Assert.Equal(OfferState.Expired, (await app.StoredOfferAsync(offer.Id)).State);

            foreach (var response in new[]
                     {
                         await buyer.DecideAsync(offer.Id, "accept"),
                         await buyer.DecideAsync(offer.Id, "reject"),
                         await buyer.Client.PostJsonAsync($"/api/offers/{offer.Id}/counter", OfferKit.Terms(app)),
                         await supplier.DecideAsync(offer.Id, "withdraw"),
                     })
                Assert.Contains("is expired", (await Expect.ProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("detail").GetString());

            var messages = await app.OfferMessagesAsync(conversation);
            Assert.Equal(2, messages.Count);
            Assert.Null(messages[1].SenderUserId);
            Assert.Contains("expired unanswered", messages[1].Body);
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    [DatabaseFact]
    public async Task The_sweep_expires_offers_past_their_date_once_and_announces_it_to_both_parties()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var supplier = await app.SignUpAsync(OrganizationKind.Sme);
        var conversation = await app.StartConversationAsync(buyer, supplier);
        var due = await supplier.ProposeAsync(conversation, OfferKit.Terms(app, validDays: 0));
        var later = await buyer.ProposeAsync(conversation, OfferKit.Terms(app, price: 3.90m, validDays: 30));
        await using var buyerHub = await app.ConnectAsync(buyer);
        var live = buyerHub.Collect<OfferDto>("OfferUpdated");
        try
        {
            app.Clock.Advance(TimeSpan.FromDays(1));
            Assert.True(await SweepAsync() >= 1);
            Assert.Equal(0, await SweepAsync());

            Assert.Equal(OfferState.Expired, (await app.StoredOfferAsync(due.Id)).State);
            Assert.Equal(OfferState.Proposed, (await app.StoredOfferAsync(later.Id)).State);
            Assert.Equal("Expired", (await live.WaitForAsync(o => o.Id == due.Id)).State);
            var expiry = Assert.Single(await app.OfferMessagesAsync(conversation), m => m.OfferId == due.Id && m.SenderUserId is null);
            Assert.Contains("expired unanswered", expiry.Body);
            var notified = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
                .Where(n => n.Kind == NotificationKinds.Offer && n.Title == "An offer expired").Select(n => n.UserId).ToListAsync());
            Assert.Contains(buyer.Me.UserId, notified);
            Assert.Contains(supplier.Me.UserId, notified);
            Assert.Equal(1, notified.Count(u => u == buyer.Me.UserId));
        }
        finally
        {
            app.Clock.Reset();
        }
    }

    private async Task<int> SweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OfferService>().ExpireDueAsync();
    }
}

public sealed class OfferExpiryTestsOnSqlite(SqliteApp app) : OfferExpiryTests(app), IClassFixture<SqliteApp>;

public sealed class OfferExpiryTestsOnPostgres(PostgresApp app) : OfferExpiryTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
