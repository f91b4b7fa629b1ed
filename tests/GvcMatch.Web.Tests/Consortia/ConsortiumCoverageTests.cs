using System.Net;
using System.Text.Json;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Consortia;

/// <summary>The coverage endpoint over real profiles and cluster group certificates, and the group certificate API.</summary>
public abstract class ConsortiumCoverageTests(GvcMatchApp app)
{
    private static JsonElement Line(JsonElement coverage, int index) => coverage.GetProperty("criteria")[index];

    private async Task<JsonElement> CoverageAsync(Member who, int id) =>
        await Expect.JsonAsync(await who.Client.GetAsync($"/api/consortia/{id}/coverage"), HttpStatusCode.OK);

    [DatabaseFact]
    public async Task A_members_certificate_counts_only_for_the_work_that_member_does()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        await ConsortiumScenario.AcceptAsync(s.Partner, id);

        var coverage = await CoverageAsync(s.Partner, id);
        Assert.True(coverage.GetProperty("mandatoryMet").GetBoolean());
        Assert.True(Line(coverage, 1).GetProperty("met").GetBoolean());
        Assert.Equal($"cnc milling: ISO 13485 held by {s.Lead.Me.OrganizationName}, who does C2 (valid to {Samples.InDays(400):yyyy-MM-dd})",
            Line(coverage, 1).GetProperty("evidence").GetString());
        // Capacities of the members doing C3 add up: 20,000 + 15,000 against 30,000 sought.
        Assert.True(Line(coverage, 2).GetProperty("met").GetBoolean());
        Assert.Contains("= 35,000 pieces a month", Line(coverage, 2).GetProperty("evidence").GetString());
        Assert.False(Line(coverage, 3).GetProperty("met").GetBoolean());
        Assert.Equal("no member's work covers C4", Line(coverage, 3).GetProperty("evidence").GetString());

        // The uncertified partner takes on part of the certified work: the lead's certificate does not cover it.
        await Expect.StatusAsync(await s.Lead.Client.PutJsonAsync($"/api/consortia/{id}/members/{s.Partner.Me.OrgId}", new { criteria = new[] { 1, 2 } }), HttpStatusCode.OK);
        coverage = await CoverageAsync(s.Lead, id);
        Assert.False(coverage.GetProperty("mandatoryMet").GetBoolean());
        Assert.False(Line(coverage, 1).GetProperty("met").GetBoolean());
        Assert.Contains($"{s.Partner.Me.OrganizationName}, who does C2: no ISO 13485 certificate", Line(coverage, 1).GetProperty("evidence").GetString());
        Assert.Equal([s.Lead.Me.OrgId, s.Partner.Me.OrgId], Line(coverage, 1).GetProperty("coveredBy").EnumerateArray().Select(e => e.GetInt32()));

        // The bid evaluation's entry point gives the same answer for the requirement's criteria.
        var direct = await app.WithDbAsync(async db =>
        {
            var requirement = await db.Requirements.AsNoTracking().FirstAsync(r => r.Id == s.Requirement);
            var context = app.Services.GetRequiredService<GvcMatch.Web.Features.Matching.MatchContexts>().For(requirement);
            return await ConsortiumCoverageLoader.EvaluateAsync(db, id, requirement.Criteria, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), context, default);
        });
        Assert.False(direct.MandatoryMet);
        Assert.Equal(Line(coverage, 1).GetProperty("evidence").GetString(), direct.Criteria[1].Evidence);
    }

    [DatabaseFact]
    public async Task A_group_certificate_of_the_members_cluster_is_recognised_and_an_expired_one_is_not()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        await ConsortiumScenario.AcceptAsync(s.Partner, id);
        await Expect.StatusAsync(await s.Lead.Client.PutJsonAsync($"/api/consortia/{id}/members/{s.Partner.Me.OrgId}", new { criteria = new[] { 1, 2 } }), HttpStatusCode.OK);
        var cluster = await app.SignUpClusterAsync();

        var created = await Expect.JsonAsync(await cluster.Client.PostJsonAsync("/api/group-certificates",
            new { standard = "iso 13485", issuer = "TUV", validUntil = Samples.InDays(100), memberOrganizationIds = new[] { s.Partner.Me.OrgId } }), HttpStatusCode.Created);
        Assert.Equal("ISO 13485", created.GetProperty("standard").GetString());
        var certificate = created.GetProperty("id").GetInt32();
        // A listing counts once the SME accepts it and the cluster is verified (see the Security tests).
        await Expect.StatusAsync(await s.Partner.Client.PostAsync($"/api/group-certificates/{certificate}/accept"), HttpStatusCode.OK);
        await app.MarkVerifiedAsync(cluster.Me.OrgId);

        var coverage = await CoverageAsync(s.Partner, id);
        Assert.True(coverage.GetProperty("mandatoryMet").GetBoolean());
        Assert.Contains($"ISO 13485 held by {s.Partner.Me.OrganizationName}, who does C2, through the group certificate of {cluster.Me.OrganizationName}",
            Line(coverage, 1).GetProperty("evidence").GetString());

        await Expect.StatusAsync(await cluster.Client.PutJsonAsync($"/api/group-certificates/{certificate}",
            new { standard = "ISO 13485", validUntil = Samples.InDays(-1), memberOrganizationIds = new[] { s.Partner.Me.OrgId } }), HttpStatusCode.OK);
        coverage = await CoverageAsync(s.Partner, id);
        Assert.False(Line(coverage, 1).GetProperty("met").GetBoolean());
        Assert.Contains("expired on", Line(coverage, 1).GetProperty("evidence").GetString());

        // Valid again but no longer listing the partner: not recognised either.
        await Expect.StatusAsync(await cluster.Client.PutJsonAsync($"/api/group-certificates/{certificate}",
            new { standard = "ISO 13485", validUntil = Samples.InDays(100), memberOrganizationIds = new[] { s.Third.Me.OrgId } }), HttpStatusCode.OK);
        Assert.False(Line(await CoverageAsync(s.Partner, id), 1).GetProperty("met").GetBoolean());
    }

    [DatabaseFact]
    public async Task Only_a_clusters_members_manage_its_group_certificates()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var cluster = await app.SignUpClusterAsync();
        var otherCluster = await app.SignUpClusterAsync();
        var agency = await app.SignUpAsync(OrganizationKind.Intermediary);
        var body = new { standard = "ISO 9001", memberOrganizationIds = new[] { s.Partner.Me.OrgId, s.Third.Me.OrgId } };

        await Expect.ProblemAsync(await agency.Client.PostJsonAsync("/api/group-certificates", body), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await s.Partner.Client.PostJsonAsync("/api/group-certificates", body), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await s.Partner.Client.GetAsync("/api/group-certificates"), HttpStatusCode.Forbidden);
        await Expect.ValidationErrorAsync(await cluster.Client.PostJsonAsync("/api/group-certificates", body with { standard = "ISO 99999" }), "standard");
        await Expect.ValidationErrorAsync(await cluster.Client.PostJsonAsync("/api/group-certificates",
            new { standard = "ISO 9001", memberOrganizationIds = new[] { s.Buyer.Me.OrgId } }), "memberOrganizationIds");

        var created = await Expect.JsonAsync(await cluster.Client.PostJsonAsync("/api/group-certificates", body), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(2, created.GetProperty("members").GetArrayLength());
        await Expect.ProblemAsync(await otherCluster.Client.PutJsonAsync($"/api/group-certificates/{id}", body), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await otherCluster.Client.DeleteAsync($"/api/group-certificates/{id}"), HttpStatusCode.NotFound);
        Assert.Empty((await Expect.JsonAsync(await otherCluster.Client.GetAsync("/api/group-certificates"), HttpStatusCode.OK)).EnumerateArray());

        var list = await Expect.JsonAsync(await cluster.Client.GetAsync("/api/group-certificates"), HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetInt32());
        await Expect.StatusAsync(await cluster.Client.DeleteAsync($"/api/group-certificates/{id}"), HttpStatusCode.NoContent);
        Assert.Empty((await Expect.JsonAsync(await cluster.Client.GetAsync("/api/group-certificates"), HttpStatusCode.OK)).EnumerateArray());
    }
}

public sealed class ConsortiumCoverageTestsOnSqlite(SqliteApp app) : ConsortiumCoverageTests(app), IClassFixture<SqliteApp>;

public sealed class ConsortiumCoverageTestsOnPostgres(PostgresApp app) : ConsortiumCoverageTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
