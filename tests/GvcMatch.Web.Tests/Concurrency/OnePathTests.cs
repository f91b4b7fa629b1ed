using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Concurrency;

/// <summary>
/// The editor page and the API change a published requirement through one service, so they refuse
/// the same edits with the same words: a missing change note, a missing version, a stale version.
/// </summary>
[Collection(SharedApps.SqliteB)]
public sealed partial class OnePathTests(SqliteApp app)
{
    [Fact]
    public async Task ThePageAndTheApiRefuseTheSameEditsOfAPublishedRequirement()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await mne.PublishNewRequirementAsync();
        var url = $"/api/requirements/{id}";
        var editor = $"/Account/Requirements/Edit/{id}";
        using var browser = app.CreateClient();
        await CookieSignIn.SignInAsync(browser, mne.Email, mne.Password);
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Machined aluminium housings, revised",
            ["Input.ResponseDeadline"] = Samples.InDays(20).ToString("yyyy-MM-dd"),
            ["Input.Criteria[0].Kind"] = "CapabilityFit",
            ["Input.Criteria[0].Weight"] = "100",
            ["Input.Criteria[0].Keywords"] = "cnc milling",
        };
        var body = Samples.Requirement("Machined aluminium housings, revised");

        // No change note: the same field, the same words.
        var apiNoNote = await Expect.ProblemAsync(await mne.Client.PutCurrentAsync(url, body), HttpStatusCode.BadRequest);
        var noteRule = apiNoNote.GetProperty("errors").GetProperty("changeNote")[0].GetString()!;
        var pageNoNote = await PostAsync(browser, editor, fields);
        Assert.Contains("data-error-for=\"changeNote\"", pageNoNote);
        Assert.Contains(noteRule, pageNoNote);

        // No version named: 428 from the API, the same sentence on the page.
        fields["Input.ChangeNote"] = "Lead time.";
        var apiBlind = await Expect.ProblemAsync(await mne.Client.PutJsonAsync(url, body with { ChangeNote = "Lead time." }), HttpStatusCode.PreconditionRequired);
        Assert.Contains(Detail(apiBlind), await PostAsync(browser, editor, fields, stamp: ""));

        // A stale version: the page's form and the API's ETag were both read before someone else saved.
        var staleTag = await mne.Client.ETagAsync(url);
        var staleForm = await browser.GetStringAsync(editor);
        await Expect.StatusAsync(await mne.Client.SendIfMatchAsync(HttpMethod.Put, url, body with { Title = "First writer", ChangeNote = "First." }, staleTag),
            HttpStatusCode.OK);
        var apiStale = await Expect.ProblemAsync(await mne.Client.SendIfMatchAsync(HttpMethod.Put, url, body with { ChangeNote = "Second." }, staleTag),
            HttpStatusCode.PreconditionFailed);
        Assert.Contains(Detail(apiStale), await PostAsync(browser, editor, fields, form: staleForm));

        var stored = await app.WithDbAsync(db => db.Requirements.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal("First writer", stored.Title);
        Assert.Equal(2, stored.Version);
    }

    private static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString()!;

    /// <summary>Posts the editor's Save handler with the token (and, unless given, the stamp) of <paramref name="form"/>; answers the decoded page.</summary>
    private static async Task<string> PostAsync(HttpClient browser, string page, Dictionary<string, string> fields, string? form = null, string? stamp = null)
    {
        form ??= await browser.GetStringAsync(page);
        var posted = new Dictionary<string, string>(fields)
        {
            [AntiforgeryTokens.FormField] = AntiforgeryTokens.FormToken(form),
            ["Input.Stamp"] = stamp ?? StampField().Match(form).Groups[1].Value,
        };
        var response = await browser.PostAsync($"{page}?handler=Save", new FormUrlEncodedContent(posted));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("""name="Input.Stamp" value="([^"]*)" """)]
    private static partial Regex StampField();
}
