using System.Net;
using System.Text.Json;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.SupportProgrammes;
using GvcMatch.Web.Tests.GapPlans;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.SupportProgrammes;

/// <summary>The directory is seeded from the Action Statement's annex, searchable by anyone, kept by intermediaries and admins, and shown beside gaps.</summary>
public abstract class SupportProgrammeApiTests(GvcMatchApp app)
{
    private static ProgrammeInput Programme(string name = "Certification cost sharing", string? country = "DE", ProgrammeKind kind = ProgrammeKind.CertificationSupport) => new()
    {
        Name = name, Provider = "Chamber of commerce", Country = country, Kind = kind,
        Summary = "Pays half of a first management-system audit.", Eligibility = "Members with fewer than 250 staff.",
        SizeBands = ["Small", "Medium"], Url = "https://chamber.example/certification",
    };

    private static List<string?> Names(JsonElement list) => list.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();

    [DatabaseFact]
    public async Task TheSeededDirectoryIsSearchableByCountryKindAndWords()
    {
        using var visitor = app.CreateClient();
        var turkish = await Expect.JsonAsync(await visitor.GetAsync("/api/support-programmes?country=TR&kind=CertificationSupport"), HttpStatusCode.OK);
        var names = Names(turkish);
        Assert.Contains("Testing, certification and inspection support", names);
        // International programmes are open to every country; other countries' are not listed.
        Assert.Contains("Group certification for SMEs of one region", names);
        Assert.DoesNotContain("Food safety training and experts", names);
        Assert.All(turkish.EnumerateArray(), p => Assert.Equal("CertificationSupport", p.GetProperty("kind").GetString()));

        var patents = Names(await Expect.JsonAsync(await visitor.GetAsync("/api/support-programmes?q=PATENT"), HttpStatusCode.OK));
        Assert.Contains("Patent and registration cost support", patents);

        await Expect.ValidationErrorAsync(await visitor.GetAsync("/api/support-programmes?country=QQ"), "country");
        await Expect.ValidationErrorAsync(await visitor.GetAsync("/api/support-programmes?take=0"), "take");
    }

    [DatabaseFact]
    public async Task IntermediariesKeepTheirOwnProgrammesAndAdminsKeepAll()
    {
        var chamber = await app.SignUpAsync(OrganizationKind.Intermediary);
        var created = await Expect.JsonAsync(await chamber.Client.PostJsonAsync("/api/support-programmes", Programme()), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(chamber.Me.OrgId, created.GetProperty("maintainedBy").GetInt32());
        Assert.True(created.GetProperty("mine").GetBoolean());

        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var otherChamber = await app.SignUpAsync(OrganizationKind.Intermediary);
        await Expect.ProblemAsync(await sme.Client.PostJsonAsync("/api/support-programmes", Programme()), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await mne.Client.PostJsonAsync("/api/support-programmes", Programme()), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await otherChamber.Client.PutJsonAsync($"/api/support-programmes/{id}", Programme("Taken over")), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await sme.Client.PutJsonAsync($"/api/support-programmes/{id}", Programme("Taken over")), HttpStatusCode.Forbidden);

        var edited = await Expect.JsonAsync(await chamber.Client.PutJsonAsync($"/api/support-programmes/{id}", Programme("Audit cost sharing")), HttpStatusCode.OK);
        Assert.Equal("Audit cost sharing", edited.GetProperty("name").GetString());

        var admin = await app.SignUpAsync(OrganizationKind.Sme);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        await Expect.StatusAsync(await admin.Client.PutJsonAsync($"/api/support-programmes/{id}", Programme("Audit cost sharing (2027)")), HttpStatusCode.OK);
        var seeded = (await Expect.JsonAsync(await admin.Client.GetAsync("/api/support-programmes?country=TR&kind=IpProtection"), HttpStatusCode.OK))[0];
        Assert.True(seeded.GetProperty("mine").GetBoolean());
        Assert.False((await Expect.JsonAsync(await chamber.Client.GetAsync($"/api/support-programmes/{seeded.GetProperty("id").GetInt32()}"), HttpStatusCode.OK))
            .GetProperty("mine").GetBoolean());
        await Expect.ProblemAsync(await chamber.Client.PutJsonAsync($"/api/support-programmes/{seeded.GetProperty("id").GetInt32()}", Programme()), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await chamber.Client.PutJsonAsync("/api/support-programmes/999999", Programme()), HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task BadProgrammesAreRefusedOnTheirFields()
    {
        var chamber = await app.SignUpAsync(OrganizationKind.Intermediary);
        async Task RefusedAsync(ProgrammeInput input, string field) =>
            await Expect.ValidationErrorAsync(await chamber.Client.PostJsonAsync("/api/support-programmes", input), field);
        await RefusedAsync(Programme() with { Name = " " }, "name");
        await RefusedAsync(Programme() with { Country = "QQ" }, "country");
        await RefusedAsync(Programme() with { Kind = null }, "kind");
        await RefusedAsync(Programme() with { Kind = (ProgrammeKind)42 }, "kind");
        await RefusedAsync(Programme() with { SizeBands = ["Huge"] }, "sizeBands");
        await RefusedAsync(Programme() with { Url = "ftp://chamber.example" }, "url");
        await RefusedAsync(Programme() with { Summary = new string('x', ProgrammeLimits.Summary + 1) }, "summary");
    }

    [DatabaseFact]
    public async Task EachGapListsTheProgrammesOfItsKindOpenToTheSmesCountryAndSize()
    {
        var chamber = await app.SignUpAsync(OrganizationKind.Intermediary);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await Expect.StatusAsync(await chamber.Client.PostJsonAsync("/api/support-programmes", Programme($"German audit aid {tag}")), HttpStatusCode.Created);
        await Expect.StatusAsync(await chamber.Client.PostJsonAsync("/api/support-programmes", Programme($"French audit aid {tag}", "FR")), HttpStatusCode.Created);
        await Expect.StatusAsync(await chamber.Client.PostJsonAsync("/api/support-programmes",
            Programme($"Large-firm audit aid {tag}") with { SizeBands = ["Large"] }), HttpStatusCode.Created);
        await Expect.StatusAsync(await chamber.Client.PostJsonAsync("/api/support-programmes",
            Programme($"German capacity loans {tag}", kind: ProgrammeKind.Finance)), HttpStatusCode.Created);

        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await mne.PublishNewRequirementAsync(GapPlanApiTests.FourGaps());
        var sme = await app.SignUpAsync(OrganizationKind.Sme, country: "DE");
        await sme.SaveProfileAsync(Samples.Profile() with { LeadTimeDays = 30, EmployeeCount = 20 });
        var plan = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/gap-plans/requirements/{requirement}"), HttpStatusCode.OK);
        JsonElement Programmes(int index) => plan.GetProperty("gaps").EnumerateArray().Single(g => g.GetProperty("index").GetInt32() == index).GetProperty("programmes");
        List<string?> For(int index) => Names(Programmes(index));

        var certificate = For(2);
        Assert.Contains($"German audit aid {tag}", certificate);
        Assert.DoesNotContain($"French audit aid {tag}", certificate);
        // The SME's own country's programmes come first, then international ones; no other country's.
        var countries = Programmes(2).EnumerateArray()
            .Select(p => p.TryGetProperty("country", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null).ToList();
        Assert.All(countries, c => Assert.True(c is null or "DE", $"{c} is neither Germany nor international"));
        Assert.Equal(countries.OrderBy(c => c is null).ToList(), countries);
        Assert.DoesNotContain($"Large-firm audit aid {tag}", certificate);
        Assert.Contains($"German capacity loans {tag}", For(4));
        Assert.Empty(For(1));
    }
}

public sealed class SupportProgrammeApiTestsOnSqlite(SqliteApp app) : SupportProgrammeApiTests(app), IClassFixture<SqliteApp>;

public sealed class SupportProgrammeApiTestsOnPostgres(PostgresApp app) : SupportProgrammeApiTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
