using System.Net;
using System.Text.RegularExpressions;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Search;

/// <summary>Search and matching show only what is published, never private fields, and only to those allowed.</summary>
public abstract partial class SearchAccessTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task ADraftProfileIsNeitherFoundNorMatched()
    {
        var word = SearchProbe.UniqueWord();
        var draft = await app.SignUpAsync(OrganizationKind.Sme);
        await draft.SaveProfileAsync(Samples.Profile($"Secret {word} process.") with { Capabilities = [$"{word} welding"] });
        var published = await app.SignUpAsync(OrganizationKind.Sme);
        await published.SaveProfileAsync(Samples.Profile($"Open {word} process.") with { Capabilities = [$"{word} welding"] });
        await published.PublishProfileAsync();
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await buyer.PublishNewRequirementAsync(Samples.Requirement($"Welding {word}") with
        {
            Criteria = [new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 100, Keywords = [$"{word} welding"] }],
        });
        await app.WaitForIndexAsync();

        using var anonymous = app.CreateClient();
        foreach (var client in new[] { anonymous, buyer.Client, published.Client })
            Assert.Equal([published.Me.OrgId], await SearchProbe.SupplierIdsAsync(client, $"q={word}"));
        var matches = await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/requirements/{requirement}/matches"), HttpStatusCode.OK);
        Assert.Equal([published.Me.OrgId], matches.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("organizationId").GetInt32()));
        Assert.DoesNotContain("Secret", matches.GetRawText());
    }

    [DatabaseFact]
    public async Task ADraftIpListingIsNotFound()
    {
        var word = SearchProbe.UniqueWord();
        var owner = await app.SignUpAsync(OrganizationKind.Sme);
        var draft = await owner.CreateIpListingAsync(Samples.IpListing($"Draft {word} coating"));
        var published = await owner.CreateIpListingAsync(Samples.IpListing($"Published {word} coating"));
        await Expect.StatusAsync(await owner.Client.PostAsync($"/api/ip-listings/{published}/publish"), HttpStatusCode.OK);
        await app.WaitForIndexAsync();

        var other = await app.SignUpAsync(OrganizationKind.Mne);
        using var anonymous = app.CreateClient();
        foreach (var client in new[] { anonymous, other.Client })
        {
            var ids = SearchProbe.Ids(await Expect.JsonAsync(await client.GetAsync($"/api/search/ip?q={word}"), HttpStatusCode.OK));
            Assert.Equal([published], ids);
            Assert.DoesNotContain(draft, ids);
        }
    }

    [DatabaseFact]
    public async Task ADraftRequirementIsNeitherFoundNorRecommended()
    {
        var word = SearchProbe.UniqueWord();
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var criteria = new List<Criterion> { new() { Kind = CriterionKind.CapabilityFit, Weight = 100, Keywords = [$"{word} bending"] } };
        var draft = await buyer.CreateRequirementAsync(Samples.Requirement($"Draft {word} brackets") with { Criteria = criteria });
        var published = await buyer.PublishNewRequirementAsync(Samples.Requirement($"Published {word} brackets") with { Criteria = criteria });
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile() with { Capabilities = [$"{word} bending"] });
        await app.WaitForIndexAsync();

        var found = SearchProbe.Ids(await Expect.JsonAsync(await sme.Client.GetAsync($"/api/search/requirements?q={word}"), HttpStatusCode.OK));
        Assert.Equal([published], found);
        var recommended = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/recommended-requirements"), HttpStatusCode.OK);
        var ids = recommended.EnumerateArray().Select(r => r.GetProperty("requirementId").GetInt32()).ToList();
        Assert.Contains(published, ids);
        Assert.DoesNotContain(draft, ids);
        await Expect.OneOfAsync(await sme.Client.GetAsync($"/api/requirements/{draft}/my-score"), HttpStatusCode.NotFound);
        await Expect.OneOfAsync(await sme.Client.GetAsync($"/api/requirements/{draft}/matches"), HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task SearchResponsesCarryNoEmailAddressesOrUserIds()
    {
        var word = SearchProbe.UniqueWord();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile($"Casting {word} shop."));
        await sme.PublishProfileAsync();
        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/ip-listings/{await sme.CreateIpListingAsync(Samples.IpListing($"{word} alloy"))}/publish"), HttpStatusCode.OK);
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        await buyer.PublishNewRequirementAsync(Samples.Requirement($"{word} castings"));
        await app.WaitForIndexAsync();

        foreach (var url in new[] { "suppliers", "ip", "requirements" })
        {
            var response = await buyer.Client.GetAsync($"/api/search/{url}?q={word}");
            var text = await response.Content.ReadAsStringAsync();
            await Expect.StatusAsync(response, HttpStatusCode.OK);
            Assert.Contains(word, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(EmailAddress(), text);
            foreach (var secret in new[] { sme.Me.UserId, buyer.Me.UserId, sme.Email, buyer.Email })
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [DatabaseFact]
    public async Task OnlyTheRightPeopleSeeRequirementsMatchesAndRecommendations()
    {
        using var anonymous = app.CreateClient();
        await Expect.StatusAsync(await anonymous.GetAsync("/api/search/requirements"), HttpStatusCode.Unauthorized);

        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await buyer.PublishNewRequirementAsync();
        var otherBuyer = await app.SignUpAsync(OrganizationKind.Mne);
        await Expect.ProblemAsync(await otherBuyer.Client.GetAsync($"/api/requirements/{requirement}/matches"), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await anonymous.GetAsync($"/api/requirements/{requirement}/matches"), HttpStatusCode.Unauthorized);

        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync();
        var otherSme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await otherSme.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/recommended-requirements"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await sme.Client.GetAsync($"/api/requirements/{requirement}/matches"), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await sme.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/recommended-requirements"), HttpStatusCode.OK);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();
}

[Collection(SharedApps.SqliteB)]
public sealed class SearchAccessTestsOnSqlite(SqliteApp app) : SearchAccessTests(app);

[Collection(SharedApps.PostgresA)]
public sealed class SearchAccessTestsOnPostgres(PostgresApp app) : SearchAccessTests(app), IUsesPostgres;
