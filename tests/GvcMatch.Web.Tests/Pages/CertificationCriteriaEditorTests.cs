using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Pages;

/// <summary>
/// The requirement editor's certification criteria: several accepted standards with scopes, a
/// minimum evidence level and the consortium scope survive a trip through the page unchanged, and
/// a scope the standard is not issued for is shown next to its field.
/// </summary>
[Collection(SharedApps.SqliteA)]
public sealed class CertificationCriteriaEditorTests(SqliteApp app)
{
    private static readonly Criterion[] Certifications =
    [
        new()
        {
            Kind = CriterionKind.CertificationHeld, Mandatory = true, MinimumEvidence = EvidenceLevel.DocumentChecked, AppliesTo = CriterionScope.EveryMember,
            AnyOf = [new AcceptedStandard("NADCAP", "Chemical Processing"), new AcceptedStandard("ISO 14644", "7"), new AcceptedStandard("Regional Coating Seal")],
        },
        new() { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 14644", Scope = "8" },
        new() { Kind = CriterionKind.CertificationHeld, Mandatory = true, AnyOf = [new AcceptedStandard("FSSC 22000")], MinimumEvidence = EvidenceLevel.VerifiedByIssuer },
    ];

    [Fact]
    public async Task CertificationCriteriaMadeThroughTheApiComeBackUnchangedAfterTheEditorSavesThem()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await mne.CreateRequirementAsync(Samples.Requirement() with { Criteria = [.. Certifications, .. Samples.Requirement().Criteria!.Skip(1)] });
        var before = await CriteriaAsync(mne, id);
        Assert.Equal(3, before.EnumerateArray().Count(c => c.GetProperty("kind").GetString() == "CertificationHeld"));

        using var browser = app.CreateClient();
        await CookieSignIn.SignInAsync(browser, mne.Email, mne.Password);
        var editor = $"/Account/Requirements/Edit/{id}";
        var page = await (await browser.GetAsync(editor)).Content.ReadAsStringAsync();
        var saved = await browser.PostAsync($"{editor}?handler=Save", new FormUrlEncodedContent(FormFields(page)));
        Assert.True(saved.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"Saving answered {saved.StatusCode}");
        Assert.DoesNotContain("is-invalid", await saved.Content.ReadAsStringAsync());

        var after = await CriteriaAsync(mne, id);
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [Fact]
    public async Task AnUnknownScopeOfAnEquivalentStandardIsShownNextToItsField()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        using var browser = app.CreateClient();
        await CookieSignIn.SignInAsync(browser, mne.Email, mne.Password);
        var page = await (await browser.GetAsync("/Account/Requirements/Edit")).Content.ReadAsStringAsync();
        var fields = new Dictionary<string, string>
        {
            [AntiforgeryTokens.FormField] = AntiforgeryTokens.FormToken(page),
            ["Input.Title"] = "Cleanroom assembly",
            ["Input.ResponseDeadline"] = Samples.InDays(20).ToString("yyyy-MM-dd"),
            ["Input.Criteria[0].Kind"] = "CertificationHeld",
            ["Input.Criteria[0].Mandatory"] = "true",
            ["Input.Criteria[0].Standard"] = "ISO 13485",
            ["Input.Criteria[0].Equivalents[0].Standard"] = "ISO 14644",
            ["Input.Criteria[0].Equivalents[0].Scope"] = "class 10",
            ["Input.Criteria[0].MinimumEvidence"] = "DocumentChecked",
            ["Input.Criteria[1].Kind"] = "CapabilityFit",
            ["Input.Criteria[1].Weight"] = "100",
            ["Input.Criteria[1].Keywords"] = "cleanroom assembly",
        };
        var refused = await browser.PostAsync("/Account/Requirements/Edit?handler=Save", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("is-invalid", html.GetElementById("crit-0-scope-0")!.ClassName);
        Assert.NotNull(html.QuerySelector("[data-error-for='criteria[0].anyOf[1].scope']"));
        // What was typed is shown again, the second standard and the evidence level included.
        Assert.Equal("ISO 14644", ((IHtmlInputElement)html.GetElementById("crit-0-std-0")!).Value);
        Assert.Equal("DocumentChecked", ((IHtmlSelectElement)html.GetElementById("crit-0-evidence")!).Value);
        Assert.Equal("scopes-iso-14644", html.GetElementById("crit-0-scope-0")!.GetAttribute("list"));
    }

    private static async Task<JsonElement> CriteriaAsync(Member mne, int id) =>
        (await Expect.JsonAsync(await mne.Client.GetAsync($"/api/requirements/{id}"), HttpStatusCode.OK)).GetProperty("criteria");

    /// <summary>What a browser would post from the requirement form as it was served: every field, checked boxes only, selected options.</summary>
    private static Dictionary<string, string> FormFields(string page)
    {
        var form = (IHtmlFormElement)Html.Parse(page).GetElementById("requirement-form")!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name)) continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                case IHtmlInputElement { Type: "submit" or "button" }:
                case IHtmlButtonElement:
                    continue;
                case IHtmlInputElement input: fields.Add(new(name, input.Value)); break;
                case IHtmlSelectElement select: fields.Add(new(name, select.Value ?? "")); break;
                case IHtmlTextAreaElement area: fields.Add(new(name, area.Value)); break;
            }
        }
        // Repeated names (none in this form) would need a list; a dictionary keeps the test simple and fails loudly if one appears.
        return fields.ToDictionary(f => f.Key, f => f.Value);
    }
}
