using System.Net;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Roadmaps;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Consortia;

/// <summary>
/// A cluster opens a group certificate to new members; an SME's owner asks to join; the cluster
/// accepts (the SME is listed, already accepted, and the certificate counts) or declines; each side
/// is told in its own language; gap plans name the open group certifications beside programmes.
/// </summary>
public abstract class GroupCertificationJoiningTests(GvcMatchApp app)
{
    private static readonly object Terms = new { open = true, country = "DE", scope = "Machined parts for medical devices", joining = "One audit a year and a 900 EUR share of the certification body's fee." };

    [DatabaseFact]
    public async Task An_sme_asks_to_join_an_open_group_certificate_and_once_accepted_it_counts()
    {
        var (cluster, certificate) = await OpenCertificateAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme, "DE");
        await sme.SaveProfileAsync();
        await SpeaksAsync(cluster, "ja");
        await SpeaksAsync(sme, "es");
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await mne.PublishNewRequirementAsync(Samples.Requirement() with
        {
            Criteria = [new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 13485" }],
        });

        // The gap plan names the group certification the SME could join, beside the support programmes.
        var plan = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/gap-plans/requirements/{requirement}"), HttpStatusCode.OK);
        // Other tests' clusters may offer the same standard too: this one is among those offered.
        var offered = Assert.Single(Assert.Single(plan.GetProperty("gaps").EnumerateArray()).GetProperty("groupCertifications").EnumerateArray(),
            o => o.GetProperty("id").GetInt32() == certificate);
        Assert.Equal(cluster.Me.OrganizationName, offered.GetProperty("clusterName").GetString());

        var open = Assert.Single(await OpenAsync(sme), o => o.GetProperty("id").GetInt32() == certificate);
        Assert.Equal("Machined parts for medical devices", open.GetProperty("scope").GetString());
        var asked = await Expect.JsonAsync(await sme.Client.PostJsonAsync($"/api/group-certificates/{certificate}/join-requests", new { note = "We machine implants." }), HttpStatusCode.OK);
        Assert.Equal("Pending", asked.GetProperty("status").GetString());
        var told = Assert.Single(await RoadmapKit.InboxAsync(cluster, GroupCertificationMessages.Kind));
        Assert.Contains("グループ認証", told.GetProperty("title").GetString());

        var requests = await Expect.JsonAsync(await cluster.Client.GetAsync($"/api/group-certificates/{certificate}/join-requests"), HttpStatusCode.OK);
        var request = Assert.Single(requests.EnumerateArray());
        Assert.Equal("We machine implants.", request.GetProperty("note").GetString());
        var id = request.GetProperty("id").GetInt32();
        Assert.False(await MetAsync(sme, requirement));

        var accepted = await Expect.JsonAsync(await cluster.Client.PostAsync($"/api/group-certificates/{certificate}/join-requests/{id}/accept"), HttpStatusCode.OK);
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        Assert.Contains("certificado de grupo", Assert.Single(await RoadmapKit.InboxAsync(sme, GroupCertificationMessages.Kind)).GetProperty("title").GetString());
        var listing = Assert.Single((await Expect.JsonAsync(await sme.Client.GetAsync("/api/group-certificates/listings"), HttpStatusCode.OK)).EnumerateArray());
        Assert.True(listing.GetProperty("accepted").GetBoolean());
        Assert.True(listing.GetProperty("counts").GetBoolean());
        Assert.True(await MetAsync(sme, requirement));

        // Answered once; and a listed SME is offered the certificate no more.
        await Expect.ProblemAsync(await cluster.Client.PostAsync($"/api/group-certificates/{certificate}/join-requests/{id}/decline"), HttpStatusCode.Conflict);
        Assert.DoesNotContain(await OpenAsync(sme), o => o.GetProperty("id").GetInt32() == certificate && !o.GetProperty("listed").GetBoolean());
        await Expect.ProblemAsync(await sme.Client.PostJsonAsync($"/api/group-certificates/{certificate}/join-requests", new { }), HttpStatusCode.Conflict);
    }

    [DatabaseFact]
    public async Task Only_the_cluster_answers_only_the_smes_owner_asks_and_a_refusal_can_be_asked_again()
    {
        var (cluster, certificate) = await OpenCertificateAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme, "DE");
        var elsewhere = await app.SignUpAsync(OrganizationKind.Sme, "JP");
        var otherCluster = await app.SignUpClusterAsync();
        var mne = await app.SignUpAsync(OrganizationKind.Mne);

        // Open to Germany only: a Japanese SME does not find it, and asking is "not found".
        Assert.DoesNotContain(await OpenAsync(elsewhere), o => o.GetProperty("id").GetInt32() == certificate);
        await Expect.ProblemAsync(await elsewhere.Client.PostJsonAsync($"/api/group-certificates/{certificate}/join-requests", new { }), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await mne.Client.GetAsync("/api/group-certificates/open"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await mne.Client.PostJsonAsync($"/api/group-certificates/{certificate}/join-requests", new { }), HttpStatusCode.Forbidden);

        // A plain member of the SME may not commit it.
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == sme.Me.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, MemberRole.Member)));
        await Expect.ProblemAsync(await sme.Client.PostJsonAsync($"/api/group-certificates/{certificate}/join-requests", new { }), HttpStatusCode.Forbidden);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == sme.Me.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, MemberRole.Owner)));
        var id = (await Expect.JsonAsync(await sme.Client.PostJsonAsync($"/api/group-certificates/{certificate}/join-requests", new { }), HttpStatusCode.OK)).GetProperty("id").GetInt32();

        // Nobody but the cluster reads or answers the requests.
        await Expect.ProblemAsync(await otherCluster.Client.GetAsync($"/api/group-certificates/{certificate}/join-requests"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await otherCluster.Client.PostAsync($"/api/group-certificates/{certificate}/join-requests/{id}/accept"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await sme.Client.PostAsync($"/api/group-certificates/{certificate}/join-requests/{id}/accept"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await mne.Client.GetAsync($"/api/group-certificates/{certificate}/join-requests"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await sme.Client.PutJsonAsync($"/api/group-certificates/{certificate}/openness", Terms), HttpStatusCode.Forbidden);

        await Expect.StatusAsync(await cluster.Client.PostAsync($"/api/group-certificates/{certificate}/join-requests/{id}/decline"), HttpStatusCode.OK);
        var mine = Assert.Single((await Expect.JsonAsync(await sme.Client.GetAsync("/api/group-certificates/join-requests"), HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal("Declined", mine.GetProperty("status").GetString());
        Assert.Empty((await Expect.JsonAsync(await sme.Client.GetAsync("/api/group-certificates/listings"), HttpStatusCode.OK)).EnumerateArray());

        var again = await Expect.JsonAsync(await sme.Client.PostJsonAsync($"/api/group-certificates/{certificate}/join-requests", new { note = "Audited since." }), HttpStatusCode.OK);
        Assert.Equal(id, again.GetProperty("id").GetInt32());
        Assert.Equal("Pending", again.GetProperty("status").GetString());

        // Closed again: no longer offered, and no new request can be made.
        await Expect.StatusAsync(await cluster.Client.PutJsonAsync($"/api/group-certificates/{certificate}/openness", new { open = false }), HttpStatusCode.OK);
        Assert.DoesNotContain(await OpenAsync(sme), o => o.GetProperty("id").GetInt32() == certificate);
    }

    [DatabaseFact]
    public async Task Opening_a_certificate_needs_what_joining_takes_and_a_known_country()
    {
        var (cluster, certificate) = await OpenCertificateAsync();
        await Expect.ValidationErrorAsync(await cluster.Client.PutJsonAsync($"/api/group-certificates/{certificate}/openness", new { open = true, country = "DE" }), "joining");
        await Expect.ValidationErrorAsync(await cluster.Client.PutJsonAsync($"/api/group-certificates/{certificate}/openness",
            new { open = true, country = "ZZ", joining = "An audit." }), "country");
        await Expect.ProblemAsync(await cluster.Client.PutJsonAsync("/api/group-certificates/999999/openness", Terms), HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task The_sme_asks_on_its_page_and_the_cluster_answers_on_its_own()
    {
        var cluster = await app.SignUpWithPasswordAsync(OrganizationKind.Intermediary);
        await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == cluster.Me.OrgId)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.IntermediaryType, IntermediaryType.Cluster)));
        var (_, certificate) = await OpenCertificateAsync(cluster);
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme, "DE");
        using var smeBrowser = app.CreateClient(new() { AllowAutoRedirect = false });
        await CookieSignIn.SignInAsync(smeBrowser, sme.Email, sme.Password);

        var page = await (await smeBrowser.GetAsync("/Account/GroupCertificates")).Content.ReadAsStringAsync();
        Assert.Contains($"class=\"card mb-2 open-group-certification\" data-id=\"{certificate}\"", page);
        Assert.Contains("One audit a year", page);
        var asked = await smeBrowser.PostAsync($"/Account/GroupCertificates?handler=Join&id={certificate}",
            new FormUrlEncodedContent([new(AntiforgeryTokens.FormField, AntiforgeryTokens.FormToken(page)), new("note", "Implants since 2019.")]));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains("awaiting the cluster&#x27;s answer", await (await smeBrowser.GetAsync("/Account/GroupCertificates")).Content.ReadAsStringAsync());

        using var clusterBrowser = app.CreateClient(new() { AllowAutoRedirect = false });
        await CookieSignIn.SignInAsync(clusterBrowser, cluster.Email, cluster.Password);
        var clusterPage = await (await clusterBrowser.GetAsync("/Consortia/GroupCertificates")).Content.ReadAsStringAsync();
        Assert.Contains("open to new members", clusterPage);
        Assert.Contains("Implants since 2019.", clusterPage);
        var request = (await Expect.JsonAsync(await cluster.Client.GetAsync($"/api/group-certificates/{certificate}/join-requests"), HttpStatusCode.OK))[0].GetProperty("id").GetInt32();
        var answered = await clusterBrowser.PostAsync($"/Consortia/GroupCertificates?handler=Answer&id={certificate}&requestId={request}&accept=true",
            new FormUrlEncodedContent([new(AntiforgeryTokens.FormField, AntiforgeryTokens.FormToken(clusterPage))]));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.True(Assert.Single((await Expect.JsonAsync(await sme.Client.GetAsync("/api/group-certificates/listings"), HttpStatusCode.OK)).EnumerateArray())
            .GetProperty("counts").GetBoolean());
    }

    private async Task<(Member Cluster, int Certificate)> OpenCertificateAsync(Member? withPassword = null)
    {
        var cluster = withPassword ?? await app.SignUpClusterAsync();
        await app.MarkVerifiedAsync(cluster.Me.OrgId);
        var created = await Expect.JsonAsync(await cluster.Client.PostJsonAsync("/api/group-certificates",
            new { standard = "ISO 13485", validUntil = Samples.InDays(300), memberOrganizationIds = Array.Empty<int>() }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        await Expect.StatusAsync(await cluster.Client.PutJsonAsync($"/api/group-certificates/{id}/openness", Terms), HttpStatusCode.OK);
        return (cluster, id);
    }

    private Task SpeaksAsync(Member member, string language) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Id == member.Me.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, language)));

    private static async Task<List<JsonElement>> OpenAsync(Member sme) =>
        [.. (await Expect.JsonAsync(await sme.Client.GetAsync("/api/group-certificates/open"), HttpStatusCode.OK)).EnumerateArray()];

    private static async Task<bool> MetAsync(Member sme, int requirement) =>
        (await Expect.JsonAsync(await sme.Client.GetAsync($"/api/requirements/{requirement}/my-score"), HttpStatusCode.OK))
            .GetProperty("criteria")[0].GetProperty("met").GetBoolean();
}

[Collection(SharedApps.SqliteB)]
public sealed class GroupCertificationJoiningTestsOnSqlite(SqliteApp app) : GroupCertificationJoiningTests(app);

[Collection(SharedApps.PostgresB)]
public sealed class GroupCertificationJoiningTestsOnPostgres(PostgresApp app) : GroupCertificationJoiningTests(app), IUsesPostgres;
