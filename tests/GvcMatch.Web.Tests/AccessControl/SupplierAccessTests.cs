using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.AccessControl;

/// <summary>An SME's organisation, profile and IP listings are changed by its own members only.</summary>
public abstract class SupplierAccessTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task AnotherOrganisationCannotReadADraftProfile()
    {
        var owner = await app.SignUpAsync(OrganizationKind.Sme);
        var other = await app.SignUpAsync(OrganizationKind.Sme);
        await owner.SaveProfileAsync();
        var url = $"/api/organizations/{owner.Me.OrgId}/profile";

        var own = await Expect.JsonAsync(await owner.Client.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal("Draft", own.GetProperty("status").GetString());
        await Expect.StatusAsync(await other.Client.GetAsync(url), HttpStatusCode.NotFound);
        using var anonymous = app.CreateClient();
        await Expect.StatusAsync(await anonymous.GetAsync(url), HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task AnotherOrganisationCannotEditOrPublishAProfile()
    {
        var owner = await app.SignUpAsync(OrganizationKind.Sme);
        var otherSme = await app.SignUpAsync(OrganizationKind.Sme);
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        await owner.SaveProfileAsync(Samples.Profile("The owner's own words."));
        var url = $"/api/organizations/{owner.Me.OrgId}/profile";

        foreach (var intruder in new[] { otherSme, mne })
        {
            await Expect.OneOfAsync(await intruder.Client.PutJsonAsync(url, Samples.Profile("Rewritten by an intruder.")), HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
            await Expect.OneOfAsync(await intruder.Client.PostAsync(url + "/publish"), HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        }

        var profile = await Expect.JsonAsync(await owner.Client.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal("The owner's own words.", profile.GetProperty("summary").GetString());
        Assert.Equal("Draft", profile.GetProperty("status").GetString());
    }

    [DatabaseFact]
    public async Task AnMneCannotHaveACapabilityProfile()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var response = await mne.Client.PutJsonAsync($"/api/organizations/{mne.Me.OrgId}/profile", Samples.Profile());
        await Expect.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.False(await app.WithDbAsync(db => db.Profiles.AnyAsync(p => p.OrganizationId == mne.Me.OrgId)));
    }

    [DatabaseFact]
    public async Task AnMneCannotCreateIpListings()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var title = "Listed by an MNE " + Guid.NewGuid();
        await Expect.ProblemAsync(await mne.Client.PostJsonAsync("/api/ip-listings", Samples.IpListing(title)), HttpStatusCode.Forbidden);
        Assert.False(await app.WithDbAsync(db => db.IpListings.AnyAsync(i => i.Title == title)));
    }

    [DatabaseFact]
    public async Task AnotherOrganisationCannotReadEditOrDeleteAnIpListing()
    {
        var owner = await app.SignUpAsync(OrganizationKind.Sme);
        var other = await app.SignUpAsync(OrganizationKind.Sme);
        var draft = await owner.CreateIpListingAsync(Samples.IpListing("Draft know-how"));
        var published = await owner.CreateIpListingAsync(Samples.IpListing("Published patent"));
        await Expect.StatusAsync(await owner.Client.PostAsync($"/api/ip-listings/{published}/publish"), HttpStatusCode.OK);

        await Expect.StatusAsync(await other.Client.GetAsync($"/api/ip-listings/{draft}"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await other.Client.GetAsync($"/api/ip-listings/{published}"), HttpStatusCode.OK);
        foreach (var id in new[] { draft, published })
        {
            await Expect.OneOfAsync(await other.Client.PutJsonAsync($"/api/ip-listings/{id}", Samples.IpListing("Taken over")), HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
            await Expect.OneOfAsync(await other.Client.PostAsync($"/api/ip-listings/{id}/unpublish"), HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
            await Expect.OneOfAsync(await other.Client.DeleteAsync($"/api/ip-listings/{id}"), HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        }

        var stored = await app.WithDbAsync(db => db.IpListings.AsNoTracking().Where(i => i.OrganizationId == owner.Me.OrgId).ToListAsync());
        Assert.Equal(["Draft know-how", "Published patent"], stored.Select(i => i.Title).Order());
        Assert.Equal(Features.Profiles.PublicationStatus.Published, stored.Single(i => i.Id == published).Status);
    }

    [DatabaseFact]
    public async Task AnIpListingForAnotherOrganisationIsRefusedAndNothingIsCreated()
    {
        var caller = await app.SignUpAsync(OrganizationKind.Sme);
        var victim = await app.SignUpAsync(OrganizationKind.Sme);
        var title = "Listed in another's name " + Guid.NewGuid();
        var body = Samples.IpListing(title) with { OrganizationId = victim.Me.OrgId };

        await Expect.ProblemAsync(await caller.Client.PostJsonAsync("/api/ip-listings", body), HttpStatusCode.Forbidden);
        Assert.False(await app.WithDbAsync(db => db.IpListings.AnyAsync(i => i.Title == title)));
    }

    [DatabaseFact]
    public async Task AnotherOrganisationCannotEditAnOrganisation()
    {
        var owner = await app.SignUpAsync(OrganizationKind.Sme);
        var other = await app.SignUpAsync(OrganizationKind.Mne);
        var before = await app.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == owner.Me.OrgId));
        var edit = OrganizationInput.From(before) with { Name = "Renamed by a stranger" };

        await Expect.StatusAsync(await other.Client.PutJsonAsync($"/api/organizations/{owner.Me.OrgId}", edit), HttpStatusCode.Forbidden);
        var after = await app.WithDbAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == owner.Me.OrgId));
        Assert.Equal(before.Name, after.Name);
    }

    [DatabaseFact]
    public async Task AnonymousCallersCannotWrite()
    {
        var owner = await app.SignUpAsync(OrganizationKind.Sme);
        var listing = await owner.CreateIpListingAsync();
        var orgId = owner.Me.OrgId;
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        await Expect.StatusAsync(await anonymous.PutJsonAsync($"/api/organizations/{orgId}/profile", Samples.Profile()), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await anonymous.PostAsync($"/api/organizations/{orgId}/profile/publish"), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await anonymous.PostJsonAsync("/api/ip-listings", Samples.IpListing()), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await anonymous.PutJsonAsync($"/api/ip-listings/{listing}", Samples.IpListing()), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await anonymous.DeleteAsync($"/api/ip-listings/{listing}"), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await anonymous.PostJsonAsync($"/api/organizations/{orgId}/verification", new { verified = true }), HttpStatusCode.Unauthorized);
        Assert.True(await app.WithDbAsync(db => db.IpListings.AnyAsync(i => i.Id == listing)));
    }
}

[Collection(SharedApps.SqliteB)]
public sealed class SupplierAccessTestsOnSqlite(SqliteApp app) : SupplierAccessTests(app);

[Collection(SharedApps.PostgresB)]
public sealed class SupplierAccessTestsOnPostgres(PostgresApp app) : SupplierAccessTests(app), IUsesPostgres;
