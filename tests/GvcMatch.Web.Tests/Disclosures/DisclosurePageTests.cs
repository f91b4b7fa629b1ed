using System.Net;
using GvcMatch.Matching.Disclosures;
using GvcMatch.Web.Features.Disclosures;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Disclosures;

/// <summary>
/// The SME discloses on its Sustainability page (errors beside the form, a year changed in place),
/// the public supplier page shows the disclosures with their evidence, in Spanish and Japanese too,
/// and the criteria editor offers the new kind.
/// </summary>
public abstract class DisclosurePageTests(GvcMatchApp app)
{
    private static readonly int Year = DateTime.UtcNow.Year - 1;

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient browser, params (string Field, string Value)[] fields)
    {
        var page = await (await browser.GetAsync("/Account/Sustainability")).Content.ReadAsStringAsync();
        return await browser.PostAsync("/Account/Sustainability", new FormUrlEncodedContent(
            fields.Select(f => new KeyValuePair<string, string>($"Input.{f.Field}", f.Value))
                .Append(new("__RequestVerificationToken", AntiforgeryTokens.FormToken(page)))));
    }

    [DatabaseFact]
    public async Task AnSmeDisclosesOnItsPageAndThePublicPageShowsIt()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync();
        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/organizations/{sme.Me.OrgId}/profile/publish"), HttpStatusCode.OK);
        using var browser = Auth.PageForms.Browser(app);
        await Auth.PageForms.SignInAsync(browser, sme.Email, sme.Password);

        var bad = await SaveAsync(browser, ("Topic", "Energy"), ("Year", $"{Year}"), ("EnergyMwh", "900"), ("RenewableSharePercent", "150"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("renewableSharePercent", await bad.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(browser, ("Topic", "Energy"), ("Year", $"{Year}"), ("EnergyMwh", "900"), ("RenewableSharePercent", "45"))).StatusCode);
        // The same topic and year changes that year; nothing is added.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(browser, ("Topic", "Energy"), ("Year", $"{Year}"), ("EnergyMwh", "900"), ("RenewableSharePercent", "55"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(browser, ("Topic", "LabourPolicy"), ("Year", $"{Year}"), ("HasPolicy", "true"), ("CoversSuppliers", "true"))).StatusCode);
        var stored = (await Expect.JsonAsync(await sme.Client.GetAsync(DisclosuresApi.Url(sme.Me.OrgId)), HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(2, stored.Count);
        Assert.Equal(55, stored.Single(d => d.GetProperty("topic").GetString() == "Energy").GetProperty("renewableSharePercent").GetDecimal());

        using var visitor = app.CreateClient();
        var html = WebUtility.HtmlDecode(await (await visitor.GetAsync($"/Suppliers/{sme.Me.OrgId}")).Content.ReadAsStringAsync());
        var section = Html.Parse(html).GetElementById("sustainability");
        Assert.NotNull(section);
        Assert.Contains("Energy use", section.TextContent);
        Assert.Contains("900 MWh, 55 % renewable", section.TextContent);
        Assert.Contains("policy in place; covers suppliers", section.TextContent);
        Assert.Contains("self-declared", section.TextContent);

        foreach (var (language, heading, topic) in new[] { ("es", "Sostenibilidad", "Consumo de energía"), ("ja", "サステナビリティ", "エネルギー使用量") })
        {
            using var reader = app.CreateClient();
            reader.DefaultRequestHeaders.Add("Accept-Language", language);
            var translated = Html.Parse(await (await reader.GetAsync($"/Suppliers/{sme.Me.OrgId}")).Content.ReadAsStringAsync()).GetElementById("sustainability")!.TextContent;
            Assert.Contains(heading, translated);
            Assert.Contains(topic, translated);
            Assert.DoesNotContain("Energy use", translated);
        }
    }

    [DatabaseFact]
    public async Task OnlyAnSmeOpensTheDisclosurePageAndTheCriteriaEditorOffersTheKind()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.Client.GetAsync("/Account/Sustainability")).StatusCode);
        var editor = await (await buyer.Client.GetAsync("/Account/Requirements/Edit")).Content.ReadAsStringAsync();
        Assert.Contains("value=\"DisclosureProvided\"", editor);
        Assert.Contains("value=\"CarbonFootprint\"", editor);
        Assert.Contains(nameof(DisclosureTopic.Energy), editor);
    }
}

[Collection(SharedApps.SqliteB)]
public sealed class DisclosurePageTestsOnSqlite(SqliteApp app) : DisclosurePageTests(app);

[Collection(SharedApps.PostgresB)]
public sealed class DisclosurePageTestsOnPostgres(PostgresApp app) : DisclosurePageTests(app), IUsesPostgres;
