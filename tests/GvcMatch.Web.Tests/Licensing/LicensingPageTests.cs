using System.Net;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Offers;
using GvcMatch.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Licensing;

/// <summary>The listing editor's terms part, driven through its form, and the term-sheet cards and form on a listing conversation.</summary>
[Collection(SharedApps.SqliteC)]
public sealed class LicensingPageTests(SqliteApp app)
{
    [Fact]
    public async Task AnSmeStatesItsTermsThroughTheEditorAndAFieldErrorShowsBesideItsField()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        using var browser = app.CreateClient();
        await CookieSignIn.SignInAsync(browser, sme.Email, sme.Password);
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Patent", ["Input.Title"] = "Dry-running bush coating", ["Input.LegalStatus"] = "Filed",
            ["Input.OfferTypes"] = "ExclusiveLicence",
            ["Input.Terms.Kind"] = "ExclusiveLicence", ["Input.Terms.Territory"] = "DE, Atlantis", ["Input.Terms.TermYears"] = "8",
            ["Input.Terms.RoyaltyPercent"] = "4.5", ["Input.Terms.LumpSum"] = "10000", ["Input.Terms.Currency"] = "EUR",
            ["Input.Terms.MilestoneLabels[0]"] = "Launch", ["Input.Terms.MilestoneAmounts[0]"] = "5000", ["Input.Terms.MilestoneCurrencies[0]"] = "EUR",
            ["Input.Terms.SeekPartners"] = "Manufacturer", ["Input.Terms.SeekTerritories"] = "ASEAN",
        };
        var refused = await RequirementEditorTests.PostAsync(browser, "/Account/Ip/Edit", "Save", fields);
        Assert.Contains("data-error-for=\"terms.territory\"", await refused.Content.ReadAsStringAsync());

        fields["Input.Terms.Territory"] = "DE, EU";
        await RequirementEditorTests.PostAsync(browser, "/Account/Ip/Edit", "Save", fields);
        var saved = await app.WithDbAsync(db => db.IpListings.AsNoTracking().SingleAsync(i => i.OrganizationId == sme.Me.OrgId));
        Assert.Equal(DealKind.ExclusiveLicence, saved.OfferedTerms!.Kind);
        Assert.Equal(new[] { "DE", "EU" }, saved.OfferedTerms.Territory);
        Assert.Equal(new Milestone("Launch", 5000, "EUR"), Assert.Single(saved.OfferedTerms.Milestones));
        Assert.Equal(new[] { SoughtPartner.Manufacturer }, saved.Seeking!.Partners);

        var editor = await browser.GetStringAsync($"/Account/Ip/Edit/{saved.Id}");
        Assert.Equal("DE, EU", Html.FieldValue(editor, "Input.Terms.Territory"));
        Assert.Equal("Launch", Html.FieldValue(editor, "Input.Terms.MilestoneLabels[0]"));
    }

    [Fact]
    public async Task AListingConversationOffersTheTermSheetFormAndShowsAnAcceptedSheetWithItsHeadsOfTerms()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var listing = await sme.PublishListingAsync();
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var opened = await Expect.JsonAsync(await buyer.Client.PostJsonAsync("/api/conversations", new { topic = "IpListing", aboutId = listing }), HttpStatusCode.Created);
        var conversation = opened.GetProperty("id").GetInt64();
        var offer = await buyer.ProposeAsync(conversation, new OfferTerms { Kind = OfferKind.Licence, Licence = LicensingKit.Sheet(), ValidUntil = app.Today().AddDays(10) });
        await Expect.StatusAsync(await sme.DecideAsync(offer.Id, "accept"), HttpStatusCode.OK);

        using var browser = app.CreateClient();
        await CookieSignIn.SignInAsync(browser, sme.Email, sme.Password);
        var page = await browser.GetStringAsync($"/Conversations/{conversation}");
        Assert.Single(Html.All(page, "#new-licence"));
        Assert.Single(Html.All(page, "#licence-form"));
        var card = Assert.Single(Html.All(page, $"#offer-{offer.Id}"));
        Assert.Contains("Licence term sheet", card.TextContent);
        Assert.Contains("Dry-running plain bearings for e-bike hubs", card.QuerySelector(".licence-terms")!.TextContent);
        Assert.Equal($"/api/offers/{offer.Id}/heads-of-terms", card.QuerySelector("a.heads-of-terms-link")!.GetAttribute("href"));

        // A direct conversation has no term-sheet form: there is no listing to license.
        var direct = await browser.GetStringAsync($"/Conversations/{await app.StartConversationAsync(sme, buyer)}");
        Assert.Empty(Html.All(direct, "#licence-form"));
    }
}
