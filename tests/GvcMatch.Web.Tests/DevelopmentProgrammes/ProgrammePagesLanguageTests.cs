using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Localization;

namespace GvcMatch.Web.Tests.DevelopmentProgrammes;

/// <summary>The programme pages, the declared shares and the concentration page in Spanish and Japanese, with data behind every section.</summary>
public sealed class ProgrammePagesLanguageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    public static TheoryData<string> Languages => new(ResourceFiles.Translations);

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TheRunnersAndTheSmesPagesShowNoEnglishInterfaceText(string language)
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync();
        var programme = await app.CreateProgrammeAsync(buyer);
        var enrolment = await buyer.EnrolAsync(programme, sme);
        await buyer.MilestoneAsync(programme, new { kind = "Capability", conceptId = "anodizing" });
        await buyer.MilestoneAsync(programme, new { kind = "Certificate", standard = "ISO 14001" });
        await buyer.MilestoneAsync(programme, new { kind = "Capacity", minimum = 5000, unit = "pieces" });
        var text = await buyer.MilestoneAsync(programme, new { kind = "Text", title = "Quality plan", enrolmentId = enrolment });
        await Expect.StatusAsync(await buyer.Client.PostJsonAsync($"/api/development-programmes/{programme}/enrolments/{enrolment}/milestones/{text}/done", new { note = "Read." }), HttpStatusCode.OK);
        // An open programme in the SME's sector it is not in, for its dashboard to suggest.
        await app.CreateProgrammeAsync(await app.SignUpAsync(OrganizationKind.Mne));
        var year = app.Clock.GetUtcNow().Year - 1;
        await Expect.StatusAsync(await sme.Client.PutJsonAsync($"/api/organizations/{sme.Me.OrgId}/revenue-shares/declared",
            new { customers = new[] { new { customerName = "Kobe Foods", year, sharePercent = 60 } } }), HttpStatusCode.OK);

        buyer.Client.DefaultRequestHeaders.Add("Accept-Language", language);
        foreach (var page in new[] { "/Programmes", $"/Programmes/{programme}", "/Programmes/Edit", $"/Programmes/Edit/{programme}", "/Account/Concentration", "/Account/Dashboard" })
            await UntranslatedPageTests.AssertTranslatedAsync(buyer.Client, page, language);
        sme.Client.DefaultRequestHeaders.Add("Accept-Language", language);
        foreach (var page in new[] { "/Programmes", $"/Programmes/{programme}", "/Account/Dashboard", "/Account/RevenueShares", $"/Suppliers/{sme.Me.OrgId}" })
            await UntranslatedPageTests.AssertTranslatedAsync(sme.Client, page, language);
    }
}
