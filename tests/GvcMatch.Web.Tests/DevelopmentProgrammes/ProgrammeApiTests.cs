using System.Net;
using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.DevelopmentProgrammes;

/// <summary>A buyer's development programme: enrolment, milestones checked against the profile, mentoring, completion on the public page; and who may do what.</summary>
public abstract class ProgrammeApiTests(GvcMatchApp app)
{
    private static ProfileInput CoatingShop() => Samples.Profile("Aluminium parts machined and anodised.") with
    {
        Certifications = [new CertificationInput("ISO 9001", "TUV", "Q-1", null)],
        MonthlyCapacity = 3000, CapacityUnit = "pieces",
    };

    [DatabaseFact]
    public async Task MilestonesAreCheckedAgainstTheProfileAndCompletionReachesThePublicPage()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var other = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(CoatingShop());
        var programme = await app.CreateProgrammeAsync(buyer);

        // Found by name, enrolled; one accepts, the other declines.
        var found = await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/development-programmes/{programme}/candidates?q={Uri.EscapeDataString(sme.Me.OrganizationName![5..])}"), HttpStatusCode.OK);
        Assert.Contains(found.EnumerateArray(), c => c.GetProperty("organizationId").GetInt32() == sme.Me.OrgId);
        var enrolment = await buyer.EnrolAsync(programme, sme);
        var declined = await buyer.EnrolAsync(programme, other, accept: false);
        Assert.Equal("Declined", (await Expect.JsonAsync(await other.Client.PostJsonAsync($"/api/development-programmes/{programme}/enrolments/{declined}/answer", new { accept = false }), HttpStatusCode.OK)).GetString());

        await buyer.MilestoneAsync(programme, new { kind = "Certificate", standard = "ISO 14001" });
        await buyer.MilestoneAsync(programme, new { kind = "Capability", conceptId = "powder coating" });
        await buyer.MilestoneAsync(programme, new { kind = "Capacity", minimum = 5000, unit = "pieces", period = "Month" });
        var text = await buyer.MilestoneAsync(programme, new { kind = "Text", title = "Energy audit of the curing oven", enrolmentId = enrolment });

        var progress = await buyer.ProgressOfAsync(programme, sme);
        Assert.Equal((0, 4), (progress.GetProperty("met").GetInt32(), progress.GetProperty("total").GetInt32()));
        Assert.Equal(3, (await buyer.ProgressOfAsync(programme, other)).GetProperty("total").GetInt32());

        // The SME improves its profile: capacity and the capability count at once; a self-declared certificate does not.
        await sme.SaveProfileAsync(CoatingShop() with
        {
            Capabilities = ["cnc milling", "anodising", "powder coating"], MonthlyCapacity = 6000,
            Certifications = [new CertificationInput("ISO 9001", "TUV", "Q-1", null), new CertificationInput("ISO 14001", "TUV", "E-1", null)],
        });
        progress = await buyer.ProgressOfAsync(programme, sme);
        Assert.Equal(2, progress.GetProperty("met").GetInt32());
        var certificate = progress.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "Certificate");
        Assert.False(certificate.GetProperty("met").GetBoolean());
        Assert.Contains("self-declared", certificate.GetProperty("evidence").GetString());

        // Completion waits for every milestone.
        await Expect.ProblemAsync(await buyer.Client.PostAsync($"/api/development-programmes/{programme}/enrolments/{enrolment}/complete"), HttpStatusCode.Conflict);

        await app.WithDbAsync(db => db.Certifications.Where(c => c.Standard == "ISO 14001" && c.Number == "E-1")
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Evidence, EvidenceLevel.DocumentChecked)));
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync($"/api/development-programmes/{programme}/enrolments/{enrolment}/milestones/{text}/done", new { note = "" }), "note");
        await Expect.StatusAsync(await buyer.Client.PostJsonAsync($"/api/development-programmes/{programme}/enrolments/{enrolment}/milestones/{text}/done",
            new { note = "Audit report of 12 May read; oven insulation replaced." }), HttpStatusCode.OK);
        progress = await buyer.ProgressOfAsync(programme, sme);
        Assert.Equal(4, progress.GetProperty("met").GetInt32());

        var completed = await Expect.JsonAsync(await buyer.Client.PostAsync($"/api/development-programmes/{programme}/enrolments/{enrolment}/complete"), HttpStatusCode.OK);
        Assert.Equal(app.Clock.GetUtcNow().ToString("yyyy-MM-dd"), completed.GetProperty("completedOn").GetString());
        using var visitor = app.CreateClient();
        var line = Assert.Single((await Expect.JsonAsync(await visitor.GetAsync($"/api/organizations/{sme.Me.OrgId}/completed-programmes"), HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(buyer.Me.OrganizationName, line.GetProperty("runnerName").GetString());
        Assert.Empty((await Expect.JsonAsync(await visitor.GetAsync($"/api/organizations/{other.Me.OrgId}/completed-programmes"), HttpStatusCode.OK)).EnumerateArray());
    }

    [DatabaseFact]
    public async Task MentoringOpensOneConversationBetweenRunnerAndSmeWhoeverStartsIt()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var programme = await app.CreateProgrammeAsync(buyer);
        var invited = await buyer.EnrolAsync(programme, sme, accept: false);
        var path = $"/api/development-programmes/{programme}/enrolments/{invited}/conversation";
        await Expect.ProblemAsync(await buyer.Client.PostAsync(path), HttpStatusCode.Conflict);
        await Expect.StatusAsync(await sme.Client.PostJsonAsync($"/api/development-programmes/{programme}/enrolments/{invited}/answer", new { accept = true }), HttpStatusCode.OK);

        var opened = await Expect.JsonAsync(await buyer.Client.PostAsync(path), HttpStatusCode.OK);
        var again = await Expect.JsonAsync(await sme.Client.PostAsync(path), HttpStatusCode.OK);
        var id = opened.GetProperty("conversationId").GetInt64();
        Assert.Equal(id, again.GetProperty("conversationId").GetInt64());
        Assert.False(again.GetProperty("created").GetBoolean());
        var parties = await app.WithDbAsync(db => db.Set<Features.Conversations.ConversationParty>().Where(p => p.ConversationId == id).Select(p => p.OrganizationId).OrderBy(o => o).ToListAsync());
        Assert.Equal(new[] { buyer.Me.OrgId, sme.Me.OrgId }.Order(), parties);
        var outsider = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await outsider.Client.PostAsync(path), HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task OnlyTheRunnerManagesAndOnlyTheSmeAnswers()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var rival = await app.SignUpAsync(OrganizationKind.Mne);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var agency = await app.SignUpAsync(OrganizationKind.Intermediary);
        var programme = await app.CreateProgrammeAsync(buyer);
        var enrolment = await buyer.EnrolAsync(programme, sme, accept: false);

        // SMEs and unverified intermediaries do not run programmes; a verified intermediary does.
        await Expect.ProblemAsync(await sme.Client.PostJsonAsync("/api/development-programmes", ProgrammeKit.Programme(app)), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await agency.Client.PostJsonAsync("/api/development-programmes", ProgrammeKit.Programme(app)), HttpStatusCode.Forbidden);
        await app.MarkVerifiedAsync(agency.Me.OrgId);
        await app.CreateProgrammeAsync(agency);

        foreach (var stranger in new[] { rival, sme })
        {
            await Expect.ProblemAsync(await stranger.Client.GetAsync($"/api/development-programmes/{programme}/progress"), HttpStatusCode.Forbidden);
            await Expect.ProblemAsync(await stranger.Client.PostJsonAsync($"/api/development-programmes/{programme}/milestones", new { kind = "Text", title = "x" }), HttpStatusCode.Forbidden);
            await Expect.ProblemAsync(await stranger.Client.PostJsonAsync($"/api/development-programmes/{programme}/enrolments", new { organizationId = sme.Me.OrgId }), HttpStatusCode.Forbidden);
        }
        await Expect.ProblemAsync(await buyer.Client.PostJsonAsync($"/api/development-programmes/{programme}/enrolments/{enrolment}/answer", new { accept = true }), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await rival.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/development-programmes"), HttpStatusCode.Forbidden);
        Assert.Single((await Expect.JsonAsync(await sme.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/development-programmes"), HttpStatusCode.OK)).EnumerateArray());

        // Everyone reads the programme, never who is enrolled.
        using var visitor = app.CreateClient();
        var shown = await (await visitor.GetAsync($"/api/development-programmes/{programme}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(sme.Me.OrganizationName!, shown);
        await Expect.StatusAsync(await visitor.GetAsync($"/api/development-programmes/{programme}/progress"), HttpStatusCode.Unauthorized);
    }

    [DatabaseFact]
    public async Task BadInputIsRefusedNamingTheField()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var programme = await app.CreateProgrammeAsync(buyer);
        var start = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync("/api/development-programmes",
            new { title = "Backwards", aim = "x", startsOn = start, endsOn = start.AddDays(-1) }), "endsOn");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync("/api/development-programmes",
            new { title = "Codes", aim = "x", startsOn = start, endsOn = start, isicCodes = new[] { "99999" } }), "isicCodes");
        foreach (var (milestone, field) in new (object, string)[]
        {
            (new { kind = "Certificate" }, "standard"), (new { kind = "Certificate", standard = "Not a standard at all" }, "standard"),
            (new { kind = "Capability", conceptId = "qqqq-nothing" }, "conceptId"), (new { kind = "Capacity", unit = "pieces" }, "minimum"),
            (new { kind = "Text" }, "title"), (new { kind = "Text", title = "x", enrolmentId = 999999 }, "enrolmentId"),
        })
            await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync($"/api/development-programmes/{programme}/milestones", milestone), field);
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync($"/api/development-programmes/{programme}/enrolments", new { }), "organizationId");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync($"/api/development-programmes/{programme}/enrolments", new { organizationId = buyer.Me.OrgId }), "organizationId");
        await Expect.ValidationErrorAsync(await buyer.Client.GetAsync($"/api/development-programmes/{programme}/candidates?q=a"), "q");
    }
}

public sealed class ProgrammeApiTestsOnSqlite(SqliteApp app) : ProgrammeApiTests(app), IClassFixture<SqliteApp>;

public sealed class ProgrammeApiTestsOnPostgres(PostgresApp app) : ProgrammeApiTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
