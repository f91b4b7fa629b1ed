using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.DevelopmentProgrammes;

/// <summary>The programme pages: the runner's form, enrolment by name, progress per SME, the SME's answer and the completed line on its public page.</summary>
public abstract class ProgrammePagesTests(GvcMatchApp app)
{
    private async Task<HttpClient> BrowserAsync(Member member)
    {
        var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        await CookieSignIn.SignInAsync(browser, member.Email, member.Password);
        return browser;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string page, string action, Dictionary<string, string> fields)
    {
        fields[AntiforgeryTokens.FormField] = await AntiforgeryTokens.FormTokenAsync(browser, page);
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [DatabaseFact]
    public async Task ARunnerCreatesEnrolsSetsAMilestoneAndRecordsCompletionThroughThePages()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync();
        var runner = await BrowserAsync(buyer);
        var today = app.Clock.GetUtcNow().ToString("yyyy-MM-dd");

        var refused = await PostAsync(runner, "/Programmes/Edit", "/Programmes/Edit", new() { ["Input.Title"] = "Suppliers of tomorrow", ["Input.Aim"] = "", ["Input.StartsOn"] = today, ["Input.EndsOn"] = today });
        Assert.NotNull(Html.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-error-for='aim']"));
        var created = await PostAsync(runner, "/Programmes/Edit", "/Programmes/Edit",
            new() { ["Input.Title"] = "Suppliers of tomorrow", ["Input.Aim"] = "Coach two SMEs.", ["Input.StartsOn"] = today, ["Input.EndsOn"] = today, ["Input.IsicCodes"] = "2592" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        var id = int.Parse(page.Split('/').Last());

        var search = Html.Parse(await runner.GetStringAsync($"{page}?q={Uri.EscapeDataString(sme.Me.OrganizationName!)}"));
        Assert.NotNull(search.QuerySelector($"#candidates input[name=organizationId][value='{sme.Me.OrgId}']"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(runner, page, $"{page}?handler=Enrol", new() { ["organizationId"] = $"{sme.Me.OrgId}" })).StatusCode);
        var milestone = await PostAsync(runner, page, $"{page}?handler=Milestone", new() { ["Milestone.Kind"] = "Text", ["Milestone.Title"] = "" });
        var refusedMilestone = Html.Parse(await milestone.Content.ReadAsStringAsync());
        Assert.NotNull(refusedMilestone.QuerySelector("#milestone-form [data-error-for='title']"));
        Assert.Equal("Text", refusedMilestone.QuerySelector("#m-kind option[selected]")?.GetAttribute("value"));
        await PostAsync(runner, page, $"{page}?handler=Milestone", new() { ["Milestone.Kind"] = "Text", ["Milestone.Title"] = "Quality plan written", ["Milestone.EnrolmentId"] = "" });

        // The SME answers from its list; its page then shows its progress.
        var smeBrowser = await BrowserAsync(sme);
        var list = Html.Parse(await smeBrowser.GetStringAsync("/Programmes"));
        var enrolment = int.Parse(list.QuerySelector("#my-enrolments .enrolment")!.GetAttribute("data-enrolment")!);
        await PostAsync(smeBrowser, "/Programmes", $"/Programmes?id={id}&enrolmentId={enrolment}&handler=Answer", new() { ["accept"] = "true" });
        Assert.Contains("0 of 1 milestones met", Html.Parse(await smeBrowser.GetStringAsync(page)).QuerySelector("#my-progress")!.TextContent);

        var runnerView = Html.Parse(await runner.GetStringAsync(page));
        Assert.Equal("0", runnerView.QuerySelector($"#enrolment-{enrolment} .progress-figure")!.GetAttribute("data-met"));
        var early = await PostAsync(runner, page, $"{page}?handler=Complete", new() { ["enrolmentId"] = $"{enrolment}" });
        Assert.Contains("0 of 1", Html.Parse(await early.Content.ReadAsStringAsync()).QuerySelector($"#enrolment-{enrolment} .row-error")!.TextContent);
        var milestoneId = runnerView.QuerySelector($"#enrolment-{enrolment} tr[data-milestone]")!.GetAttribute("data-milestone")!;
        await PostAsync(runner, page, $"{page}?handler=Mark", new() { ["enrolmentId"] = $"{enrolment}", ["milestoneId"] = milestoneId, ["note"] = "Plan read and approved." });
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(runner, page, $"{page}?handler=Complete", new() { ["enrolmentId"] = $"{enrolment}" })).StatusCode);

        var conversation = await PostAsync(smeBrowser, page, $"{page}?handler=Conversation", new() { ["enrolmentId"] = $"{enrolment}" });
        Assert.StartsWith("/Conversations/", conversation.Headers.Location!.OriginalString);

        Assert.Contains(buyer.Me.OrganizationName!, Html.Parse(await sme.Client.GetStringAsync($"/Suppliers/{sme.Me.OrgId}")).QuerySelector("#completed-programmes")!.TextContent);
    }

    [DatabaseFact]
    public async Task StrangersSeeTheProgrammeButNotItsEnrolmentsOrForms()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var rival = await app.SignUpAsync(OrganizationKind.Mne);
        var programme = await app.CreateProgrammeAsync(buyer);
        await buyer.EnrolAsync(programme, sme);
        var shown = Html.Parse(await rival.Client.GetStringAsync($"/Programmes/{programme}"));
        Assert.Null(shown.QuerySelector("#enrolments"));
        Assert.DoesNotContain(sme.Me.OrganizationName!, shown.Body!.TextContent);
        await Expect.StatusAsync(await rival.Client.GetAsync($"/Programmes/Edit/{programme}"), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await sme.Client.GetAsync("/Programmes/Edit"), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await app.CreateClient().GetAsync($"/Programmes/{programme}"), HttpStatusCode.OK);
        await Expect.StatusAsync(await app.CreateClient().GetAsync("/Programmes/999999"), HttpStatusCode.NotFound);
    }
}

public sealed class ProgrammePagesTestsOnSqlite(SqliteApp app) : ProgrammePagesTests(app), IClassFixture<SqliteApp>;

public sealed class ProgrammePagesTestsOnPostgres(PostgresApp app) : ProgrammePagesTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
