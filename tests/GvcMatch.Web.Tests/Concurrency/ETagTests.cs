using System.Net;
using System.Net.Http.Headers;
using GvcMatch.Search;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.SavedSearches;
using GvcMatch.Web.Tests.Bids;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Concurrency;

/// <summary>
/// Optimistic concurrency in the API: GET answers a strong ETag, a write with it succeeds and
/// answers the next one, a write with an old one is refused with 412 and leaves the first
/// writer's data, and a published requirement or a submitted bid is never written blind (428).
/// </summary>
[Collection(SharedApps.SqliteB)]
public sealed class ETagTests(SqliteApp app)
{
    [Fact]
    public async Task AnEditWithTheCurrentETagSucceedsAndAnswersANewStrongOne()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await mne.PublishNewRequirementAsync();
        var url = $"/api/requirements/{id}";

        var etag = await mne.Client.ETagAsync(url);
        Assert.False(etag.IsWeak);
        var edited = await mne.Client.SendIfMatchAsync(HttpMethod.Put, url, Samples.Requirement("Revised housings") with { ChangeNote = "Title." }, etag);
        await Expect.StatusAsync(edited, HttpStatusCode.OK);
        Assert.NotNull(edited.Headers.ETag);
        Assert.NotEqual(etag, edited.Headers.ETag);
        Assert.Equal(edited.Headers.ETag, await mne.Client.ETagAsync(url));
    }

    [Fact]
    public async Task ASecondRequirementEditWithTheOldETagGets412AndTheFirstWriterKeepsTheirVersion()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await mne.PublishNewRequirementAsync();
        var url = $"/api/requirements/{id}";
        var read = await mne.Client.ETagAsync(url);

        await Expect.StatusAsync(await mne.Client.SendIfMatchAsync(HttpMethod.Put, url, Samples.Requirement("First writer") with { ChangeNote = "First." }, read),
            HttpStatusCode.OK);
        await Expect.ProblemAsync(await mne.Client.SendIfMatchAsync(HttpMethod.Put, url, Samples.Requirement("Second writer") with { ChangeNote = "Second." }, read),
            HttpStatusCode.PreconditionFailed);

        var stored = await app.WithDbAsync(db => db.Requirements.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal("First writer", stored.Title);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task APublishedRequirementIsNotWrittenWithoutIfMatchButADraftIs()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var draft = await mne.CreateRequirementAsync();
        await Expect.StatusAsync(await mne.Client.PutJsonAsync($"/api/requirements/{draft}", Samples.Requirement("Draft edit")), HttpStatusCode.OK);

        var published = await mne.PublishNewRequirementAsync();
        var blind = await mne.Client.PutJsonAsync($"/api/requirements/{published}", Samples.Requirement("Blind edit") with { ChangeNote = "Blind." });
        var problem = await Expect.ProblemAsync(blind, HttpStatusCode.PreconditionRequired);
        Assert.Contains("If-Match", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Requirements.Where(r => r.Id == published).Select(r => r.Version).SingleAsync()));
    }

    [Fact]
    public async Task ASubmittedBidIsNotWrittenWithoutIfMatchAndAStaleETagGets412()
    {
        var (_, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var bid = await sme.SubmittedBidAsync(requirement);
        var url = $"/api/bids/{bid}";
        var read = await sme.Client.ETagAsync(url);

        await Expect.ProblemAsync(await sme.Client.PutJsonAsync(url, BidKit.CompleteBid() with { Price = 2m }), HttpStatusCode.PreconditionRequired);
        var first = await sme.Client.SendIfMatchAsync(HttpMethod.Put, url, BidKit.CompleteBid() with { Price = 3m }, read);
        await Expect.StatusAsync(first, HttpStatusCode.OK);
        Assert.NotEqual(read, first.Headers.ETag);
        await Expect.ProblemAsync(await sme.Client.SendIfMatchAsync(HttpMethod.Put, url, BidKit.CompleteBid() with { Price = 4m }, read), HttpStatusCode.PreconditionFailed);

        Assert.Equal(3m, await app.WithDbAsync(db => db.Bids.Where(b => b.Id == bid).Select(b => b.Price).SingleAsync()));
    }

    [Fact]
    public async Task ProfilesListingsAndOrganisationsRefuseAStaleETagAndKeepTheFirstWrite()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);

        await sme.SaveProfileAsync();
        var profile = $"/api/organizations/{sme.Me.OrgId}/profile";
        var profileTag = await sme.Client.ETagAsync(profile);
        await Expect.StatusAsync(await sme.Client.SendIfMatchAsync(HttpMethod.Put, profile, Samples.Profile("First summary."), profileTag), HttpStatusCode.OK);
        await Expect.ProblemAsync(await sme.Client.SendIfMatchAsync(HttpMethod.Put, profile, Samples.Profile("Second summary."), profileTag), HttpStatusCode.PreconditionFailed);
        Assert.Equal("First summary.", await app.WithDbAsync(db => db.Profiles.Where(p => p.OrganizationId == sme.Me.OrgId).Select(p => p.Summary).SingleAsync()));

        var ip = $"/api/ip-listings/{await sme.CreateIpListingAsync()}";
        var ipTag = await sme.Client.ETagAsync(ip);
        await Expect.StatusAsync(await sme.Client.SendIfMatchAsync(HttpMethod.Put, ip, Samples.IpListing("First title"), ipTag), HttpStatusCode.OK);
        await Expect.ProblemAsync(await sme.Client.SendIfMatchAsync(HttpMethod.Put, ip, Samples.IpListing("Second title"), ipTag), HttpStatusCode.PreconditionFailed);
        await Expect.ProblemAsync(await sme.Client.SendIfMatchAsync<object>(HttpMethod.Delete, ip, null, ipTag), HttpStatusCode.PreconditionFailed);
        Assert.Equal("First title", await app.WithDbAsync(db => db.IpListings.Where(i => i.OrganizationId == sme.Me.OrgId).Select(i => i.Title).SingleAsync()));

        var org = $"/api/organizations/{sme.Me.OrgId}";
        var orgTag = await sme.Client.ETagAsync(org);
        var first = Accounts.NewRegistration(OrganizationKind.Sme).Organization with { Name = "First name GmbH" };
        await Expect.StatusAsync(await sme.Client.SendIfMatchAsync(HttpMethod.Put, org, first, orgTag), HttpStatusCode.OK);
        await Expect.ProblemAsync(await sme.Client.SendIfMatchAsync(HttpMethod.Put, org, first with { Name = "Second name GmbH" }, orgTag), HttpStatusCode.PreconditionFailed);
        Assert.Equal("First name GmbH", await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == sme.Me.OrgId).Select(o => o.Name).SingleAsync()));
    }

    [Fact]
    public async Task ASavedSearchIsDeletedOnlyWithItsOwnETagWhenOneIsSent()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var created = await sme.Client.PostJsonAsync("/api/saved-searches", new SaveSearchRequest("Coating", DocumentKind.Supplier, "q=coating"));
        var id = (await Expect.JsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var etag = created.Headers.ETag!;
        Assert.Equal(etag, await sme.Client.ETagAsync($"/api/saved-searches/{id}"));

        await Expect.ProblemAsync(await sme.Client.SendIfMatchAsync<object>(HttpMethod.Delete, $"/api/saved-searches/{id}", null, new EntityTagHeaderValue("\"other\"")),
            HttpStatusCode.PreconditionFailed);
        await Expect.ProblemAsync(await sme.Client.SendIfMatchAsync<object>(HttpMethod.Delete, $"/api/saved-searches/{id}", null, EntityTagHeaderValue.Parse($"W/{etag.Tag}")),
            HttpStatusCode.PreconditionFailed);
        await Expect.StatusAsync(await sme.Client.SendIfMatchAsync<object>(HttpMethod.Delete, $"/api/saved-searches/{id}", null, etag), HttpStatusCode.NoContent);
        Assert.False(await app.WithDbAsync(db => db.SavedSearches.AnyAsync(s => s.Id == id)));
    }
}
