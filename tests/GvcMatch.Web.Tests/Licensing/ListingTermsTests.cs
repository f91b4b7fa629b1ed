using System.Net;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Licensing;

/// <summary>What an IP listing offers (licence kind, territory, term, payment) and what its owner seeks, through the API and on the listing page.</summary>
public abstract class ListingTermsTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task TermsAndWhatTheSmeSeeksAreStoredNormalisedAndReadBack()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var id = await sme.PublishListingAsync(LicensingKit.Listing() with
        {
            Terms = LicensingKit.Sheet() with { Territory = ["de", "asean", "DE"], Currency = "eur" },
        });

        var read = await (await app.CreateClient().GetAsync($"/api/ip-listings/{id}")).ReadAsync<IpListingDto>();
        var terms = read.Terms!;
        Assert.Equal(DealKind.ExclusiveLicence, terms.Kind);
        Assert.Equal(new[] { "DE", "ASEAN" }, terms.Territory);
        Assert.Equal("EUR", terms.Currency);
        Assert.Equal(10, terms.TermYears);
        Assert.Equal(3.5m, terms.RoyaltyPercent);
        Assert.Equal(ImprovementsOwner.Joint, terms.Improvements);
        var milestone = Assert.Single(terms.Milestones);
        Assert.Equal(("First series production", 40_000m, "EUR"), (milestone.Label, milestone.Amount, milestone.Currency));
        Assert.Equal(new[] { SoughtPartner.Licensee, SoughtPartner.Manufacturer }, read.Seeking!.Partners);
        Assert.Equal(new[] { "EU" }, read.Seeking.Territories);
    }

    [DatabaseFact]
    public async Task AListingWithoutTermsStaysValidAndEditingCanAddThem()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var id = await sme.CreateIpListingAsync();
        Assert.Null((await (await sme.Client.GetAsync($"/api/ip-listings/{id}")).ReadAsync<IpListingDto>()).Terms);

        await Expect.StatusAsync(await sme.Client.PutJsonAsync($"/api/ip-listings/{id}", LicensingKit.Listing()), HttpStatusCode.OK);
        var read = await (await sme.Client.GetAsync($"/api/ip-listings/{id}")).ReadAsync<IpListingDto>();
        Assert.Equal(25_000m, read.Terms!.LumpSum);
    }

    public static TheoryData<string, Func<TermSheet, TermSheet>> BadSheets => new()
    {
        { "terms.kind", t => t with { Kind = (DealKind)42 } },
        { "terms.territory", t => t with { Territory = ["XX"] } },
        { "terms.territory", t => t with { Territory = [] } },
        { "terms.termYears", t => t with { TermYears = 0 } },
        { "terms.termYears", t => t with { TermYears = null } },
        { "terms.royaltyPercent", t => t with { RoyaltyPercent = 101 } },
        { "terms.royaltyPercent", t => t with { RoyaltyPercent = 0 } },
        { "terms.lumpSum", t => t with { LumpSum = -1 } },
        { "terms.currency", t => t with { Currency = "XYZ" } },
        { "terms.currency", t => t with { Currency = null } },
        { "terms.fieldOfUse", t => t with { FieldOfUse = new string('f', 301) } },
        { "terms.improvements", t => t with { Improvements = (ImprovementsOwner)9 } },
        { "terms.milestones[0].label", t => t with { Milestones = [new Milestone(" ", 10, "EUR")] } },
        { "terms.milestones[0].amount", t => t with { Milestones = [new Milestone("Approval", 0, "EUR")] } },
        { "terms.milestones[1].currency", t => t with { Milestones = [new Milestone("Approval", 1, "EUR"), new Milestone("Launch", 1, "ABC")] } },
    };

    [DatabaseTheory]
    [MemberData(nameof(BadSheets))]
    public async Task BadTermsAreRefusedNamingTheField(string field, Func<TermSheet, TermSheet> spoil)
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var response = await sme.Client.PostJsonAsync("/api/ip-listings", LicensingKit.Listing() with { Terms = spoil(LicensingKit.Sheet()) });
        await Expect.ValidationErrorAsync(response, field);
    }

    [DatabaseFact]
    public async Task ASaleNeedsNeitherTerritoryNorTermButWhatIsSoughtMustNameAPartner()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var sale = LicensingKit.Listing() with { Terms = new TermSheet { Kind = DealKind.Sale, LumpSum = 90_000m, Currency = "JPY" } };
        await Expect.StatusAsync(await sme.Client.PostJsonAsync("/api/ip-listings", sale), HttpStatusCode.Created);

        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync("/api/ip-listings", sale with { Seeking = new IpSeeking() }), "seeking.partners");
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync("/api/ip-listings",
            sale with { Seeking = LicensingKit.Seeking() with { Territories = ["Atlantis"] } }), "seeking.territories");
    }

    [DatabaseFact]
    public async Task TheListingPageShowsTheTermsOnOfferAndWhatTheSmeSeeks()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var id = await sme.PublishListingAsync();

        var html = await app.CreateClient().GetStringAsync($"/Ip/{id}");
        var terms = Assert.Single(Html.All(html, "#offered-terms")).TextContent;
        Assert.Contains("Exclusive licence", terms);
        Assert.Contains("Dry-running plain bearings for e-bike hubs", terms);
        Assert.Contains("ASEAN", terms);
        Assert.Contains("10 years", terms);
        Assert.Contains("3.5", terms);
        Assert.Contains("First series production", terms);
        var seeking = Assert.Single(Html.All(html, "#seeking")).TextContent;
        Assert.Contains("Licensee", seeking);
        Assert.Contains("A bearing maker with its own coating line.", seeking);
    }
}

[Collection(SharedApps.SqliteC)]
public sealed class ListingTermsTestsOnSqlite(SqliteApp app) : ListingTermsTests(app);

[Collection(SharedApps.PostgresC)]
public sealed class ListingTermsTestsOnPostgres(PostgresApp app) : ListingTermsTests(app), IUsesPostgres;
