using System.Net;
using System.Text;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Bids;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Validation;

/// <summary>
/// A null where the API takes text or a list, or a null item inside a list, is a 400 naming the
/// field, down to the list index, and nothing stored changes.
/// </summary>
[Collection(SharedApps.SqliteA)]
public sealed class NullInputTests(SqliteApp app)
{
    [Theory]
    [InlineData("""{"summary": null}""", "summary")]
    [InlineData("""{"capabilities": null}""", "capabilities")]
    [InlineData("""{"capabilities": ["milling", "turning", null]}""", "capabilities[2]")]
    [InlineData("""{"isicCodes": [null]}""", "isicCodes[0]")]
    [InlineData("""{"exportMarkets": ["DE", null]}""", "exportMarkets[1]")]
    [InlineData("""{"languages": [null]}""", "languages[0]")]
    [InlineData("""{"certifications": [{"standard": null}]}""", "certifications[0].standard")]
    public async Task NullsInAProfileAreRefusedByName(string json, string field)
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var url = $"/api/organizations/{sme.Me.OrgId}/profile";
        await sme.SaveProfileAsync();
        var before = await Expect.JsonAsync(await sme.Client.GetAsync(url), HttpStatusCode.OK);

        await Expect.ValidationErrorAsync(await SendAsync(sme, HttpMethod.Put, url, json), field);

        var after = await Expect.JsonAsync(await sme.Client.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal(before.ToString(), after.ToString());
    }

    [Theory]
    [InlineData("""{"kind": "Patent", "title": "Coating", "offerTypes": ["Sale"], "abstract": null}""", "abstract")]
    [InlineData("""{"kind": "Patent", "title": "Coating", "offerTypes": ["Sale"], "ipcClasses": null}""", "ipcClasses")]
    [InlineData("""{"kind": "Patent", "title": "Coating", "offerTypes": ["Sale"], "jurisdictions": ["DE", null]}""", "jurisdictions[1]")]
    public async Task NullsInAnIpListingAreRefusedByName(string json, string field)
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ValidationErrorAsync(await SendAsync(sme, HttpMethod.Post, "/api/ip-listings", json), field);
        Assert.False(await app.WithDbAsync(db => db.IpListings.AnyAsync(i => i.OrganizationId == sme.Me.OrgId)));
    }

    [Theory]
    [InlineData("""{"title": "Housings", "description": null}""", "description")]
    [InlineData("""{"title": "Housings", "lots": null}""", "lots")]
    [InlineData("""{"title": "Housings", "lots": [null]}""", "lots[0]")]
    [InlineData("""{"title": "Housings", "lots": [{"number": 1, "title": null}]}""", "lots[0].title")]
    [InlineData("""{"title": "Housings", "hsCodes": ["8479", null]}""", "hsCodes[1]")]
    [InlineData("""{"title": "Housings", "criteria": [{"kind": "CapabilityFit", "weight": 100, "keywords": ["welding", null]}]}""", "criteria[0].keywords[1]")]
    public async Task NullsInARequirementAreRefusedByName(string json, string field)
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        await Expect.ValidationErrorAsync(await SendAsync(mne, HttpMethod.Post, "/api/requirements", json), field);
        Assert.False(await app.WithDbAsync(db => db.Requirements.AnyAsync(r => r.OrganizationId == mne.Me.OrgId)));
    }

    [Theory]
    [InlineData("""{"answers": null}""", "answers")]
    [InlineData("""{"answers": [null]}""", "answers[0]")]
    [InlineData("""{"subcontractors": null}""", "subcontractors")]
    [InlineData("""{"subcontractors": [{"name": "Eloxal", "work": "Anodising"}, null]}""", "subcontractors[1]")]
    [InlineData("""{"lots": null}""", "lots")]
    public async Task NullsInABidAreRefusedByName(string json, string field)
    {
        var (_, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ValidationErrorAsync(await SendAsync(sme, HttpMethod.Post, $"/api/requirements/{requirement}/bids", json), field);

        // The same body on an existing draft leaves it as it was.
        var id = (await sme.CreateBidAsync(requirement)).GetProperty("id").GetInt32();
        var before = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/bids/{id}"), HttpStatusCode.OK);
        await Expect.ValidationErrorAsync(await SendAsync(sme, HttpMethod.Put, $"/api/bids/{id}", json), field);
        var after = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/bids/{id}"), HttpStatusCode.OK);
        Assert.Equal(before.ToString(), after.ToString());
    }

    [Theory]
    [InlineData("""{"name": "Duo", "invite": [null]}""", "invite[0]")]
    [InlineData("""{"name": "Duo", "invite": [{"organizationId": 1, "criteria": [0, 1]}, null]}""", "invite[1]")]
    public async Task NullsInAConsortiumInvitationAreRefusedByName(string json, string field)
    {
        var (_, requirement) = await app.BuyerWithRequirementAsync();
        var lead = await app.SignUpAsync(OrganizationKind.Sme);
        var body = json.Replace("{\"name\"", $"{{\"requirementId\": {requirement}, \"name\"");
        await Expect.ValidationErrorAsync(await SendAsync(lead, HttpMethod.Post, "/api/consortia", body), field);
        Assert.False(await app.WithDbAsync(db => db.Consortia.AnyAsync(c => c.LeadOrganizationId == lead.Me.OrgId)));
    }

    private static Task<HttpResponseMessage> SendAsync(Member member, HttpMethod method, string url, string json) =>
        member.Client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
}
