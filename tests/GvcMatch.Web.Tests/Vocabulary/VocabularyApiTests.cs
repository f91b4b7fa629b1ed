using System.Net;
using System.Text.Json;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Auth;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;

namespace GvcMatch.Web.Tests.Vocabulary;

/// <summary>The capability vocabulary as the forms and admins use it: suggestions, recognition, concepts, and the tags it does not know.</summary>
public abstract class VocabularyApiTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task SuggestionsComeInTheUsersLanguageWithTheEnglishName()
    {
        using var anyone = app.CreateClient();
        var es = await Expect.JsonAsync(await anyone.GetAsync("/api/vocabulary/suggest?q=fresado%20CNC&lang=es"), HttpStatusCode.OK);
        var cnc = es.EnumerateArray().First(s => s.GetProperty("id").GetString() == "cnc-milling");
        Assert.StartsWith("fresado", cnc.GetProperty("label").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("CNC milling", cnc.GetProperty("english").GetString());

        var ja = await Expect.JsonAsync(await anyone.GetAsync($"/api/vocabulary/suggest?q={Uri.EscapeDataString("粉体")}&lang=ja"), HttpStatusCode.OK);
        Assert.Contains(ja.EnumerateArray(), s => s.GetProperty("id").GetString() == "powder-coating");
    }

    [DatabaseFact]
    public async Task RecognisingATextNamesItsConceptsWithTheWordsThatNamedThem()
    {
        using var anyone = app.CreateClient();
        var text = Uri.EscapeDataString("当社は精密板金加工と粉体塗装を行います。Also electrostatic powder painting and broadcast equipment.");
        var found = (await Expect.JsonAsync(await anyone.GetAsync($"/api/vocabulary/recognise?text={text}&lang=en"), HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Contains(found, f => f.GetProperty("id").GetString() == "powder-coating" && f.GetProperty("text").GetString() == "粉体塗装");
        Assert.Contains(found, f => f.GetProperty("id").GetString() == "powder-coating" && f.GetProperty("text").GetString() == "electrostatic powder painting");
        // "cast" inside "broadcast" is no casting.
        Assert.DoesNotContain(found, f => f.GetProperty("text").GetString()!.Contains("broadcast", StringComparison.OrdinalIgnoreCase));
    }

    [DatabaseFact]
    public async Task AConceptShowsItsNamesInEveryLanguageAndWhereItSits()
    {
        using var anyone = app.CreateClient();
        var concept = await Expect.JsonAsync(await anyone.GetAsync("/api/vocabulary/concepts/cnc-milling"), HttpStatusCode.OK);
        Assert.Contains("フライス", concept.GetProperty("labels").GetProperty("ja")[0].GetString());
        Assert.Contains("milling", concept.GetProperty("broader").EnumerateArray().Select(b => b.GetString()));
        await Expect.ProblemAsync(await anyone.GetAsync("/api/vocabulary/concepts/no-such-thing"), HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task BadQueriesAreRefusedNamingTheParameter()
    {
        using var anyone = app.CreateClient();
        await Expect.ValidationErrorAsync(await anyone.GetAsync("/api/vocabulary/suggest"), "q");
        await Expect.ValidationErrorAsync(await anyone.GetAsync("/api/vocabulary/suggest?q=mill&take=0"), "take");
        await Expect.ValidationErrorAsync(await anyone.GetAsync("/api/vocabulary/suggest?q=mill&lang=xx"), "lang");
        await Expect.ValidationErrorAsync(await anyone.GetAsync($"/api/vocabulary/recognise?text={new string('a', 4001)}"), "text");
    }

    [DatabaseFact]
    public async Task AdminsSeeTheTagsTheVocabularyDoesNotKnowAndNobodyElseDoes()
    {
        var unknown = $"{SearchProbe.UniqueWord()} treatment";
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile("Parts made to order.") with { Capabilities = ["powder coating", unknown] });
        await Expect.ProblemAsync(await sme.Client.GetAsync("/api/admin/vocabulary/unknown-tags"), HttpStatusCode.Forbidden);

        var admin = await app.SignUpAsync(OrganizationKind.Mne);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        var report = await Expect.JsonAsync(await admin.Client.GetAsync("/api/admin/vocabulary/unknown-tags?take=500"), HttpStatusCode.OK);
        var tags = report.GetProperty("tags").EnumerateArray().ToList();
        var row = Assert.Single(tags, t => t.GetProperty("tag").GetString() == unknown);
        Assert.Equal(1, row.GetProperty("profiles").GetInt32());
        Assert.DoesNotContain(tags, t => t.GetProperty("tag").GetString() == "powder coating");
        await Expect.ValidationErrorAsync(await admin.Client.GetAsync("/api/admin/vocabulary/unknown-tags?take=0"), "take");

        using var browser = PageForms.Browser(app);
        await PageForms.SignInAsync(browser, admin.Email, admin.Password);
        var page = await browser.GetAsync("/Admin/Vocabulary");
        Assert.Contains(unknown, await page.Content.ReadAsStringAsync());
        using var smeBrowser = PageForms.Browser(app);
        await PageForms.SignInAsync(smeBrowser, sme.Email, sme.Password);
        await Expect.StatusAsync(await smeBrowser.GetAsync("/Admin/Vocabulary"), HttpStatusCode.Forbidden);
    }
}

public sealed class VocabularyApiTestsOnSqlite(SqliteApp app) : VocabularyApiTests(app), IClassFixture<SqliteApp>;
