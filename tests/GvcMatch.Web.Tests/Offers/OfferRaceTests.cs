using System.Net;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Offers;

/// <summary>Simultaneous decisions on one offer: the guarded update lets exactly one of them win.</summary>
public abstract class OfferRaceTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task Eight_simultaneous_accepts_from_two_members_produce_exactly_one_acceptance()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var colleague = await app.AddColleagueAsync(buyer, "Second buyer");
        var supplier = await app.SignUpAsync(OrganizationKind.Sme);
        var conversation = await app.StartConversationAsync(buyer, supplier);
        var offer = await supplier.ProposeAsync(conversation, OfferKit.Terms(app));

        // Eight clients, each with a token of its own, four per member.
        var clients = new List<HttpClient>();
        for (var i = 0; i < 8; i++)
        {
            var who = i % 2 == 0 ? buyer : colleague;
            clients.Add(await app.NewClientAsync(who));
        }
        using var start = new SemaphoreSlim(0);
        var accepts = clients.Select(async c =>
        {
            await start.WaitAsync();
            return await c.PostAsync($"/api/offers/{offer.Id}/accept", null);
        }).ToList();
        start.Release(clients.Count);
        var responses = await Task.WhenAll(accepts);

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.Conflict));
        foreach (var lost in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            Assert.Contains("is accepted", (await Expect.ProblemAsync(lost, HttpStatusCode.Conflict)).GetProperty("detail").GetString());

        var stored = await app.StoredOfferAsync(offer.Id);
        Assert.Equal(OfferState.Accepted, stored.State);
        Assert.Contains(stored.DecidedByUserId, new[] { buyer.Me.UserId, colleague.Me.UserId });
        var messages = await app.OfferMessagesAsync(conversation);
        Assert.Single(messages, m => m.Body.Contains("accepted the offer", StringComparison.Ordinal));
        Assert.Equal(2, messages.Count);
        foreach (var c in clients) c.Dispose();
    }

    [DatabaseFact]
    public async Task An_accept_racing_a_withdraw_has_exactly_one_winner_and_the_state_says_which()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var supplier = await app.SignUpAsync(OrganizationKind.Sme);
        var conversation = await app.StartConversationAsync(buyer, supplier);

        for (var round = 0; round < 6; round++)
        {
            var offer = await supplier.ProposeAsync(conversation, OfferKit.Terms(app, price: 4 + round));
            using var start = new SemaphoreSlim(0);
            var accept = Task.Run(async () => { await start.WaitAsync(); return await buyer.DecideAsync(offer.Id, "accept"); });
            var withdraw = Task.Run(async () => { await start.WaitAsync(); return await supplier.DecideAsync(offer.Id, "withdraw"); });
            start.Release(2);
            var (accepted, withdrawn) = (await accept, await withdraw);

            Assert.Equal(1, new[] { accepted, withdrawn }.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Equal(1, new[] { accepted, withdrawn }.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            var expected = accepted.StatusCode == HttpStatusCode.OK ? OfferState.Accepted : OfferState.Withdrawn;
            Assert.Equal(expected, (await app.StoredOfferAsync(offer.Id)).State);
            var decisions = (await app.OfferMessagesAsync(conversation)).Where(m => m.OfferId == offer.Id).ToList();
            Assert.Equal(2, decisions.Count); // the proposal and the one decision that won
        }
    }
}

public sealed class OfferRaceTestsOnSqlite(SqliteApp app) : OfferRaceTests(app), IClassFixture<SqliteApp>;

public sealed class OfferRaceTestsOnPostgres(PostgresApp app) : OfferRaceTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
