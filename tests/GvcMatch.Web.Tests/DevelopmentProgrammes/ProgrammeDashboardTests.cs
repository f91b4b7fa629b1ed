using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Awards;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.DevelopmentProgrammes;

/// <summary>The SME's dashboard shows its programmes with milestone progress and open ones in its sector; only the runner changes a programme through the pages.</summary>
public abstract class ProgrammeDashboardTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task AnSmesDashboardShowsItsProgrammesWithMilestoneProgressAndOpenOnesInItsSector()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var other = await app.SignUpAsync(OrganizationKind.Mne);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync();
        var joined = await app.CreateProgrammeAsync(buyer);
        var enrolment = await buyer.EnrolAsync(joined, sme);
        await buyer.MilestoneAsync(joined, new { kind = "Certificate", standard = "ISO 14001" });
        var plan = await buyer.MilestoneAsync(joined, new { kind = "Text", title = "Quality plan written", enrolmentId = enrolment });
        await Expect.StatusAsync(await buyer.Client.PostJsonAsync($"/api/development-programmes/{joined}/enrolments/{enrolment}/milestones/{plan}/done", new { note = "Read and approved." }), HttpStatusCode.OK);
        var sameSector = await app.CreateProgrammeAsync(other);
        var otherSector = (await Expect.JsonAsync(await other.Client.PostJsonAsync("/api/development-programmes", new
        {
            title = "Bakers of tomorrow", aim = "Better ovens for small bakeries.", startsOn = app.ClockToday(), endsOn = app.ClockToday().AddMonths(6), isicCodes = new[] { "1071" },
        }), HttpStatusCode.Created)).GetProperty("id").GetInt32();

        var dashboard = Html.Parse(await sme.Client.GetStringAsync("/Account/Dashboard"));

        var mine = dashboard.QuerySelector($"#my-programme-progress .enrolment[data-programme='{joined}']");
        Assert.NotNull(mine);
        Assert.Equal(("1", "2"), (mine.GetAttribute("data-met"), mine.GetAttribute("data-total")));
        Assert.Equal("1", mine.QuerySelector("[role=progressbar]")!.GetAttribute("aria-valuenow"));
        Assert.Equal(["false", "true"], mine.QuerySelectorAll(".milestones li").Select(li => li.GetAttribute("data-met")).Order());
        var relevant = dashboard.QuerySelectorAll("#relevant-programmes [data-programme]").Select(li => li.GetAttribute("data-programme")).ToList();
        Assert.Contains($"{sameSector}", relevant);
        Assert.DoesNotContain($"{otherSector}", relevant);
        Assert.DoesNotContain($"{joined}", relevant);

        // A buyer's dashboard has no SME section, only the way to the programmes it runs.
        var buyers = Html.Parse(await buyer.Client.GetStringAsync("/Account/Dashboard"));
        Assert.Null(buyers.QuerySelector("#dashboard-programmes"));
        Assert.NotNull(buyers.QuerySelector("#programmes-summary"));
    }

    [DatabaseFact]
    public async Task OnlyTheRunnersMembersChangeAProgrammeThroughItsPages()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var rival = await app.SignUpAsync(OrganizationKind.Mne);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var programme = await app.CreateProgrammeAsync(buyer);
        var today = app.ClockToday().ToString("yyyy-MM-dd");

        foreach (var stranger in new[] { rival, sme })
        {
            var browser = app.CreateClient(new() { AllowAutoRedirect = false });
            await CookieSignIn.SignInAsync(browser, stranger.Email, stranger.Password);
            var page = $"/Programmes/{programme}";
            var edit = await PostAsync(browser, page, $"/Programmes/Edit/{programme}",
                new() { ["Input.Title"] = "Taken over", ["Input.Aim"] = "Not ours.", ["Input.StartsOn"] = today, ["Input.EndsOn"] = today });
            AssertRefused(edit);
            AssertRefused(await PostAsync(browser, page, $"{page}?handler=Milestone", new() { ["Milestone.Kind"] = "Text", ["Milestone.Title"] = "Not ours" }));
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(browser, page, "/Programmes/Edit/999999",
                new() { ["Input.Title"] = "Nothing", ["Input.Aim"] = "Nothing.", ["Input.StartsOn"] = today, ["Input.EndsOn"] = today })).StatusCode);
        }

        var shown = await Expect.JsonAsync(await app.CreateClient().GetAsync($"/api/development-programmes/{programme}"), HttpStatusCode.OK);
        Assert.NotEqual("Taken over", shown.GetProperty("title").GetString());
        Assert.Empty(shown.GetProperty("milestonesForAll").EnumerateArray());
    }

    /// <summary>A browser is refused with 403, or sent to the access-denied page that answers 403.</summary>
    private static void AssertRefused(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || response.Headers.Location?.OriginalString.Contains("/Identity/Account/AccessDenied", StringComparison.Ordinal) == true,
            $"Expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string page, string action, Dictionary<string, string> fields)
    {
        fields[AntiforgeryTokens.FormField] = await AntiforgeryTokens.FormTokenAsync(browser, page);
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}

public sealed class ProgrammeDashboardTestsOnSqlite(SqliteApp app) : ProgrammeDashboardTests(app), IClassFixture<SqliteApp>;
