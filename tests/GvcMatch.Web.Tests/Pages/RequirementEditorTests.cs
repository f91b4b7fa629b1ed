using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Pages;

/// <summary>The buyer's requirement editor, driven through its form as a browser without JavaScript would.</summary>
[Collection(SharedApps.SqliteA)]
public sealed class RequirementEditorTests(SqliteApp app)
{
    [Fact]
    public async Task ABuyerCreatesPublishesAndRevisesARequirementThroughTheForm()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        using var browser = app.CreateClient();
        await CookieSignIn.SignInAsync(browser, mne.Email, mne.Password);

        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Die-cast pump housings",
            ["Input.ResponseDeadline"] = Samples.InDays(20).ToString("yyyy-MM-dd"),
            ["Input.Criteria[0].Kind"] = "CertificationHeld",
            ["Input.Criteria[0].Mandatory"] = "true",
            ["Input.Criteria[0].Standard"] = "ISO 9001",
            ["Input.Criteria[1].Kind"] = "",
            ["Input.Criteria[2].Kind"] = "CapabilityFit",
            ["Input.Criteria[2].Weight"] = "70",
            ["Input.Criteria[2].Keywords"] = "die casting, machining",
            ["Input.Criteria[3].Kind"] = "LeadTimeAtMost",
            ["Input.Criteria[3].Weight"] = "20",
            ["Input.Criteria[3].Days"] = "30",
        };
        var refused = await PostAsync(browser, "/Account/Requirements/Edit", "Save", fields);
        await Expect.StatusAsync(refused, HttpStatusCode.OK);
        Assert.Contains("they sum to 90", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        fields["Input.Criteria[3].Weight"] = "30";
        var created = await PostAsync(browser, "/Account/Requirements/Edit", "Save", fields);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = await app.WithDbAsync(db => db.Requirements.Where(r => r.OrganizationId == mne.Me.OrgId).Select(r => r.Id).SingleAsync());
        var editor = $"/Account/Requirements/Edit/{id}";
        await PostAsync(browser, editor, "Publish", []);

        fields["Input.Criteria[3].Days"] = "21";
        var withoutNote = await PostAsync(browser, editor, "Save", fields);
        Assert.Contains("data-error-for=\"changeNote\"", await withoutNote.Content.ReadAsStringAsync());
        fields["Input.ChangeNote"] = "Shorter lead time.";
        await PostAsync(browser, editor, "Save", fields);

        var saved = await app.WithDbAsync(db => db.Requirements.Include(r => r.Versions).SingleAsync(r => r.Id == id));
        Assert.Equal(RequirementStatus.Published, saved.Status);
        Assert.Equal(2, saved.Version);
        Assert.Equal(3, saved.Criteria.Count);
        Assert.Equal(21, saved.Criteria[2].Days);
        Assert.Equal("Shorter lead time.", saved.Versions.OrderBy(v => v.Number).Last().ChangeNote);
    }

    /// <summary>Fetches the form for a fresh antiforgery token, then posts to one handler and follows the redirect.</summary>
    internal static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string page, string handler, Dictionary<string, string> fields)
    {
        var form = await (await browser.GetAsync(page)).Content.ReadAsStringAsync();
        var body = new Dictionary<string, string>(fields) { [AntiforgeryTokens.FormField] = AntiforgeryTokens.FormToken(form) };
        if (Html.FieldValue(form, "Input.Stamp") is { } stamp) body["Input.Stamp"] = stamp;
        return await browser.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(body));
    }
}
