using System.Net;
using System.Text.Json;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Consortia;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Security;

/// <summary>A cluster can list any SME on its group certificate; the listing counts only once the SME's owner accepts it.</summary>
public abstract class GroupCertificateConsentTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task A_listing_counts_for_coverage_only_when_accepted_by_the_sme_and_vouched_for_by_a_verified_cluster()
    {
        var (s, consortium) = await PartnerDoingCertifiedWorkAsync();
        var cluster = await app.SignUpClusterAsync();
        var certificate = await ListAsync(cluster, s.Partner, "ISO 13485");

        Assert.False(await CertifiedWorkMetAsync(s, consortium), "A listing the SME never accepted counted.");
        var pending = Assert.Single(await ListingsAsync(s.Partner));
        Assert.False(pending.GetProperty("accepted").GetBoolean());
        Assert.False(pending.GetProperty("counts").GetBoolean());

        await Expect.StatusAsync(await s.Partner.Client.PostAsync($"/api/group-certificates/{certificate}/accept"), HttpStatusCode.OK);
        Assert.False(await CertifiedWorkMetAsync(s, consortium), "An unverified cluster's certificate counted.");

        await app.MarkVerifiedAsync(cluster.Me.OrgId);
        Assert.True(await CertifiedWorkMetAsync(s, consortium), "The accepted listing of a verified cluster did not count.");
        Assert.True(Assert.Single(await ListingsAsync(s.Partner)).GetProperty("counts").GetBoolean());

        // The cluster turns the certificate into another standard: the SME is asked again.
        await Expect.StatusAsync(await cluster.Client.PutJsonAsync($"/api/group-certificates/{certificate}",
            new { standard = "ISO 9001", memberOrganizationIds = new[] { s.Partner.Me.OrgId } }), HttpStatusCode.OK);
        Assert.False(Assert.Single(await ListingsAsync(s.Partner)).GetProperty("accepted").GetBoolean());
    }

    [DatabaseFact]
    public async Task Only_the_listed_smes_owner_decides_and_declining_takes_it_off_the_certificate()
    {
        var (s, _) = await PartnerDoingCertifiedWorkAsync();
        var cluster = await app.SignUpClusterAsync();
        var certificate = await ListAsync(cluster, s.Partner, "ISO 13485");

        // Another SME, the cluster itself, and a plain member of the listed SME may not decide for it.
        await Expect.ProblemAsync(await s.Third.Client.PostAsync($"/api/group-certificates/{certificate}/accept"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await cluster.Client.PostAsync($"/api/group-certificates/{certificate}/accept"), HttpStatusCode.Forbidden);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == s.Partner.Me.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, MemberRole.Member)));
        await Expect.ProblemAsync(await s.Partner.Client.PostAsync($"/api/group-certificates/{certificate}/accept"), HttpStatusCode.Forbidden);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == s.Partner.Me.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, MemberRole.Owner)));
        Assert.Empty(await ListingsAsync(s.Third));

        await Expect.StatusAsync(await s.Partner.Client.PostAsync($"/api/group-certificates/{certificate}/decline"), HttpStatusCode.NoContent);
        Assert.Empty(await ListingsAsync(s.Partner));
        var held = Assert.Single((await Expect.JsonAsync(await cluster.Client.GetAsync("/api/group-certificates"), HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(0, held.GetProperty("members").GetArrayLength());
    }

    [DatabaseFact]
    public async Task The_sme_owner_accepts_a_listing_on_the_profile_page()
    {
        var (s, _) = await PartnerDoingCertifiedWorkAsync();
        var cluster = await app.SignUpClusterAsync();
        await app.MarkVerifiedAsync(cluster.Me.OrgId);
        var certificate = await ListAsync(cluster, s.Partner, "ISO 13485");
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        await CookieSignIn.SignInAsync(browser, s.Partner.Email, s.Partner.Password);

        var profile = await (await browser.GetAsync("/Account/Profile")).Content.ReadAsStringAsync();
        Assert.Contains($"class=\"group-certificate-listing\" data-id=\"{certificate}\"", profile);
        Assert.Contains("awaiting your acceptance", profile);

        var accepted = await browser.PostAsync($"/Account/GroupCertificates?handler=Accept&id={certificate}",
            new FormUrlEncodedContent([new(AntiforgeryTokens.FormField, AntiforgeryTokens.FormToken(profile))]));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("accepted, counts", await (await browser.GetAsync("/Account/Profile")).Content.ReadAsStringAsync());
        Assert.True(Assert.Single(await ListingsAsync(s.Partner)).GetProperty("accepted").GetBoolean());
    }

    /// <summary>A consortium whose partner does C2, which demands ISO 13485 that the partner does not hold itself.</summary>
    private async Task<(ConsortiumScenario Scenario, int Consortium)> PartnerDoingCertifiedWorkAsync()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        await ConsortiumScenario.AcceptAsync(s.Partner, id);
        await Expect.StatusAsync(await s.Lead.Client.PutJsonAsync($"/api/consortia/{id}/members/{s.Partner.Me.OrgId}", new { criteria = new[] { 1, 2 } }), HttpStatusCode.OK);
        Assert.False(await CertifiedWorkMetAsync(s, id), "The partner already meets C2 without a group certificate.");
        return (s, id);
    }

    private static async Task<int> ListAsync(Member cluster, Member sme, string standard)
    {
        var created = await Expect.JsonAsync(await cluster.Client.PostJsonAsync("/api/group-certificates",
            new { standard, validUntil = Samples.InDays(200), memberOrganizationIds = new[] { sme.Me.OrgId } }), HttpStatusCode.Created);
        Assert.False(Assert.Single(created.GetProperty("members").EnumerateArray()).GetProperty("accepted").GetBoolean());
        return created.GetProperty("id").GetInt32();
    }

    private static async Task<List<JsonElement>> ListingsAsync(Member sme) =>
        [.. (await Expect.JsonAsync(await sme.Client.GetAsync("/api/group-certificates/listings"), HttpStatusCode.OK)).EnumerateArray()];

    private static async Task<bool> CertifiedWorkMetAsync(ConsortiumScenario s, int consortium)
    {
        var coverage = await Expect.JsonAsync(await s.Partner.Client.GetAsync($"/api/consortia/{consortium}/coverage"), HttpStatusCode.OK);
        return coverage.GetProperty("criteria")[1].GetProperty("met").GetBoolean();
    }
}

[Collection(SharedApps.SqliteC)]
public sealed class GroupCertificateConsentTestsOnSqlite(SqliteApp app) : GroupCertificateConsentTests(app);

[Collection(SharedApps.PostgresC)]
public sealed class GroupCertificateConsentTestsOnPostgres(PostgresApp app) : GroupCertificateConsentTests(app), IUsesPostgres;
