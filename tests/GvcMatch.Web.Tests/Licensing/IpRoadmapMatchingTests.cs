using System.Net;
using GvcMatch.Matching;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Roadmaps;
using GvcMatch.Web.Tests.Awards;
using GvcMatch.Web.Tests.Consolidation;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Roadmaps;
using GvcMatch.Web.Tests.Search;

namespace GvcMatch.Web.Tests.Licensing;

/// <summary>Buyers' road-map items as a matching source for IP listings, both ways, explained as requirements are; network-only items never leak.</summary>
public abstract class IpRoadmapMatchingTests(GvcMatchApp app)
{
    private sealed record Scene(Member Sme, Member Buyer, int ListingId, int ItemId, string Word);

    /// <summary>A coating patent licensed for Germany and ASEAN, and a road-map item needing that coating from a supplier that reaches Thailand.</summary>
    private async Task<Scene> SceneAsync()
    {
        var word = SearchProbe.UniqueWord();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var listing = await sme.PublishListingAsync(Listing(word));
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var item = await buyer.PublishedItemAsync(Item(word));
        await app.WaitForIndexAsync();
        return new Scene(sme, buyer, listing, item, word);
    }

    private static IpListingInput Listing(string word) => LicensingKit.Listing($"Low-friction bearing coating {word}") with
    {
        Abstract = $"A {word} coating that halves friction in dry-running plain bearings.",
    };

    private RoadmapInput Item(string word, RoadmapVisibility visibility = RoadmapVisibility.Everyone) =>
        RoadmapKit.Item(app.ClockToday(), visibility, $"Bearing coating {word} for e-bike hubs") with
        {
            Criteria =
            [
                new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 60, Keywords = [$"bearing coating {word}", "friction"] },
                new Criterion { Kind = CriterionKind.ExportExperience, Weight = 40, Countries = ["TH"] },
                new Criterion { Kind = CriterionKind.LeadTimeAtMost, Mandatory = true, Days = 10 },
            ],
        };

    private static async Task<List<IpMatchDto>> RoadmapMatchesAsync(Member member, int listing) =>
        await (await member.Client.GetAsync($"/api/ip-listings/{listing}/roadmap-matches")).ReadAsync<List<IpMatchDto>>();

    [DatabaseFact]
    public async Task AnSmeSeesTheRoadMapItemsItsListingCouldServeWithTheMatchersExplanation()
    {
        var s = await SceneAsync();
        var draft = await s.Buyer.DraftAsync(Item(s.Word) with { Title = $"Draft bearing coating {s.Word}" });

        var matches = await RoadmapMatchesAsync(s.Sme, s.ListingId);

        var match = Assert.Single(matches, m => m.Id == s.ItemId);
        Assert.Equal(s.Buyer.Me.OrgId, match.OrganizationId);
        Assert.True(match.Qualified);
        // The lead time says nothing about a right: left out, not failed. Thailand is in the ASEAN territory on offer.
        Assert.Equal(new[] { CriterionKind.CapabilityFit, CriterionKind.ExportExperience }, match.Criteria.Select(c => c.Kind));
        Assert.True(match.Criteria.Single(c => c.Kind == CriterionKind.ExportExperience).Met);
        Assert.False(string.IsNullOrWhiteSpace(match.Headline));
        Assert.DoesNotContain(matches, m => m.Id == draft);

        using var browser = app.CreateClient();
        await CookieSignIn.SignInAsync(browser, s.Sme.Email, s.Sme.Password);
        var page = Html.Parse(await browser.GetStringAsync($"/Ip/{s.ListingId}"));
        Assert.NotNull(page.QuerySelector($"#roadmap-matches a[href='/Roadmaps/{s.ItemId}']"));
    }

    [DatabaseFact]
    public async Task TheBuyerSeesTheListingsThatCouldServeItsItemAndNobodyElseReadsThatList()
    {
        var s = await SceneAsync();

        var matches = await (await s.Buyer.Client.GetAsync($"/api/roadmap-items/{s.ItemId}/ip-matches")).ReadAsync<List<IpMatchDto>>();
        var match = Assert.Single(matches, m => m.Id == s.ListingId);
        Assert.Equal(new[] { CriterionKind.CapabilityFit, CriterionKind.ExportExperience }, match.Criteria.Select(c => c.Kind));

        using var browser = app.CreateClient();
        await CookieSignIn.SignInAsync(browser, s.Buyer.Email, s.Buyer.Password);
        var page = Html.Parse(await browser.GetStringAsync($"/Roadmaps/{s.ItemId}"));
        Assert.NotNull(page.QuerySelector($"#ip-listings a[href='/Ip/{s.ListingId}']"));

        // The SME may read the item but not who could serve it; the listing's road-map matches are its owner's alone.
        await Expect.ProblemAsync(await s.Sme.Client.GetAsync($"/api/roadmap-items/{s.ItemId}/ip-matches"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await s.Buyer.Client.GetAsync($"/api/ip-listings/{s.ListingId}/roadmap-matches"), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await app.CreateClient().GetAsync($"/api/ip-listings/{s.ListingId}/roadmap-matches"), HttpStatusCode.Unauthorized);
        var draftListing = await s.Sme.CreateIpListingAsync(Listing(s.Word));
        await Expect.ProblemAsync(await s.Buyer.Client.GetAsync($"/api/ip-listings/{draftListing}/roadmap-matches"), HttpStatusCode.NotFound);
        await Expect.ValidationErrorAsync(await s.Sme.Client.GetAsync($"/api/ip-listings/{s.ListingId}/roadmap-matches?top=0"), "top");
        await Expect.ValidationErrorAsync(await s.Buyer.Client.GetAsync($"/api/roadmap-items/{s.ItemId}/ip-matches?top=101"), "top");
    }

    [DatabaseFact]
    public async Task ANetworkOnlyItemIsOfferedOnlyToListingsOfTheBuyersNetwork()
    {
        var s = await SceneAsync();
        var agreed = await app.AgreedSupplierAsync(s.Buyer);
        var inNetwork = await agreed.PublishListingAsync(Listing(s.Word));
        var networkOnly = await s.Buyer.PublishedItemAsync(Item(s.Word, RoadmapVisibility.Network) with { Title = $"Network bearing coating {s.Word}" });
        await app.WaitForIndexAsync();

        Assert.Contains(await RoadmapMatchesAsync(agreed, inNetwork), m => m.Id == networkOnly);
        var outsiders = await RoadmapMatchesAsync(s.Sme, s.ListingId);
        Assert.Contains(outsiders, m => m.Id == s.ItemId);
        Assert.DoesNotContain(outsiders, m => m.Id == networkOnly);

        // Nor through someone else's listing, nor on the outsider's listing page.
        await Expect.ProblemAsync(await s.Sme.Client.GetAsync($"/api/ip-listings/{inNetwork}/roadmap-matches"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await s.Sme.Client.GetAsync($"/api/roadmap-items/{networkOnly}/ip-matches"), HttpStatusCode.NotFound);
        using var browser = app.CreateClient();
        await CookieSignIn.SignInAsync(browser, s.Sme.Email, s.Sme.Password);
        var page = await browser.GetStringAsync($"/Ip/{s.ListingId}");
        Assert.Contains($"/Roadmaps/{s.ItemId}", page);
        Assert.DoesNotContain($"/Roadmaps/{networkOnly}", page);
        Assert.DoesNotContain("Network bearing coating", page);
    }
}

public sealed class IpRoadmapMatchingTestsOnSqlite(SqliteApp app) : IpRoadmapMatchingTests(app), IClassFixture<SqliteApp>;

public sealed class IpRoadmapMatchingTestsOnPostgres(PostgresApp app) : IpRoadmapMatchingTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
