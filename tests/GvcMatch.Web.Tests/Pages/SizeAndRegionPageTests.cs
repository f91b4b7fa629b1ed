using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Pages;

/// <summary>The profile page edits the employee count; the requirement editor offers regions and employee ranges.</summary>
[Collection(SharedApps.SqliteB)]
public sealed class SizeAndRegionPageTests(SqliteApp app)
{
    [Fact]
    public async Task AnSmeStatesItsEmployeeCountOnTheProfilePage()
    {
        var owner = await app.SignUpAsync(OrganizationKind.Sme);
        using var browser = app.CreateClient();
        await CookieSignIn.SignInAsync(browser, owner.Email, owner.Password);

        var refused = await PostAsync(browser, "/Account/Profile", "Save", new() { ["Input.Summary"] = "Die casting", ["Input.EmployeeCount"] = "-4" });
        Assert.Contains("data-error-for=\"employeeCount\"", await refused.Content.ReadAsStringAsync());

        await PostAsync(browser, "/Account/Profile", "Save", new() { ["Input.Summary"] = "Die casting", ["Input.EmployeeCount"] = "260" });
        var org = await app.WithDbAsync(db => db.Organizations.Include(o => o.Profile).SingleAsync(o => o.Id == owner.Me.OrgId));
        Assert.Equal(260, org.Profile!.EmployeeCount);
        Assert.Equal(SizeBand.Large, org.SizeBand);
        var page = await (await browser.GetAsync("/Account/Profile")).Content.ReadAsStringAsync();
        Assert.Equal("260", Html.FieldValue(page, "Input.EmployeeCount"));
        Assert.Contains("Size band Large", page);
    }

    [Fact]
    public async Task ABuyerAsksForARegionAndAnEmployeeRangeThroughTheEditor()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        using var browser = app.CreateClient();
        await CookieSignIn.SignInAsync(browser, mne.Email, mne.Password);
        var editor = await (await browser.GetAsync("/Account/Requirements/Edit")).Content.ReadAsStringAsync();
        Assert.Contains("<option value=\"Mercosur\">", editor);

        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Die-cast pump housings",
            ["Input.ResponseDeadline"] = Samples.InDays(20).ToString("yyyy-MM-dd"),
            ["Input.Criteria[0].Kind"] = "LocationIn",
            ["Input.Criteria[0].Mandatory"] = "true",
            ["Input.Criteria[0].Regions"] = "EU, Atlantis",
            ["Input.Criteria[1].Kind"] = "CompanySize",
            ["Input.Criteria[1].Mandatory"] = "true",
            ["Input.Criteria[1].MinEmployees"] = "50",
            ["Input.Criteria[1].MaxEmployees"] = "20",
        };
        var refused = await PostAsync(browser, "/Account/Requirements/Edit", "Save", fields);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-error-for=\"criteria[0].regions\"", html);
        Assert.Contains("data-error-for=\"criteria[1].maxEmployees\"", html);

        fields["Input.Criteria[0].Regions"] = "EU";
        fields["Input.Criteria[1].MaxEmployees"] = "";
        await PostAsync(browser, "/Account/Requirements/Edit", "Save", fields);
        var saved = await app.WithDbAsync(db => db.Requirements.SingleAsync(r => r.OrganizationId == mne.Me.OrgId));
        Assert.Equal(["EU"], saved.Criteria[0].Regions);
        Assert.Equal(50, saved.Criteria[1].MinEmployees);
        Assert.Null(saved.Criteria[1].MaxEmployees);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, string page, string handler, Dictionary<string, string> fields) =>
        RequirementEditorTests.PostAsync(browser, page, handler, fields);
}
