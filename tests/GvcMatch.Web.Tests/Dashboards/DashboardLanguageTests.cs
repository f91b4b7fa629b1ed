using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Dependency;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Localization;
using GvcMatch.Web.Tests.Search;

namespace GvcMatch.Web.Tests.Dashboards;

/// <summary>The dashboards' charts and the platform figures in Spanish and Japanese, with no English interface text left.</summary>
[Collection(SharedApps.SqliteA)]
public sealed class DashboardLanguageTests(SqliteApp app)
{
    public static TheoryData<string> Languages => new(ResourceFiles.Translations);

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task DashboardsAndPlatformFiguresShowNoEnglishInterfaceText(string language)
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile());
        await sme.PublishProfileAsync();
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        await app.AwardAsync(buyer, sme, "2592", 500);
        await Expect.StatusAsync(await buyer.Client.GetAsync($"/Suppliers/{sme.Me.OrgId}"), HttpStatusCode.OK);
        await app.FlushCountersAsync();

        foreach (var member in new[] { sme, buyer })
        {
            member.Client.DefaultRequestHeaders.Add("Accept-Language", language);
            await UntranslatedPageTests.AssertTranslatedAsync(member.Client, "/Account/Dashboard", language);
        }
        await UntranslatedPageTests.AssertTranslatedAsync(buyer.Client, "/Admin/Figures", language, HttpStatusCode.Forbidden);
        await app.MakePlatformAdminAsync(buyer.Me.UserId);
        await UntranslatedPageTests.AssertTranslatedAsync(buyer.Client, "/Admin/Figures", language);
    }
}
