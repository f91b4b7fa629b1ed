using System.Net;
using System.Text.Json;
using GvcMatch.Web.Tests.Awards;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.DevelopmentProgrammes;

/// <summary>Set-up for programme tests: a programme, enrolments and the progress the runner reads.</summary>
public static class ProgrammeKit
{
    public static object Programme(GvcMatchApp app, string title = "Coating suppliers of tomorrow") => new
    {
        title, aim = "Bring three coating shops to ISO 14001 and powder coating within a year.",
        startsOn = app.ClockToday(), endsOn = app.ClockToday().AddMonths(12), isicCodes = new[] { "2592" },
    };

    public static async Task<int> CreateProgrammeAsync(this GvcMatchApp app, Member runner) =>
        (await Expect.JsonAsync(await runner.Client.PostJsonAsync("/api/development-programmes", Programme(app)), HttpStatusCode.Created)).GetProperty("id").GetInt32();

    /// <summary>Enrols the SME and, when <paramref name="accept"/>, has it accept; the enrolment id.</summary>
    public static async Task<int> EnrolAsync(this Member runner, int programme, Member sme, bool accept = true)
    {
        var enrolment = (await Expect.JsonAsync(await runner.Client.PostJsonAsync($"/api/development-programmes/{programme}/enrolments",
            new { organizationId = sme.Me.OrgId }), HttpStatusCode.OK)).GetProperty("enrolmentId").GetInt32();
        if (accept)
            await Expect.StatusAsync(await sme.Client.PostJsonAsync($"/api/development-programmes/{programme}/enrolments/{enrolment}/answer", new { accept = true }), HttpStatusCode.OK);
        return enrolment;
    }

    public static async Task<int> MilestoneAsync(this Member runner, int programme, object milestone) =>
        (await Expect.JsonAsync(await runner.Client.PostJsonAsync($"/api/development-programmes/{programme}/milestones", milestone), HttpStatusCode.OK)).GetProperty("id").GetInt32();

    /// <summary>The runner's view of one enrolled SME.</summary>
    public static async Task<JsonElement> ProgressOfAsync(this Member runner, int programme, Member sme) =>
        (await Expect.JsonAsync(await runner.Client.GetAsync($"/api/development-programmes/{programme}/progress"), HttpStatusCode.OK))
            .GetProperty("enrolments").EnumerateArray().Single(e => e.GetProperty("organizationId").GetInt32() == sme.Me.OrgId);
}
