using System.Net;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Localization;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Conversations;
using GvcMatch.Web.Tests.DealRoom;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Offers;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Tests.Licensing;

/// <summary>Licence term sheets as offers: the same states and rules as supply offers, ending in heads of terms only the two parties can download.</summary>
public abstract class LicenceOfferTests(GvcMatchApp app)
{
    private sealed record Deal(Member Sme, Member Buyer, int ListingId, long ConversationId);

    /// <summary>An SME's published patent, and a buyer that opened a conversation about it.</summary>
    private async Task<Deal> DealAsync()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var listing = await sme.PublishListingAsync();
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var opened = await Expect.JsonAsync(await buyer.Client.PostJsonAsync("/api/conversations", new { topic = "IpListing", aboutId = listing }), HttpStatusCode.Created);
        return new Deal(sme, buyer, listing, opened.GetProperty("id").GetInt64());
    }

    private OfferTerms Licence(TermSheet? sheet = null) => new()
    {
        Kind = OfferKind.Licence,
        Licence = sheet ?? LicensingKit.Sheet(),
        ValidUntil = app.Today().AddDays(30),
        Notes = "Know-how transfer in two workshops.",
    };

    [DatabaseFact]
    public async Task ATermSheetIsProposedCounteredAndAcceptedLikeAnyOffer()
    {
        var d = await DealAsync();
        var proposed = await d.Buyer.ProposeAsync(d.ConversationId, Licence(LicensingKit.Sheet(DealKind.NonExclusiveLicence) with { RoyaltyPercent = 2 }));
        Assert.Equal("Licence", proposed.Kind);
        Assert.Equal(d.ListingId, proposed.IpListingId);
        Assert.Equal(DealKind.NonExclusiveLicence, proposed.Licence!.Kind);

        var counter = await d.Sme.CounterAsync(proposed.Id, Licence());
        Assert.Equal(d.ListingId, counter.IpListingId);
        await Expect.StatusAsync(await d.Sme.DecideAsync(counter.Id, "accept"), HttpStatusCode.Forbidden);
        var accepted = await (await d.Buyer.DecideAsync(counter.Id, "accept")).ReadAsync<OfferDto>();
        Assert.Equal("Accepted", accepted.State);
        Assert.Equal(3.5m, accepted.Licence!.RoyaltyPercent);

        var messages = await app.OfferMessagesAsync(d.ConversationId);
        Assert.Equal(3, messages.Count);
        Assert.Contains("proposed: non exclusive licence, DE ASEAN, 10 years, royalty 2%", messages[0].Body);
        Assert.Contains("countered: exclusive licence, DE ASEAN, 10 years, royalty 3.5%, lump sum EUR 25,000.00, 1 milestone", messages[1].Body);
        Assert.Contains("accepted the offer: exclusive licence", messages[2].Body);
        Assert.Equal("Countered", (await (await d.Sme.Client.GetAsync($"/api/offers/{proposed.Id}")).ReadAsync<OfferDto>()).State);
    }

    [DatabaseFact]
    public async Task BadTermSheetsAreRefusedNamingTheField()
    {
        var d = await DealAsync();
        var url = $"/api/conversations/{d.ConversationId}/offers";
        await Expect.ValidationErrorAsync(await d.Buyer.Client.PostJsonAsync(url, Licence(LicensingKit.Sheet() with { Territory = ["XX"] })), "licence.territory");
        await Expect.ValidationErrorAsync(await d.Buyer.Client.PostJsonAsync(url, Licence(LicensingKit.Sheet() with { TermYears = 99 })), "licence.termYears");
        await Expect.ValidationErrorAsync(await d.Buyer.Client.PostJsonAsync(url,
            Licence(LicensingKit.Sheet() with { RoyaltyPercent = null, LumpSum = null, Milestones = [] })), "licence");
        await Expect.ValidationErrorAsync(await d.Buyer.Client.PostJsonAsync(url, Licence() with { Licence = null }), "licence");
        await Expect.ValidationErrorAsync(await d.Buyer.Client.PostJsonAsync(url, Licence() with { ValidUntil = app.Today().AddDays(-1) }), "validUntil");

        // A listing nobody in the conversation owns cannot be licensed here, nor can a direct conversation name none.
        var stranger = await app.SignUpAsync(OrganizationKind.Sme);
        var foreign = await stranger.PublishListingAsync();
        await Expect.ValidationErrorAsync(await d.Buyer.Client.PostJsonAsync(url, Licence() with { IpListingId = foreign }), "ipListingId");
        var direct = await d.Buyer.StartDirectAsync(d.Sme);
        await Expect.ValidationErrorAsync(await d.Buyer.Client.PostJsonAsync($"/api/conversations/{direct}/offers", Licence()), "ipListingId");
        var named = await d.Buyer.ProposeAsync(direct, Licence() with { IpListingId = d.ListingId });
        Assert.Equal(d.ListingId, named.IpListingId);
        Assert.Empty((await app.OfferMessagesAsync(d.ConversationId)));
    }

    [DatabaseFact]
    public async Task OnlyTheTwoPartiesDownloadTheHeadsOfTermsWhichCiteTheNda()
    {
        var d = await DealAsync();
        await Expect.StatusAsync(await d.Sme.Client.PutJsonAsync($"/api/ip-listings/{d.ListingId}/nda", DealRoomKit.Policy("platform:mutual:en")), HttpStatusCode.OK);
        var nda = await d.Buyer.AcceptNdaAsync("ip-listings", d.ListingId);
        var offer = await d.Sme.ProposeAsync(d.ConversationId, Licence());
        var url = $"/api/offers/{offer.Id}/heads-of-terms";
        await Expect.StatusAsync(await d.Buyer.Client.GetAsync(url), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await d.Buyer.DecideAsync(offer.Id, "accept"), HttpStatusCode.OK);

        var buyerColleague = await app.ColleagueAsync(d.Buyer);
        foreach (var party in new[] { d.Sme, d.Buyer, buyerColleague })
        {
            var response = await party.Client.GetAsync(url);
            await Expect.StatusAsync(response, HttpStatusCode.OK);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
            var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
            Assert.Contains("Licensor", text);
            Assert.Contains("Low-friction bearing coating", text);
            Assert.Contains("Exclusive licence", text);
            Assert.Contains("3.5 % of net sales", text);
            Assert.Contains($"NDA record #{nda.GetProperty("id").GetInt32()}", text);
            Assert.Contains(nda.GetProperty("textSha256").GetString()![..32], text);
            Assert.Contains($"Offer #{offer.Id}", text);
        }

        var outsider = await app.SignUpAsync(OrganizationKind.Mne);
        await Expect.StatusAsync(await outsider.Client.GetAsync(url), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(url), HttpStatusCode.Unauthorized);

        // A supply offer has an agreement but no heads of terms.
        var supply = await d.Sme.ProposeAsync(d.ConversationId, OfferKit.Terms(app));
        await Expect.StatusAsync(await d.Buyer.DecideAsync(supply.Id, "accept"), HttpStatusCode.OK);
        await Expect.StatusAsync(await d.Buyer.Client.GetAsync($"/api/offers/{supply.Id}/heads-of-terms"), HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task TheHeadsOfTermsComeInTheReadersLanguageWithNamesAndCodesAsWritten()
    {
        var d = await DealAsync();
        await Expect.StatusAsync(await d.Sme.Client.PutJsonAsync($"/api/ip-listings/{d.ListingId}/nda", DealRoomKit.Policy("platform:mutual:en")), HttpStatusCode.OK);
        await d.Buyer.AcceptNdaAsync("ip-listings", d.ListingId);
        var offer = await d.Sme.ProposeAsync(d.ConversationId, Licence());
        await Expect.StatusAsync(await d.Buyer.DecideAsync(offer.Id, "accept"), HttpStatusCode.OK);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/offers/{offer.Id}/heads-of-terms");
        request.Headers.Add("Accept-Language", "es");
        var response = await d.Buyer.Client.SendAsync(request);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync()))
        {
            var spanish = string.Join(" ", pdf.GetPages().Select(p => p.Text));
            foreach (var expected in new[] { $"Bases de acuerdo de la licencia, oferta n.º {offer.Id}", "Licenciante", "Licencia exclusiva", "3.5 % de las ventas netas", "Historial de aceptación", "Low-friction bearing coating" })
                Assert.True(spanish.Contains(expected), $"The Spanish heads of terms lack \"{expected}\":\n{spanish}");
            Assert.DoesNotContain("Licensor", spanish);
        }

        // Japanese lines are pictures in the PDF: the words are checked in what it is written from, as the buyer reads it.
        var me = d.Buyer.Me;
        var buyer = new Actor(me.UserId, me.OrganizationId, OrganizationKind.Mne, MemberRole.Owner, IsPlatformAdmin: false, OrganizationVerified: true);
        var japanese = await app.WithDbAsync(async db =>
        {
            using var scope = CultureScope.For("ja");
            return await HeadsOfTerms.ContentAsync(db, buyer, offer.Id, CancellationToken.None);
        });
        Assert.NotNull(japanese);
        Assert.Equal($"ライセンス基本条件書、オファー #{offer.Id}", japanese.Title);
        Assert.Contains(japanese.Facts, f => f.Label == "ライセンサー");
        Assert.Contains(japanese.Facts, f => f.Value == "純売上高の 3.5 %");
        Assert.Contains(japanese.Facts, f => f.Value.Contains("Low-friction bearing coating") && f.Value.Contains("特許"));
        Assert.Contains("承諾の経緯(UTC):", japanese.Body);
    }
}

[Collection(SharedApps.SqliteC)]
public sealed class LicenceOfferTestsOnSqlite(SqliteApp app) : LicenceOfferTests(app);

[Collection(SharedApps.PostgresC)]
public sealed class LicenceOfferTestsOnPostgres(PostgresApp app) : LicenceOfferTests(app), IUsesPostgres;
