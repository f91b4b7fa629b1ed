using System.Net;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Offers;

/// <summary>Who may do what to an offer, in which state, and what each change leaves behind.</summary>
public abstract class OfferRulesTests(GvcMatchApp app)
{
    private async Task<(Member Buyer, Member Supplier, long ConversationId)> PartiesAsync()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var supplier = await app.SignUpAsync(OrganizationKind.Sme);
        return (buyer, supplier, await app.StartConversationAsync(buyer, supplier));
    }

    [DatabaseFact]
    public async Task A_proposal_is_stored_announced_in_the_conversation_and_notified_to_the_other_party()
    {
        var (buyer, supplier, conversation) = await PartiesAsync();
        var offer = await supplier.ProposeAsync(conversation, OfferKit.Terms(app));

        Assert.Equal("Proposed", offer.State);
        Assert.Equal(supplier.Me.OrgId, offer.ProposedByOrganizationId);
        var message = Assert.Single(await app.OfferMessagesAsync(conversation));
        Assert.Equal(offer.Id, message.OfferId);
        Assert.Equal(supplier.Me.UserId, message.SenderUserId);
        Assert.Contains("proposed: 12,000 pcs at EUR 4.20, FCA Niigata, lead time 45 days", message.Body);

        var listed = await (await buyer.Client.GetAsync($"/api/conversations/{conversation}/offers")).ReadAsync<List<OfferDto>>();
        Assert.Equal(offer.Id, Assert.Single(listed).Id);
        var notes = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKinds.Offer && (n.UserId == buyer.Me.UserId || n.UserId == supplier.Me.UserId)).ToListAsync());
        var note = Assert.Single(notes);
        Assert.Equal(buyer.Me.UserId, note.UserId);
        Assert.Equal($"/Conversations/{conversation}", note.Link);
    }

    [DatabaseFact]
    public async Task Accepting_or_rejecting_your_own_organisations_offer_is_refused()
    {
        var (_, supplier, conversation) = await PartiesAsync();
        var colleague = await app.AddColleagueAsync(supplier);
        var offer = await supplier.ProposeAsync(conversation, OfferKit.Terms(app));

        foreach (var who in new[] { supplier, colleague })
        {
            var problem = await Expect.ProblemAsync(await who.DecideAsync(offer.Id, "accept"), HttpStatusCode.Forbidden);
            Assert.Contains("own organisation", problem.GetProperty("detail").GetString());
            await Expect.ProblemAsync(await who.DecideAsync(offer.Id, "reject"), HttpStatusCode.Forbidden);
            await Expect.ProblemAsync(await who.Client.PostJsonAsync($"/api/offers/{offer.Id}/counter", OfferKit.Terms(app)), HttpStatusCode.Forbidden);
        }
        Assert.Equal(OfferState.Proposed, (await app.StoredOfferAsync(offer.Id)).State);
        Assert.Single(await app.OfferMessagesAsync(conversation));
    }

    [DatabaseFact]
    public async Task A_counter_closes_the_offer_it_answers_and_references_it()
    {
        var (buyer, supplier, conversation) = await PartiesAsync();
        var offer = await supplier.ProposeAsync(conversation, OfferKit.Terms(app));
        var counter = await buyer.CounterAsync(offer.Id, OfferKit.Terms(app, price: 3.95m));

        Assert.Equal(offer.Id, counter.PreviousOfferId);
        Assert.Equal(buyer.Me.OrgId, counter.ProposedByOrganizationId);
        var previous = await app.StoredOfferAsync(offer.Id);
        Assert.Equal(OfferState.Countered, previous.State);
        Assert.Equal(buyer.Me.OrgId, previous.DecidedByOrganizationId);
        var messages = await app.OfferMessagesAsync(conversation);
        Assert.Equal(2, messages.Count);
        Assert.Equal(counter.Id, messages[1].OfferId);
        Assert.Contains("countered: 12,000 pcs at EUR 3.95", messages[1].Body);

        // The counter is now the open offer, and only the supplier may answer it.
        await Expect.ProblemAsync(await buyer.DecideAsync(counter.Id, "accept"), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await supplier.DecideAsync(counter.Id, "accept"), HttpStatusCode.OK);
    }

    [DatabaseTheory]
    [InlineData("withdraw", "withdrawn")]
    [InlineData("reject", "rejected")]
    [InlineData("counter", "countered")]
    [InlineData("accept", "accepted")]
    public async Task A_closed_offer_cannot_be_accepted_countered_or_rejected(string closeWith, string closedState)
    {
        var (buyer, supplier, conversation) = await PartiesAsync();
        var offer = await supplier.ProposeAsync(conversation, OfferKit.Terms(app));
        if (closeWith == "counter") await buyer.CounterAsync(offer.Id, OfferKit.Terms(app, price: 3.50m));
        else await Expect.StatusAsync(await (closeWith == "withdraw" ? supplier : buyer).DecideAsync(offer.Id, closeWith), HttpStatusCode.OK);
        var messagesBefore = (await app.OfferMessagesAsync(conversation)).Count;

        foreach (var response in new[]
                 {
                     await buyer.DecideAsync(offer.Id, "accept"),
                     await buyer.DecideAsync(offer.Id, "reject"),
                     await buyer.Client.PostJsonAsync($"/api/offers/{offer.Id}/counter", OfferKit.Terms(app, price: 3.10m)),
                     await supplier.DecideAsync(offer.Id, "withdraw"),
                 })
        {
            var problem = await Expect.ProblemAsync(response, HttpStatusCode.Conflict);
            Assert.Contains($"is {closedState}", problem.GetProperty("detail").GetString());
        }
        Assert.Equal(closedState, (await app.StoredOfferAsync(offer.Id)).State.ToString().ToLowerInvariant());
        Assert.Equal(messagesBefore, (await app.OfferMessagesAsync(conversation)).Count);
    }

    [DatabaseFact]
    public async Task Only_the_proposing_organisation_can_withdraw_its_offer()
    {
        var (buyer, supplier, conversation) = await PartiesAsync();
        var offer = await supplier.ProposeAsync(conversation, OfferKit.Terms(app));

        await Expect.ProblemAsync(await buyer.DecideAsync(offer.Id, "withdraw"), HttpStatusCode.Forbidden);
        var withdrawn = await (await supplier.DecideAsync(offer.Id, "withdraw")).ReadAsync<OfferDto>();
        Assert.Equal("Withdrawn", withdrawn.State);
        Assert.Contains("withdrew the offer", (await app.OfferMessagesAsync(conversation))[^1].Body);
    }

    [DatabaseFact]
    public async Task Malformed_offers_are_refused_with_the_field_named_and_nothing_is_stored()
    {
        var (_, supplier, conversation) = await PartiesAsync();
        var good = OfferKit.Terms(app);
        var today = app.Today();
        var cases = new (OfferTerms Terms, string Field)[]
        {
            (good with { Price = -4.20m }, "price"),
            (good with { Price = 0 }, "price"),
            (good with { Price = 4.12345m }, "price"),
            (good with { Currency = "XYZ" }, "currency"),
            (good with { Currency = "" }, "currency"),
            (good with { Quantity = 0 }, "quantity"),
            (good with { Unit = new string('u', 21) }, "unit"),
            (good with { LeadTimeDays = -1 }, "leadTimeDays"),
            (good with { LeadTimeDays = 3651 }, "leadTimeDays"),
            (good with { Incoterm = "FOO" }, "incoterm"),
            (good with { Incoterm = "FOB", DeliveryPlace = null }, "deliveryPlace"),
            (good with { PaymentTermsDays = 366 }, "paymentTermsDays"),
            (good with { ValidUntil = today.AddDays(-1) }, "validUntil"),
            (good with { ValidUntil = today.AddYears(1).AddDays(1) }, "validUntil"),
            (good with { Notes = new string('n', 2001) }, "notes"),
        };
        foreach (var (terms, field) in cases)
            await Expect.ValidationErrorAsync(await supplier.Client.PostJsonAsync($"/api/conversations/{conversation}/offers", terms), field);

        // A body that is not an offer at all is a 400 too, never a 500.
        var garbage = new StringContent("""{"price":"cheap"}""", System.Text.Encoding.UTF8, "application/json");
        await Expect.ProblemAsync(await supplier.Client.PostAsync($"/api/conversations/{conversation}/offers", garbage), HttpStatusCode.BadRequest);

        Assert.False(await app.WithDbAsync(db => db.Set<Offer>().AnyAsync(o => o.ConversationId == conversation)));
        Assert.Empty(await app.OfferMessagesAsync(conversation));
        // The lower and upper edges are accepted.
        await supplier.ProposeAsync(conversation, good with { ValidUntil = today, Price = 0.0001m, Currency = "jpy", Incoterm = "cif", LeadTimeDays = 0 });
        await supplier.ProposeAsync(conversation, good with { ValidUntil = today.AddYears(1), LeadTimeDays = 3650, PaymentTermsDays = 365 });
    }

    [DatabaseFact]
    public async Task A_non_member_gets_not_found_for_every_offer_route_and_changes_nothing()
    {
        var (buyer, supplier, conversation) = await PartiesAsync();
        var outsider = await app.SignUpAsync(OrganizationKind.Mne);
        var offer = await supplier.ProposeAsync(conversation, OfferKit.Terms(app));

        var responses = new[]
        {
            await outsider.Client.GetAsync($"/api/conversations/{conversation}/offers"),
            await outsider.Client.PostJsonAsync($"/api/conversations/{conversation}/offers", OfferKit.Terms(app)),
            await outsider.Client.GetAsync($"/api/offers/{offer.Id}"),
            await outsider.Client.GetAsync($"/api/offers/{offer.Id}/agreement"),
            await outsider.Client.PostJsonAsync($"/api/offers/{offer.Id}/counter", OfferKit.Terms(app)),
            await outsider.DecideAsync(offer.Id, "accept"),
            await outsider.DecideAsync(offer.Id, "reject"),
            await outsider.DecideAsync(offer.Id, "withdraw"),
            // A conversation or offer that does not exist looks the same.
            await buyer.Client.GetAsync("/api/offers/999999999"),
            await buyer.DecideAsync(999999999, "accept"),
        };
        foreach (var response in responses) await Expect.ProblemAsync(response, HttpStatusCode.NotFound);

        Assert.Equal(OfferState.Proposed, (await app.StoredOfferAsync(offer.Id)).State);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Offer>().CountAsync(o => o.ConversationId == conversation)));
        Assert.Single(await app.OfferMessagesAsync(conversation));
    }

    [DatabaseFact]
    public async Task The_agreement_shows_the_accepted_terms_and_the_chain_to_both_parties_only()
    {
        var (buyer, supplier, conversation) = await PartiesAsync();
        var outsider = await app.SignUpAsync(OrganizationKind.Sme);
        var first = await supplier.ProposeAsync(conversation, OfferKit.Terms(app, price: 4.20m));
        var counter = await buyer.CounterAsync(first.Id, OfferKit.Terms(app, price: 3.85m));
        await Expect.StatusAsync(await supplier.DecideAsync(counter.Id, "accept"), HttpStatusCode.OK);

        foreach (var party in new[] { buyer, supplier })
        {
            var agreement = await Expect.JsonAsync(await party.Client.GetAsync($"/api/offers/{counter.Id}/agreement"), HttpStatusCode.OK);
            Assert.Equal(3.85m, agreement.GetProperty("terms").GetProperty("price").GetDecimal());
            Assert.Equal(buyer.Me.OrgId, agreement.GetProperty("proposer").GetProperty("organizationId").GetInt32());
            Assert.Equal(supplier.Me.OrgId, agreement.GetProperty("acceptor").GetProperty("organizationId").GetInt32());
            var chain = agreement.GetProperty("chain").EnumerateArray().Select(o => o.GetProperty("id").GetInt64()).ToList();
            Assert.Equal([first.Id, counter.Id], chain);
        }
        await Expect.ProblemAsync(await outsider.Client.GetAsync($"/api/offers/{counter.Id}/agreement"), HttpStatusCode.NotFound);
        // The countered offer is not an agreement.
        await Expect.ProblemAsync(await buyer.Client.GetAsync($"/api/offers/{first.Id}/agreement"), HttpStatusCode.NotFound);

        var page = $"/Conversations/{conversation}/Agreement/{counter.Id}";
        using var browser = await BrowserAsync(buyer);
        var html = await (await browser.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("Agreement summary", html);
        Assert.Contains("EUR 3.85 per unit (pcs)", html);
        Assert.Contains("12,000 pcs", html);
        Assert.Contains("FCA Niigata", html);
        Assert.Contains(buyer.Me.OrganizationName!, html);
        Assert.Contains(supplier.Me.OrganizationName!, html);
        Assert.Contains("@media print", html);
        Assert.Contains("id=\"print-agreement\"", html);

        using var stranger = await BrowserAsync(outsider);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Conversations/{conversation}/Agreement/{first.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Conversations/{conversation + 1000}/Agreement/{counter.Id}")).StatusCode);
    }

    private async Task<HttpClient> BrowserAsync(Member member)
    {
        var browser = app.CreateClient();
        await CookieSignIn.SignInAsync(browser, member.Email, member.Password);
        return browser;
    }
}

public sealed class OfferRulesTestsOnSqlite(SqliteApp app) : OfferRulesTests(app), IClassFixture<SqliteApp>;

public sealed class OfferRulesTestsOnPostgres(PostgresApp app) : OfferRulesTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
