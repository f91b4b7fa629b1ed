using System.Net;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Tests.Conversations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Offers;

/// <summary>Set-up for offer tests: two organisations in a conversation, valid terms, and the common calls.</summary>
public static class OfferKit
{
    /// <summary>A direct conversation between the two members' organisations, started through the API.</summary>
    public static Task<long> StartConversationAsync(this GvcMatchApp app, Member a, Member b) => a.StartDirectAsync(b);

    public static DateOnly Today(this GvcMatchApp app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    public static OfferTerms Terms(GvcMatchApp app, decimal price = 4.20m, int validDays = 30) => new()
    {
        Price = price,
        Currency = "EUR",
        Quantity = 12000,
        Unit = "pcs",
        LeadTimeDays = 45,
        Incoterm = "FCA",
        DeliveryPlace = "Niigata",
        PaymentTermsDays = 30,
        ValidUntil = app.Today().AddDays(validDays),
        Notes = "Anodised, first article inspection report with the first lot.",
    };

    public static async Task<OfferDto> ProposeAsync(this Member member, long conversationId, OfferTerms terms)
    {
        var response = await member.Client.PostJsonAsync($"/api/conversations/{conversationId}/offers", terms);
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        return await response.ReadAsync<OfferDto>();
    }

    public static async Task<OfferDto> CounterAsync(this Member member, long offerId, OfferTerms terms)
    {
        var response = await member.Client.PostJsonAsync($"/api/offers/{offerId}/counter", terms);
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        return await response.ReadAsync<OfferDto>();
    }

    /// <summary>POST /api/offers/{id}/{action} (accept, reject, withdraw).</summary>
    public static Task<HttpResponseMessage> DecideAsync(this Member member, long offerId, string action) =>
        member.Client.PostAsync($"/api/offers/{offerId}/{action}");

    /// <summary>A second person in the member's organisation, created by its owner and signed in.</summary>
    public static async Task<Member> AddColleagueAsync(this GvcMatchApp app, Member owner, string name = "Colleague")
    {
        var email = $"colleague-{Guid.NewGuid():N}@example.test";
        var added = await owner.Client.PostJsonAsync($"/api/organizations/{owner.Me.OrgId}/members",
            new { email, displayName = name, password = Accounts.Password });
        await Expect.StatusAsync(added, HttpStatusCode.Created);
        var client = await app.SignInAsync(email, Accounts.Password);
        var me = await (await client.GetAsync("/api/auth/me")).ReadAsync<Me>();
        return new Member(client, me, email, Accounts.Password);
    }

    /// <summary>A fresh token for the member, e.g. after the test clock moved past the old one's lifetime.</summary>
    public static async Task<Member> SignInAgainAsync(this GvcMatchApp app, Member member) =>
        member with { Client = await app.NewClientAsync(member) };

    public static Task<Offer> StoredOfferAsync(this GvcMatchApp app, long offerId) =>
        app.WithDbAsync(db => db.Set<Offer>().AsNoTracking().SingleAsync(o => o.Id == offerId));

    /// <summary>The offer messages of a conversation, in order.</summary>
    public static Task<List<Message>> OfferMessagesAsync(this GvcMatchApp app, long conversationId) =>
        app.WithDbAsync(db => db.Set<Message>().AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Kind == MessageKind.Offer).OrderBy(m => m.Seq).ToListAsync());
}
