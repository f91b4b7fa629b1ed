using System.Net;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.DevelopmentProgrammes;

/// <summary>A gap plan names the open development programmes whose milestones close a gap, beside the support programmes.</summary>
public sealed class GapPlanProgrammesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task AnOpenProgrammeWithACertificateMilestoneIsListedBesideThatGapOnly()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await buyer.PublishNewRequirementAsync(Samples.Requirement("Housings with an environmental system") with
        {
            Criteria =
            [
                new Criterion { Kind = CriterionKind.CertificationHeld, Weight = 50, Standard = "ISO 14001" },
                new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 50, Days = 10 },
            ],
        });
        var runner = await app.SignUpAsync(OrganizationKind.Mne);
        // Ending today, it comes before the longer programmes other tests may have opened.
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var programme = (await Expect.JsonAsync(await runner.Client.PostJsonAsync("/api/development-programmes",
            new { title = "ISO 14001 in a year", aim = "Environmental management for machining shops.", startsOn = today, endsOn = today }), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await runner.MilestoneAsync(programme, new { kind = "Certificate", standard = "ISO 14001" });
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile() with { LeadTimeDays = 30 });

        var plan = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/gap-plans/requirements/{requirement}"), HttpStatusCode.OK);
        var gaps = plan.GetProperty("gaps").EnumerateArray().ToDictionary(g => g.GetProperty("index").GetInt32());
        Assert.Contains(gaps[0].GetProperty("developmentProgrammes").EnumerateArray(), p => p.GetProperty("id").GetInt32() == programme);
        Assert.Empty(gaps[1].GetProperty("developmentProgrammes").EnumerateArray());
        var page = Html.Parse(await sme.Client.GetStringAsync($"/Requirements/{requirement}/GapPlan"));
        Assert.NotNull(page.QuerySelector($".gap[data-index='0'] .development-programmes a[href='/Programmes/{programme}']"));
    }
}
