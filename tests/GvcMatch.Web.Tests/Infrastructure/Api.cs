using System.Net;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>Short-hands for the API calls that set up a test; each checks its own status.</summary>
public static class Api
{
    public static async Task<int> CreateRequirementAsync(this Member mne, RequirementInput? input = null)
    {
        var created = await Expect.JsonAsync(await mne.Client.PostJsonAsync("/api/requirements", input ?? Samples.Requirement()), HttpStatusCode.Created);
        return created.GetProperty("id").GetInt32();
    }

    public static async Task<int> PublishNewRequirementAsync(this Member mne, RequirementInput? input = null)
    {
        var id = await mne.CreateRequirementAsync(input);
        await Expect.StatusAsync(await mne.Client.PostAsync($"/api/requirements/{id}/publish", null), HttpStatusCode.OK);
        return id;
    }

    public static async Task SaveProfileAsync(this Member sme, ProfileInput? input = null) =>
        await Expect.StatusAsync(await sme.Client.PutJsonAsync($"/api/organizations/{sme.Me.OrgId}/profile", input ?? Samples.Profile()), HttpStatusCode.OK);

    public static async Task<int> CreateIpListingAsync(this Member sme, IpListingInput? input = null)
    {
        var created = await Expect.JsonAsync(await sme.Client.PostJsonAsync("/api/ip-listings", input ?? Samples.IpListing()), HttpStatusCode.Created);
        return created.GetProperty("id").GetInt32();
    }

    /// <summary>A POST with no body, as the state-change endpoints take.</summary>
    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url) => client.PostAsync(url, content: null);
}
