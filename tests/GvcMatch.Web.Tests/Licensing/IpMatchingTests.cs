using System.Net;
using GvcMatch.Matching;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;

namespace GvcMatch.Web.Tests.Licensing;

/// <summary>Matching both ways between IP listings and requirements, explained criterion by criterion, drafts never shown.</summary>
public abstract class IpMatchingTests(GvcMatchApp app)
{
    private sealed record Scene(Member Sme, Member Buyer, int ListingId, int RequirementId, string Word);

    /// <summary>A patent on a coating licensed for Germany and ASEAN, and a buyer seeking that coating delivered from a licensee in Germany.</summary>
    private async Task<Scene> SceneAsync()
    {
        var word = SearchProbe.UniqueWord();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var listing = await sme.PublishListingAsync(LicensingKit.Listing($"Low-friction bearing coating {word}") with
        {
            Abstract = $"A {word} coating that halves friction in dry-running plain bearings.",
        });
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await buyer.PublishNewRequirementAsync(Samples.Requirement($"Bearing coating {word} for e-bike hubs") with
        {
            Criteria =
            [
                new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 60, Keywords = [$"bearing coating {word}", "friction"] },
                new Criterion { Kind = CriterionKind.ExportExperience, Weight = 40, Countries = ["TH"] },
                new Criterion { Kind = CriterionKind.LeadTimeAtMost, Mandatory = true, Days = 10 },
            ],
        });
        await app.WaitForIndexAsync();
        return new Scene(sme, buyer, listing, requirement, word);
    }

    [DatabaseFact]
    public async Task ABuyerFindsTheListingFromItsRequirementWithTheMatchersExplanation()
    {
        var s = await SceneAsync();
        var matches = await (await s.Buyer.Client.GetAsync($"/api/requirements/{s.RequirementId}/ip-matches")).ReadAsync<List<IpMatchDto>>();

        var match = Assert.Single(matches, m => m.Id == s.ListingId);
        Assert.Equal(s.Sme.Me.OrgId, match.OrganizationId);
        Assert.True(match.Qualified);
        // The lead time says nothing about a right: it is left out, not failed. Thailand is in the ASEAN territory on offer.
        Assert.Equal(new[] { CriterionKind.CapabilityFit, CriterionKind.ExportExperience }, match.Criteria.Select(c => c.Kind));
        Assert.True(match.Criteria.Single(c => c.Kind == CriterionKind.ExportExperience).Met);
        Assert.True(match.Criteria.Single(c => c.Kind == CriterionKind.CapabilityFit).Score > 0);
        Assert.False(string.IsNullOrWhiteSpace(match.Headline));
    }

    [DatabaseFact]
    public async Task AnSmeSeesTheOpenRequirementsItsListingCouldServeAndTheirBuyers()
    {
        var s = await SceneAsync();
        var matches = await (await s.Sme.Client.GetAsync($"/api/ip-listings/{s.ListingId}/requirement-matches")).ReadAsync<List<IpMatchDto>>();

        var match = Assert.Single(matches, m => m.Id == s.RequirementId);
        Assert.Equal(s.Buyer.Me.OrgId, match.OrganizationId);
        Assert.Contains(match.Criteria, c => c.Kind == CriterionKind.ExportExperience && c.Met);
    }

    [DatabaseFact]
    public async Task DraftsAreNeverMatchedNorTheirMatchesShownToOthers()
    {
        var s = await SceneAsync();
        var draft = await s.Sme.CreateIpListingAsync(LicensingKit.Listing($"Draft bearing coating {s.Word}"));
        var draftRequirement = await s.Buyer.CreateRequirementAsync(Samples.Requirement($"Draft bearing coating {s.Word}"));
        await app.WaitForIndexAsync();

        var forRequirement = await (await s.Buyer.Client.GetAsync($"/api/requirements/{s.RequirementId}/ip-matches")).ReadAsync<List<IpMatchDto>>();
        Assert.DoesNotContain(forRequirement, m => m.Id == draft);
        var forListing = await (await s.Sme.Client.GetAsync($"/api/ip-listings/{s.ListingId}/requirement-matches")).ReadAsync<List<IpMatchDto>>();
        Assert.DoesNotContain(forListing, m => m.Id == draftRequirement);

        var outsider = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await outsider.Client.GetAsync($"/api/ip-listings/{draft}/requirement-matches"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await outsider.Client.GetAsync($"/api/requirements/{draftRequirement}/ip-matches"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await s.Sme.Client.GetAsync($"/api/ip-listings/{draft}/requirement-matches"), HttpStatusCode.OK);
        await Expect.StatusAsync(await app.CreateClient().GetAsync($"/api/requirements/{s.RequirementId}/ip-matches"), HttpStatusCode.Unauthorized);
        await Expect.ValidationErrorAsync(await s.Buyer.Client.GetAsync($"/api/requirements/{s.RequirementId}/ip-matches?top=0"), "top");
    }
}

[Collection(SharedApps.SqliteC)]
public sealed class IpMatchingTestsOnSqlite(SqliteApp app) : IpMatchingTests(app);

[Collection(SharedApps.PostgresC)]
public sealed class IpMatchingTestsOnPostgres(PostgresApp app) : IpMatchingTests(app), IUsesPostgres;
