using System.Net;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Awards;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;

namespace GvcMatch.Web.Tests.Consortia;

/// <summary>
/// An SME that accepted a listing on a verified cluster's group certificate holds that standard in
/// single-supplier matching, search, bid evaluation and gap plans, and the evidence says whose it is.
/// </summary>
public abstract class GroupCertificationCreditTests(GvcMatchApp app)
{
    private static readonly Criterion Iso13485 = new() { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 13485" };

    [DatabaseFact]
    public async Task An_accepted_group_certificate_meets_the_criterion_in_matching_search_and_gap_plans_and_names_the_cluster()
    {
        var (sme, cluster, word) = await SmeAndVerifiedClusterAsync();
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await mne.PublishNewRequirementAsync(Samples.Requirement() with { Criteria = [Iso13485] });
        var certificate = await ListAsync(cluster, sme);

        Assert.False((await MyScoreAsync(sme, requirement)).GetProperty("met").GetBoolean(), "A listing the SME never accepted counted.");
        Assert.DoesNotContain(sme.Me.OrgId, await app.IndexedSupplierIdsAsync(mne.Client, $"q={word}&certification=ISO%2013485"));

        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/group-certificates/{certificate}/accept"), HttpStatusCode.OK);

        var line = await MyScoreAsync(sme, requirement);
        Assert.True(line.GetProperty("met").GetBoolean());
        Assert.Contains($"through the group certificate of {cluster.Me.OrganizationName}", line.GetProperty("evidence").GetString());
        Assert.Contains(sme.Me.OrgId, await app.IndexedSupplierIdsAsync(mne.Client, $"q={word}&certification=ISO%2013485"));

        // The buyer's ranking scores the search hit's payload: the same evidence, told apart from an own certificate.
        var matches = await Expect.JsonAsync(await mne.Client.GetAsync($"/api/requirements/{requirement}/matches"), HttpStatusCode.OK);
        var mine = matches.GetProperty("matches").EnumerateArray().Single(m => m.GetProperty("organizationId").GetInt32() == sme.Me.OrgId);
        Assert.Contains($"through the group certificate of {cluster.Me.OrganizationName}", mine.GetProperty("criteria")[0].GetProperty("evidence").GetString());

        var plan = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/gap-plans/requirements/{requirement}"), HttpStatusCode.OK);
        Assert.True(plan.GetProperty("qualified").GetBoolean());
        Assert.Empty(plan.GetProperty("gaps").EnumerateArray());

        // Declining takes the certificate away again, in the index too.
        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/group-certificates/{certificate}/decline"), HttpStatusCode.NoContent);
        Assert.False((await MyScoreAsync(sme, requirement)).GetProperty("met").GetBoolean());
        Assert.DoesNotContain(sme.Me.OrgId, await app.IndexedSupplierIdsAsync(mne.Client, $"q={word}&certification=ISO%2013485"));
    }

    [DatabaseFact]
    public async Task The_index_follows_the_certificate_and_the_clusters_verification()
    {
        var (sme, cluster, word) = await SmeAndVerifiedClusterAsync(verified: false);
        var certificate = await ListAsync(cluster, sme);
        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/group-certificates/{certificate}/accept"), HttpStatusCode.OK);
        var query = $"q={word}&certification=ISO%2013485";
        Assert.DoesNotContain(sme.Me.OrgId, await app.IndexedSupplierIdsAsync(sme.Client, query));

        // The platform verifies the cluster: the members relying on its certificates are indexed again.
        var admin = await app.SignUpAsync(OrganizationKind.Mne);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        await Expect.StatusAsync(await admin.Client.PostJsonAsync($"/api/organizations/{cluster.Me.OrgId}/verification",
            new { verified = true, reason = "Registered cluster association" }), HttpStatusCode.OK);
        Assert.Contains(sme.Me.OrgId, await app.IndexedSupplierIdsAsync(sme.Client, query));

        // The cluster turns it into another standard (the SME is asked again), then removes it.
        await Expect.StatusAsync(await cluster.Client.PutJsonAsync($"/api/group-certificates/{certificate}",
            new { standard = "ISO 14001", validUntil = Samples.InDays(200), memberOrganizationIds = new[] { sme.Me.OrgId } }), HttpStatusCode.OK);
        Assert.DoesNotContain(sme.Me.OrgId, await app.IndexedSupplierIdsAsync(sme.Client, query));
        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/group-certificates/{certificate}/accept"), HttpStatusCode.OK);
        Assert.Contains(sme.Me.OrgId, await app.IndexedSupplierIdsAsync(sme.Client, $"q={word}&certification=ISO%2014001"));
        await Expect.StatusAsync(await cluster.Client.DeleteAsync($"/api/group-certificates/{certificate}"), HttpStatusCode.NoContent);
        Assert.DoesNotContain(sme.Me.OrgId, await app.IndexedSupplierIdsAsync(sme.Client, $"q={word}&certification=ISO%2014001"));
    }

    [DatabaseFact]
    public async Task Bid_evaluation_counts_the_group_certificate_and_names_it()
    {
        var (sme, cluster, _) = await SmeAndVerifiedClusterAsync();
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await mne.PublishNewRequirementAsync(Samples.Requirement() with { ResponseDeadline = app.ClockToday(), Criteria = [Iso13485] });
        var certificate = await ListAsync(cluster, sme);
        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/group-certificates/{certificate}/accept"), HttpStatusCode.OK);
        var bid = await app.SubmitBidAsync(requirement, sme, answers: new AwardKit.Answer(0, "Certified through our cluster"));
        app.PassDeadline();
        mne = await app.FreshAsync(mne);

        var score = AwardKit.ScoreOf(AwardKit.BidRow(await mne.EvaluationAsync(requirement), bid), 0);
        Assert.Equal(1, score.GetProperty("score").GetDouble());
        Assert.Contains($"through the group certificate of {cluster.Me.OrganizationName}", score.GetRawText());
    }

    private async Task<(Member Sme, Member Cluster, string Word)> SmeAndVerifiedClusterAsync(bool verified = true)
    {
        var word = SearchProbe.UniqueWord();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile($"Precision parts, {word} finishing."));
        await sme.PublishProfileAsync();
        var cluster = await app.SignUpClusterAsync();
        if (verified) await app.MarkVerifiedAsync(cluster.Me.OrgId);
        return (sme, cluster, word);
    }

    private static async Task<int> ListAsync(Member cluster, Member sme)
    {
        var created = await Expect.JsonAsync(await cluster.Client.PostJsonAsync("/api/group-certificates",
            new { standard = "ISO 13485", validUntil = Samples.InDays(200), memberOrganizationIds = new[] { sme.Me.OrgId } }), HttpStatusCode.Created);
        return created.GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> MyScoreAsync(Member sme, int requirement) =>
        (await Expect.JsonAsync(await sme.Client.GetAsync($"/api/requirements/{requirement}/my-score"), HttpStatusCode.OK)).GetProperty("criteria")[0];
}

[Collection(SharedApps.SqliteA)]
public sealed class GroupCertificationCreditTestsOnSqlite(SqliteApp app) : GroupCertificationCreditTests(app);

[Collection(SharedApps.PostgresA)]
public sealed class GroupCertificationCreditTestsOnPostgres(PostgresApp app) : GroupCertificationCreditTests(app), IUsesPostgres;
