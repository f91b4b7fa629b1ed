using System.Net;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.GapPlans;

/// <summary>The gap plan re-scores the SME once per missed criterion with the gap closed; only the SME reads it.</summary>
public abstract class GapPlanApiTests(GvcMatchApp app)
{
    /// <summary>
    /// Weighted: ISO 14001 (30), lead time ≤ 20 days (40), capacity ≥ 40,000 pieces a month (30);
    /// mandatory: ISO 9001 and being based in France. The sample profile holds ISO 9001 only, quotes
    /// 30 days and makes 20,000 pieces a month in Germany.
    /// </summary>
    public static RequirementInput FourGaps() => Samples.Requirement("Housings under a tighter specification") with
    {
        Criteria =
        [
            new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 9001" },
            new Criterion { Kind = CriterionKind.LocationIn, Mandatory = true, Countries = ["FR"] },
            new Criterion { Kind = CriterionKind.CertificationHeld, Weight = 30, Standard = "ISO 14001" },
            new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 40, Days = 20 },
            new Criterion { Kind = CriterionKind.CapacityAtLeast, Weight = 30, Minimum = 40000, Unit = "pieces" },
        ],
    };

    private static string Url(int orgId, int requirementId) => $"/api/organizations/{orgId}/gap-plans/requirements/{requirementId}";

    private static JsonElement GapFor(JsonElement plan, int index) =>
        plan.GetProperty("gaps").EnumerateArray().Single(g => g.GetProperty("index").GetInt32() == index);

    [DatabaseFact]
    public async Task EachMissedCriterionShowsTheScoreItWouldAddWhenClosed()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await mne.PublishNewRequirementAsync(FourGaps());
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile() with { LeadTimeDays = 30 });

        var plan = await Expect.JsonAsync(await sme.Client.GetAsync(Url(sme.Me.OrgId, requirement)), HttpStatusCode.OK);

        // Now: 0 × 30 + (1 − 10/20) × 40 + (20,000 / 40,000) × 30 = 0 + 20 + 15 = 35, and not qualified (not in France).
        Assert.Equal(35, plan.GetProperty("total").GetDouble());
        Assert.False(plan.GetProperty("qualified").GetBoolean());
        Assert.Equal([1, 2, 3, 4], plan.GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("index").GetInt32()));

        var certificate = GapFor(plan, 2);
        Assert.Equal(65, certificate.GetProperty("totalIfClosed").GetDouble());
        Assert.Equal(30, certificate.GetProperty("gain").GetDouble());
        Assert.Equal("ISO 14001", certificate.GetProperty("change").GetProperty("standard").GetString());
        Assert.Contains("ISO 14001", certificate.GetProperty("action").GetString());

        var leadTime = GapFor(plan, 3);
        Assert.Equal(0.5, leadTime.GetProperty("score").GetDouble());
        Assert.Equal(1, leadTime.GetProperty("scoreIfClosed").GetDouble());
        Assert.Equal(20, leadTime.GetProperty("gain").GetDouble());
        Assert.Equal(20, leadTime.GetProperty("change").GetProperty("days").GetInt32());

        var capacity = GapFor(plan, 4);
        Assert.Equal(15, capacity.GetProperty("gain").GetDouble());
        Assert.Equal(40000, capacity.GetProperty("change").GetProperty("amount").GetDecimal());

        // Where the SME is based is not a gap a plan can close: shown, without a counterfactual score.
        var location = GapFor(plan, 1);
        Assert.False(location.GetProperty("closable").GetBoolean());
        Assert.False(location.TryGetProperty("totalIfClosed", out var none) && none.ValueKind != JsonValueKind.Null);

        // Every closable gap closed: 30 + 40 + 30 = 100, still not qualified while it is based in Germany.
        Assert.Equal(100, plan.GetProperty("totalIfAllClosed").GetDouble());
        Assert.False(plan.GetProperty("qualifiedIfAllClosed").GetBoolean());
    }

    [DatabaseFact]
    public async Task TheGapPlanFollowsTheProfileAsItChanges()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await mne.PublishNewRequirementAsync(FourGaps());
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile() with { LeadTimeDays = 30 });
        await Expect.JsonAsync(await sme.Client.GetAsync(Url(sme.Me.OrgId, requirement)), HttpStatusCode.OK);

        await sme.SaveProfileAsync(Samples.Profile() with { LeadTimeDays = 20, MonthlyCapacity = 30000 });
        var plan = await Expect.JsonAsync(await sme.Client.GetAsync(Url(sme.Me.OrgId, requirement)), HttpStatusCode.OK);

        // 0 + 40 + (30,000 / 40,000) × 30 = 62.5; the lead time is no longer a gap, the capacity one is worth 7.5.
        Assert.Equal(62.5, plan.GetProperty("total").GetDouble());
        Assert.DoesNotContain(plan.GetProperty("gaps").EnumerateArray(), g => g.GetProperty("index").GetInt32() == 3);
        Assert.Equal(7.5, GapFor(plan, 4).GetProperty("gain").GetDouble());
    }

    [DatabaseFact]
    public async Task ClosingAMissedMandatoryCriterionShowsThatTheSupplierWouldQualify()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await mne.PublishNewRequirementAsync(Samples.Requirement() with
        {
            Criteria = [new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 13485" }],
        });
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync();

        var plan = await Expect.JsonAsync(await sme.Client.GetAsync(Url(sme.Me.OrgId, requirement)), HttpStatusCode.OK);

        // With only mandatory criteria the total is 100 when qualified and 0 otherwise.
        Assert.Equal(0, plan.GetProperty("total").GetDouble());
        var gap = GapFor(plan, 0);
        Assert.True(gap.GetProperty("qualifiedIfClosed").GetBoolean());
        Assert.Equal(100, gap.GetProperty("gain").GetDouble());
    }

    [DatabaseFact]
    public async Task OnlyTheSmeItselfReadsItsGapPlan()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await mne.PublishNewRequirementAsync(FourGaps());
        var draft = await mne.CreateRequirementAsync(FourGaps());
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync();
        var competitor = await app.SignUpAsync(OrganizationKind.Sme);
        await competitor.SaveProfileAsync();

        await Expect.ProblemAsync(await competitor.Client.GetAsync(Url(sme.Me.OrgId, requirement)), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await mne.Client.GetAsync(Url(sme.Me.OrgId, requirement)), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await mne.Client.GetAsync(Url(mne.Me.OrgId, requirement)), HttpStatusCode.Forbidden);
        using var anonymous = app.CreateClient();
        await Expect.OneOfAsync(await anonymous.GetAsync(Url(sme.Me.OrgId, requirement)), HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        // Another buyer's draft is not there to plan against; neither is a requirement that does not exist.
        await Expect.ProblemAsync(await sme.Client.GetAsync(Url(sme.Me.OrgId, draft)), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await sme.Client.GetAsync(Url(sme.Me.OrgId, 999_999)), HttpStatusCode.NotFound);
        // An SME without a profile has nothing to plan from yet.
        var newcomer = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await newcomer.Client.GetAsync(Url(newcomer.Me.OrgId, requirement)), HttpStatusCode.NotFound);
    }
}

[Collection(SharedApps.SqliteA)]
public sealed class GapPlanApiTestsOnSqlite(SqliteApp app) : GapPlanApiTests(app);

[Collection(SharedApps.PostgresB)]
public sealed class GapPlanApiTestsOnPostgres(PostgresApp app) : GapPlanApiTests(app), IUsesPostgres;
