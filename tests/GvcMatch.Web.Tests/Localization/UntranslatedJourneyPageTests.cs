using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Tests.Awards;
using GvcMatch.Web.Tests.Bids;
using GvcMatch.Web.Tests.Conversations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Offers;

namespace GvcMatch.Web.Tests.Localization;

/// <summary>
/// The SME's journey (profile, dashboard, requirement with its questions and own score, the
/// negotiation with its offers and agreement, the bid, the debrief) and the buyer's side of the
/// same pages, in Spanish and Japanese, with data behind every section.
/// </summary>
public sealed partial class UntranslatedPageTests
{
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TheSmesJourneyShowsNoEnglishInterfaceText(string language)
    {
        var s = await NegotiatedAsync();
        var bid = (await s.Sme.CreateBidAsync(s.Requirement)).GetProperty("id").GetInt32();
        s.Sme.Client.DefaultRequestHeaders.Add("Accept-Language", language);
        foreach (var page in new[]
        {
            "/Account/Profile", "/Account/Dashboard", "/Account/Organization", "/Account/Recommended", "/Account/Notifications",
            "/Account/GroupCertificates", $"/Requirements/{s.Requirement}", "/Conversations", "/Conversations?archived=true",
            $"/Conversations/{s.Conversation}", $"/Conversations/{s.Conversation}/Agreement/{s.Agreed}",
            "/Account/Bids", $"/Requirements/{s.Requirement}/Bid", $"/Bids/{bid}",
        })
            await AssertTranslatedAsync(s.Sme.Client, page, language);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TheBuyersSideOfTheJourneyShowsNoEnglishInterfaceText(string language)
    {
        var s = await NegotiatedAsync();
        s.Buyer.Client.DefaultRequestHeaders.Add("Accept-Language", language);
        foreach (var page in new[]
        {
            "/Account/Dashboard", "/Account/Concentration", $"/Requirements/{s.Requirement}", $"/Requirements/{s.Requirement}/Matches?consortia=true",
            "/Conversations", $"/Conversations/{s.Conversation}", $"/Conversations/{s.Conversation}/Agreement/{s.Agreed}",
        })
            await AssertTranslatedAsync(s.Buyer.Client, page, language);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TheDebriefAndTheAwardShowNoEnglishInterfaceText(string language)
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await buyer.PublishClosingTodayAsync(app);
        var (winner, loser) = (await app.BidderAsync(), await app.BidderAsync());
        var winnerBid = await app.SubmitBidAsync(requirement, winner);
        var loserBid = await app.SubmitBidAsync(requirement, loser);
        app.PassDeadline();
        buyer = await app.FreshAsync(buyer);
        await buyer.CompleteScoresAsync(requirement, winnerBid);
        await buyer.CompleteScoresAsync(requirement, loserBid, score: 0.5);
        await Expect.StatusAsync(await buyer.Client.AwardAsync(requirement, winnerBid), HttpStatusCode.OK);
        loser = await app.FreshAsync(loser);
        var lodged = await Expect.JsonAsync(await loser.Client.PostJsonAsync($"/api/bids/{loserBid}/complaints",
            new { subject = "Plazo de entrega", text = "Nuestro plazo se puntuó demasiado bajo." }), HttpStatusCode.Created);
        await Expect.StatusAsync(await buyer.Client.PostJsonAsync($"/api/complaints/{lodged.GetProperty("id").GetInt32()}/posts",
            new { text = "Publicamos treinta días." }), HttpStatusCode.OK);

        loser.Client.DefaultRequestHeaders.Add("Accept-Language", language);
        foreach (var page in new[] { $"/Awards/Debrief/{loserBid}", $"/Requirements/{requirement}", "/Account/Bids", $"/Bids/{loserBid}" })
            await AssertTranslatedAsync(loser.Client, page, language);
        // The buyer's evaluation after the award: scores with their reasons, the award line and the complaint thread.
        buyer.Client.DefaultRequestHeaders.Add("Accept-Language", language);
        await AssertTranslatedAsync(buyer.Client, $"/Awards/Evaluation/{requirement}", language);
    }

    private sealed record Negotiation(Member Sme, Member Buyer, int Requirement, long Conversation, long Agreed);

    /// <summary>
    /// A buyer's requirement with lots, a published SME that asked a question the buyer answered,
    /// a conversation about the requirement with a message, an offer, a counter and its acceptance.
    /// </summary>
    private async Task<Negotiation> NegotiatedAsync()
    {
        var (buyer, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile() with { Certifications = [new CertificationInput("ISO 9001", "Issuer A", "Q-1", Samples.InDays(300))] });
        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/organizations/{sme.Me.OrgId}/profile/publish"), HttpStatusCode.OK);

        var questions = $"/api/requirements/{requirement}/questions";
        var asked = await Expect.JsonAsync(await sme.Client.PostJsonAsync(questions, new { text = "¿Se acepta un acabado granallado?" }), HttpStatusCode.Created);
        await Expect.StatusAsync(await buyer.Client.PostJsonAsync($"{questions}/{asked.GetProperty("id").GetInt32()}/answer", new { answer = "Sí, Ra 1,6 o más fino." }), HttpStatusCode.OK);

        var started = await Expect.JsonAsync(await sme.Client.PostJsonAsync("/api/conversations", new { topic = "Requirement", aboutId = requirement }), HttpStatusCode.Created);
        var conversation = started.GetProperty("id").GetInt64();
        await sme.SendRestAsync(conversation, Guid.NewGuid().ToString("N"), "Buenos días, ¿pueden confirmar la cantidad?");
        var offer = await buyer.ProposeAsync(conversation, OfferKit.Terms(app));
        var counter = await sme.CounterAsync(offer.Id, OfferKit.Terms(app, price: 4.05m));
        await Expect.StatusAsync(await buyer.DecideAsync(counter.Id, "accept"), HttpStatusCode.OK);
        await buyer.ProposeAsync(conversation, OfferKit.Terms(app, price: 3.90m));
        return new Negotiation(sme, buyer, requirement, conversation, counter.Id);
    }
}
