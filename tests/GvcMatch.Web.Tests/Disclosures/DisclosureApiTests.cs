using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Matching.Disclosures;
using GvcMatch.Web.Features.Disclosures;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;

namespace GvcMatch.Web.Tests.Disclosures;

/// <summary>
/// An SME's disclosures through the API: its members write them year by year (the past stays), bad
/// figures are refused by field, versions are checked, strangers cannot write, drafts stay private,
/// checkers raise the evidence, documents go through the upload checks, and buyers' criteria match them.
/// </summary>
public abstract class DisclosureApiTests(GvcMatchApp app)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% carbon report\n%%EOF\n");
    private static readonly int Year = DateTime.UtcNow.Year - 1;

    internal static DisclosureInput Carbon(int year, decimal scope1 = 300, decimal scope2 = 100) =>
        new() { Topic = DisclosureTopic.CarbonFootprint, Year = year, Scope1 = scope1, Scope2 = scope2, Scope3 = 2_000, Method = "GHG Protocol" };

    private static string Url(Member sme) => DisclosuresApi.Url(sme.Me.OrgId);

    private async Task<Member> PublishedSmeAsync(string country = "DE")
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme, country);
        await sme.SaveProfileAsync();
        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/organizations/{sme.Me.OrgId}/profile/publish"), HttpStatusCode.OK);
        return sme;
    }

    [DatabaseFact]
    public async Task AMemberDisclosesYearByYearAndThePastYearStays()
    {
        var sme = await PublishedSmeAsync();
        var created = await sme.Client.PostJsonAsync(Url(sme), Carbon(Year - 1, 500, 200));
        var first = await Expect.JsonAsync(created, HttpStatusCode.Created);
        Assert.NotNull(created.Headers.ETag);
        Assert.Equal("SelfDeclared", first.GetProperty("evidence").GetString());
        await Expect.StatusAsync(await sme.Client.PostJsonAsync(Url(sme), Carbon(Year)), HttpStatusCode.Created);
        await Expect.StatusAsync(await sme.Client.PostJsonAsync(Url(sme), new DisclosureInput
            { Topic = DisclosureTopic.Energy, Year = Year, EnergyMwh = 1_200, RenewableSharePercent = 62.5m, Scope1 = 99 }), HttpStatusCode.Created);

        // Anyone reads a published SME's disclosures, every year, the latest of each topic marked current.
        using var anonymous = app.CreateClient();
        var list = (await Expect.JsonAsync(await anonymous.GetAsync(Url(sme)), HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(3, list.Count);
        var carbon = list.Where(d => d.GetProperty("topic").GetString() == "CarbonFootprint").ToList();
        Assert.Equal([Year, Year - 1], carbon.Select(d => d.GetProperty("year").GetInt32()));
        Assert.Equal([true, false], carbon.Select(d => d.GetProperty("current").GetBoolean()));
        Assert.Equal(700, carbon[1].GetProperty("scope1").GetDecimal() + carbon[1].GetProperty("scope2").GetDecimal());
        // Only the topic's own fields are stored.
        var energy = list.Single(d => d.GetProperty("topic").GetString() == "Energy");
        Assert.Equal(62.5m, energy.GetProperty("renewableSharePercent").GetDecimal());
        Assert.False(energy.TryGetProperty("scope1", out _));

        // The same topic and year again is a change of that one, not a second.
        await Expect.ProblemAsync(await sme.Client.PostJsonAsync(Url(sme), Carbon(Year)), HttpStatusCode.Conflict);
    }

    [DatabaseTheory]
    [InlineData("{\"topic\":\"CarbonFootprint\",\"year\":2024,\"scope1\":-1,\"scope2\":5,\"method\":\"GHG Protocol\"}", "scope1")]
    [InlineData("{\"topic\":\"CarbonFootprint\",\"year\":2024,\"scope1\":1,\"scope2\":5}", "method")]
    [InlineData("{\"topic\":\"Energy\",\"year\":2024,\"energyMwh\":10,\"renewableSharePercent\":140}", "renewableSharePercent")]
    [InlineData("{\"topic\":\"Water\",\"year\":2999,\"waterCubicMetres\":10}", "year")]
    [InlineData("{\"topic\":\"Water\",\"year\":2024}", "waterCubicMetres")]
    [InlineData("{\"topic\":\"LabourPolicy\",\"year\":2024}", "hasPolicy")]
    [InlineData("{\"topic\":\"LabourPolicy\",\"year\":2024,\"hasPolicy\":true,\"policyDate\":\"2999-01-01\"}", "policyDate")]
    [InlineData("{\"topic\":\"ConflictMinerals\",\"year\":2024,\"scheme\":\"XYZ\"}", "scheme")]
    [InlineData("{\"topic\":\"Audit\",\"year\":2024,\"scheme\":\"EcoVadis\",\"score\":101}", "score")]
    [InlineData("{\"topic\":\"Audit\",\"year\":2024,\"scheme\":\"EcoVadis\",\"medal\":\"Tin\"}", "medal")]
    [InlineData("{\"year\":2024}", "topic")]
    public async Task BadFiguresAreRefusedByField(string json, string field)
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        await Expect.ValidationErrorAsync(await sme.Client.PostAsync(Url(sme), body), field);
    }

    [DatabaseFact]
    public async Task ChangesTakeTheVersionAndStrangersCannotWrite()
    {
        var sme = await PublishedSmeAsync();
        var created = await sme.Client.PostJsonAsync(Url(sme), Carbon(Year));
        var id = (await Expect.JsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var etag = created.Headers.ETag!.Tag;
        var url = $"{Url(sme)}/{id}";

        var stranger = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await stranger.Client.PutJsonAsync(url, Carbon(Year, 1, 1)), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await stranger.Client.DeleteAsync(url), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await stranger.Client.PostJsonAsync(Url(sme), Carbon(Year - 2)), HttpStatusCode.Forbidden);
        // Another SME's disclosure id is not found under this SME.
        await Expect.ProblemAsync(await stranger.Client.GetAsync($"{DisclosuresApi.Url(stranger.Me.OrgId)}/{id}"), HttpStatusCode.NotFound);

        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent(Carbon(Year, 250, 90)) };
        put.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        var changed = await sme.Client.SendAsync(put);
        Assert.Equal(340, (await Expect.JsonAsync(changed, HttpStatusCode.OK)).GetProperty("scope1").GetDecimal() + 90);
        using var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent(Carbon(Year, 1, 1)) };
        stale.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        await Expect.ProblemAsync(await sme.Client.SendAsync(stale), HttpStatusCode.PreconditionFailed);

        await Expect.StatusAsync(await sme.Client.DeleteAsync(url), HttpStatusCode.NoContent);
        await Expect.ProblemAsync(await sme.Client.GetAsync(url), HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task ADraftSuppliersDisclosuresAreItsOwn()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.StatusAsync(await sme.Client.PostJsonAsync(Url(sme), Carbon(Year)), HttpStatusCode.Created);
        Assert.Single((await Expect.JsonAsync(await sme.Client.GetAsync(Url(sme)), HttpStatusCode.OK)).EnumerateArray());
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        await Expect.ProblemAsync(await buyer.Client.GetAsync(Url(sme)), HttpStatusCode.NotFound);
        using var anonymous = app.CreateClient();
        await Expect.ProblemAsync(await anonymous.GetAsync(Url(sme)), HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task ACheckerRaisesTheEvidenceAndTheOwnerOnlySelfDeclares()
    {
        var sme = await PublishedSmeAsync("DE");
        var id = (await Expect.JsonAsync(await sme.Client.PostJsonAsync(Url(sme), Carbon(Year)), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var evidence = $"{Url(sme)}/{id}/evidence";

        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(evidence, new { level = "VerifiedByIntermediary" }), "level");
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        await Expect.ProblemAsync(await buyer.Client.PostJsonAsync(evidence, new { level = "DocumentChecked" }), HttpStatusCode.Forbidden);

        // The document goes through the upload checks and never raises the level by itself.
        using (var fake = Upload("report.pdf", "plain text"u8.ToArray()))
            await Expect.ValidationErrorAsync(await sme.Client.PutAsync($"{Url(sme)}/{id}/document", fake), "file");
        using (var upload = Upload("report.pdf", Pdf))
        {
            var attached = await Expect.JsonAsync(await sme.Client.PutAsync($"{Url(sme)}/{id}/document", upload), HttpStatusCode.OK);
            Assert.True(attached.GetProperty("documentAttached").GetBoolean());
            Assert.Equal("document attached", attached.GetProperty("evidenceText").GetString());
            Assert.Equal("SelfDeclared", attached.GetProperty("evidence").GetString());
        }
        Assert.Equal(Pdf, await (await buyer.Client.GetAsync($"{Url(sme)}/{id}/document")).Content.ReadAsByteArrayAsync());

        var agency = await app.SignUpAsync(OrganizationKind.Intermediary, "DE");
        await app.MarkVerifiedAsync(agency.Me.OrgId);
        var raised = await Expect.JsonAsync(await agency.Client.PostJsonAsync(evidence, new { level = "VerifiedByIntermediary" }), HttpStatusCode.OK);
        Assert.Equal("VerifiedByIntermediary", raised.GetProperty("evidence").GetString());

        // New figures are the SME's word again.
        var changed = await Expect.JsonAsync(await sme.Client.PutJsonAsync($"{Url(sme)}/{id}", Carbon(Year, 1, 1)), HttpStatusCode.OK);
        Assert.Equal("SelfDeclared", changed.GetProperty("evidence").GetString());
    }

    [DatabaseFact]
    public async Task ABuyersDisclosureCriterionMatchesTheSuppliersThatDisclosed()
    {
        var keyword = $"lamination {Guid.NewGuid():N}"[..20];
        var profile = Samples.Profile() with { Capabilities = [keyword] };
        var disclosed = await app.SignUpAsync(OrganizationKind.Sme);
        await disclosed.SaveProfileAsync(profile);
        await Expect.StatusAsync(await disclosed.Client.PostJsonAsync(Url(disclosed), Carbon(Year, 100, 50)), HttpStatusCode.Created);
        await Expect.StatusAsync(await disclosed.Client.PostAsync($"/api/organizations/{disclosed.Me.OrgId}/profile/publish"), HttpStatusCode.OK);
        var silent = await app.SignUpAsync(OrganizationKind.Sme);
        await silent.SaveProfileAsync(profile);
        await Expect.StatusAsync(await silent.Client.PostAsync($"/api/organizations/{silent.Me.OrgId}/profile/publish"), HttpStatusCode.OK);

        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await buyer.PublishNewRequirementAsync(Samples.Requirement() with
        {
            Criteria =
            [
                new Criterion { Kind = CriterionKind.CapabilityFit, Mandatory = true, Keywords = [keyword] },
                new Criterion { Kind = CriterionKind.DisclosureProvided, Mandatory = true, Topic = DisclosureTopic.CarbonFootprint, Maximum = 500 },
            ],
        });
        await app.WaitForIndexAsync();
        var matches = (await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/requirements/{requirement}/matches"), HttpStatusCode.OK))
            .GetProperty("matches").EnumerateArray().ToList();
        var match = Assert.Single(matches, m => m.GetProperty("organizationId").GetInt32() is var id && (id == disclosed.Me.OrgId || id == silent.Me.OrgId));
        Assert.Equal(disclosed.Me.OrgId, match.GetProperty("organizationId").GetInt32());
        Assert.Contains($"Carbon footprint disclosed for {Year} (self-declared); scope 1 and 2: 150 tCO2e", match.ToString());

        // The supplier that did not disclose sees the gap and what to disclose.
        var mine = await Expect.JsonAsync(await silent.Client.GetAsync($"/api/requirements/{requirement}/my-score"), HttpStatusCode.OK);
        Assert.Contains("Carbon footprint not disclosed", mine.ToString());
    }

    private static StringContent JsonContent(object value) =>
        new(JsonSerializer.Serialize(value, TestJson.Options), Encoding.UTF8, "application/json");

    private static MultipartFormDataContent Upload(string fileName, byte[] bytes) => Certificates.CertificateDocumentTests.Upload(fileName, bytes);
}

[Collection(SharedApps.SqliteA)]
public sealed class DisclosureApiTestsOnSqlite(SqliteApp app) : DisclosureApiTests(app);

[Collection(SharedApps.PostgresA)]
public sealed class DisclosureApiTestsOnPostgres(PostgresApp app) : DisclosureApiTests(app), IUsesPostgres;
