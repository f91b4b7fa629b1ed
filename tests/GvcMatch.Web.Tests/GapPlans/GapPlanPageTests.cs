using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Localization;

namespace GvcMatch.Web.Tests.GapPlans;

/// <summary>The gap plan page, reached from the requirement page, in the SME's language; nobody else opens it.</summary>
[Collection(SharedApps.SqliteA)]
public sealed class GapPlanPageTests(SqliteApp app)
{
    [Fact]
    public async Task TheSmeReachesItsGapPlanFromTheRequirementPageAndSeesWhatEachGapIsWorth()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await mne.PublishNewRequirementAsync(GapPlanApiTests.FourGaps());
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile() with { LeadTimeDays = 30 });

        var details = await sme.Client.GetStringAsync($"/Requirements/{requirement}");
        Assert.Equal($"/Requirements/{requirement}/GapPlan", Html.Parse(details).QuerySelector("#gap-plan-link")?.GetAttribute("href"));

        var page = Html.Parse(await sme.Client.GetStringAsync($"/Requirements/{requirement}/GapPlan"));
        var gaps = page.QuerySelectorAll(".gap").ToList();
        Assert.Equal(["1", "2", "3", "4"], gaps.Select(g => g.GetAttribute("data-index")));
        Assert.Equal(["+30.0 points", "+20.0 points", "+15.0 points"], gaps.Skip(1).Select(g => g.QuerySelector(".gain")!.TextContent.Trim()));
        Assert.Null(gaps[0].QuerySelector(".gain"));
        Assert.Contains("Shorten your lead time to 20 days", gaps[2].QuerySelector(".action")!.TextContent);
    }

    [Fact]
    public async Task BuyersAndVisitorsCannotOpenAGapPlan()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await mne.PublishNewRequirementAsync(GapPlanApiTests.FourGaps());
        Assert.Equal(HttpStatusCode.Forbidden, (await mne.Client.GetAsync($"/Requirements/{requirement}/GapPlan")).StatusCode);
        using var visitor = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await visitor.GetAsync($"/Requirements/{requirement}/GapPlan")).StatusCode);
    }

    [Theory]
    [InlineData("es")]
    [InlineData("ja")]
    public async Task TheGapPlanAndTheDirectoryShowNoEnglishInterfaceText(string language)
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await mne.PublishNewRequirementAsync(GapPlanApiTests.FourGaps());
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile() with { LeadTimeDays = 30 });
        sme.Client.DefaultRequestHeaders.Add("Accept-Language", language);
        await UntranslatedPageTests.AssertTranslatedAsync(sme.Client, $"/Requirements/{requirement}/GapPlan", language);
        await UntranslatedPageTests.AssertTranslatedAsync(sme.Client, "/SupportProgrammes?country=TR", language);
    }
}
