using System.Net;
using System.Text.Json;
using GvcMatch.Web.Tests.Infrastructure;
using OfferKit = GvcMatch.Web.Tests.Offers.OfferKit;

namespace GvcMatch.Web.Tests.Consortia;

/// <summary>
/// The consortium negotiates as one party: its conversation with the buyer has every accepted member
/// as a party, follows acceptance and leaving, and is a different conversation from the lead's own.
/// </summary>
public abstract class ConsortiumConversationTests(GvcMatchApp app)
{
    private static async Task<long> StartAsync(Member who, int consortium, HttpStatusCode expected) =>
        (await Expect.JsonAsync(await who.Client.PostAsync($"/api/consortia/{consortium}/conversation"), expected)).GetProperty("conversationId").GetInt64();

    private static async Task<JsonElement> ConversationAsync(Member who, long id) =>
        await Expect.JsonAsync(await who.Client.GetAsync($"/api/conversations/{id}"), HttpStatusCode.OK);

    private static List<int> Parties(JsonElement conversation) =>
        conversation.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("organizationId").GetInt32()).Order().ToList();

    private static async Task SendAsync(Member who, long conversation, string body) =>
        await Expect.StatusAsync(await who.Client.PostJsonAsync($"/api/conversations/{conversation}/messages",
            new { clientMessageId = Guid.NewGuid().ToString("N"), body }), HttpStatusCode.Created);

    [DatabaseFact]
    public async Task Any_accepted_member_opens_the_one_consortium_conversation_and_it_is_not_the_leads_own()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        await ConsortiumScenario.AcceptAsync(s.Partner, id);

        var conversation = await StartAsync(s.Partner, id, HttpStatusCode.Created);
        Assert.Equal(conversation, await StartAsync(s.Lead, id, HttpStatusCode.OK));
        var seen = await ConversationAsync(s.Buyer, conversation);
        Assert.Equal(new[] { s.Buyer.Me.OrgId, s.Lead.Me.OrgId, s.Partner.Me.OrgId }.Order(), Parties(seen));
        Assert.Equal("Requirement", seen.GetProperty("topic").GetString());
        Assert.Equal(s.Requirement, seen.GetProperty("aboutId").GetInt32());
        Assert.Equal(conversation, (await ConsortiumScenario.GetAsync(s.Lead, id)).GetProperty("conversationId").GetInt64());

        // The lead SME's own conversation with the buyer about the same requirement is another one.
        var own = await Expect.JsonAsync(await s.Lead.Client.PostJsonAsync("/api/conversations", new { topic = "Requirement", aboutId = s.Requirement }), HttpStatusCode.Created);
        Assert.NotEqual(conversation, own.GetProperty("id").GetInt64());
        Assert.Equal(new[] { s.Buyer.Me.OrgId, s.Lead.Me.OrgId }.Order(), Parties(own));

        // An invitee that has not accepted is not a party and cannot start it.
        await Expect.ProblemAsync(await s.Third.Client.GetAsync($"/api/conversations/{conversation}"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await s.Third.Client.PostAsync($"/api/consortia/{id}/conversation"), HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Membership_of_the_conversation_follows_acceptance_and_leaving_live()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        await ConsortiumScenario.AcceptAsync(s.Partner, id);
        var conversation = await StartAsync(s.Lead, id, HttpStatusCode.Created);
        await using var third = await app.ConnectAsync(s.Third);
        await using var partner = await app.ConnectAsync(s.Partner);

        await SendAsync(s.Buyer, conversation, "Before the third joins");
        await partner.WaitForAsync(c => c.Messages.Any(m => m.Body == "Before the third joins"), "the partner to receive the buyer's message");

        await ConsortiumScenario.AcceptAsync(s.Third, id);
        Assert.Contains(s.Third.Me.OrgId, Parties(await ConversationAsync(s.Third, conversation)));
        await SendAsync(s.Buyer, conversation, "Welcome to the third");
        await third.WaitForAsync(c => c.Messages.Any(m => m.Body == "Welcome to the third"), "the new member to receive the buyer's message live");
        Assert.DoesNotContain(third.Messages, m => m.Body == "Before the third joins");
        // The history shows it joined, and the earlier messages are there for the new member to read.
        var history = await Expect.JsonAsync(await s.Third.Client.GetAsync($"/api/conversations/{conversation}/messages?afterSeq=0"), HttpStatusCode.OK);
        var bodies = history.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()).ToList();
        Assert.Contains("Before the third joins", bodies);
        Assert.Contains(bodies, b => b!.Contains("joined the consortium", StringComparison.Ordinal));

        await Expect.StatusAsync(await s.Partner.Client.PostAsync($"/api/consortia/{id}/leave"), HttpStatusCode.OK);
        await Expect.ProblemAsync(await s.Partner.Client.GetAsync($"/api/conversations/{conversation}"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await s.Partner.Client.PostJsonAsync($"/api/conversations/{conversation}/messages",
            new { clientMessageId = "late", body = "Still here?" }), HttpStatusCode.NotFound);
        await SendAsync(s.Buyer, conversation, "After the partner left");
        await third.WaitForAsync(c => c.Messages.Any(m => m.Body == "After the partner left"), "the remaining member to receive the message");
        await partner.FenceAsync();
        Assert.DoesNotContain(partner.Messages, m => m.Body == "After the partner left");
        Assert.DoesNotContain(s.Partner.Me.OrgId, Parties(await ConversationAsync(s.Buyer, conversation)));
    }

    [DatabaseFact]
    public async Task A_member_cannot_accept_or_counter_another_members_offer_only_the_buyer_can()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        await ConsortiumScenario.AcceptAsync(s.Partner, id);
        var conversation = await StartAsync(s.Partner, id, HttpStatusCode.Created);

        var offer = await OfferKit.ProposeAsync(s.Partner, conversation, OfferKit.Terms(app));
        await Expect.ProblemAsync(await OfferKit.DecideAsync(s.Lead, offer.Id, "accept"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await OfferKit.DecideAsync(s.Lead, offer.Id, "reject"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await s.Lead.Client.PostJsonAsync($"/api/offers/{offer.Id}/counter", OfferKit.Terms(app, price: 3m)), HttpStatusCode.Forbidden);
        var accepted = await Expect.JsonAsync(await OfferKit.DecideAsync(s.Buyer, offer.Id, "accept"), HttpStatusCode.OK);
        Assert.Equal("Accepted", accepted.GetProperty("state").GetString());
    }
}

[Collection(SharedApps.SqliteA)]
public sealed class ConsortiumConversationTestsOnSqlite(SqliteApp app) : ConsortiumConversationTests(app);

[Collection(SharedApps.PostgresB)]
public sealed class ConsortiumConversationTestsOnPostgres(PostgresApp app) : ConsortiumConversationTests(app), IUsesPostgres;
