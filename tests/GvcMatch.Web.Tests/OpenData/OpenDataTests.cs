using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Awards;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.OpenData;

/// <summary>
/// The OCDS 1.1 publication: release and record packages, one requirement's release and the bulk
/// file, valid against the team's schema files, mapped as docs/open-data.md says, naming no person.
/// </summary>
public abstract class OpenDataTests(GvcMatchApp app)
{
    private static async Task<JsonElement> PackageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static JsonElement ReleaseOf(JsonElement package, string ocid) =>
        package.GetProperty("releases").EnumerateArray().Single(r => r.GetProperty("ocid").GetString() == ocid);

    [DatabaseFact]
    public async Task EveryPackageIsValidOcdsMapsTheAwardAndCriteriaAndNamesNoPerson()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var awarded = await buyer.PublishClosingTodayAsync(app, "Sintered bronze bushings");
        var open = await buyer.PublishNewRequirementAsync(Samples.Requirement("Powder-coated steel enclosures"));
        var draft = await buyer.CreateRequirementAsync(Samples.Requirement("Draft, never published"));
        var winner = await app.BidderAsync();
        var bid = await app.SubmitBidAsync(awarded, winner, price: 1000);
        app.PassDeadline();
        buyer = await app.FreshAsync(buyer);
        await buyer.EvaluationAsync(awarded);
        await Expect.StatusAsync(await buyer.Client.AwardAsync(awarded, bid), HttpStatusCode.OK);

        using var visitor = app.CreateClient();
        var releases = await PackageAsync(visitor, "/api/ocds/releases?page=1");
        Assert.Empty(OcdsSchemas.ReleasePackageErrors(releases));
        Assert.Equal("1.1", releases.GetProperty("version").GetString());
        Assert.Equal($"{visitor.BaseAddress}api/ocds/releases?page=1", releases.GetProperty("uri").GetString());
        Assert.True(DateTimeOffset.TryParse(releases.GetProperty("publishedDate").GetString(), out _));
        Assert.Equal(JsonValueKind.Array, releases.GetProperty("releases").ValueKind);

        const string prefix = "ocds-gvcm01"; // OpenData:OcidPrefix's default
        var release = ReleaseOf(releases, $"{prefix}-{awarded}");
        Assert.Equal(["tender", "award"], release.GetProperty("tag").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("tender", release.GetProperty("initiationType").GetString());
        var tender = release.GetProperty("tender");
        Assert.Equal("complete", tender.GetProperty("status").GetString());
        var item = Assert.Single(tender.GetProperty("items").EnumerateArray());
        Assert.Equal("ISIC", item.GetProperty("classification").GetProperty("scheme").GetString());
        Assert.Equal("2599", item.GetProperty("classification").GetProperty("id").GetString());
        Assert.Equal("HS", item.GetProperty("additionalClassifications")[0].GetProperty("scheme").GetString());
        // AwardKit's criteria: C1 mandatory ISO 9001; C2 capability fit (40), C3 lead time (30), C4 capacity (30).
        var selection = Assert.Single(tender.GetProperty("selectionCriteria").GetProperty("criteria").EnumerateArray());
        Assert.Equal("C1", selection.GetProperty("id").GetString());
        Assert.Contains("ISO 9001", selection.GetProperty("description").GetString());
        Assert.Equal("ratedCriteria", tender.GetProperty("awardCriteria").GetString());
        Assert.Contains("C2 (weight 40)", tender.GetProperty("awardCriteriaDetails").GetString());
        Assert.Contains("C4 (weight 30)", tender.GetProperty("awardCriteriaDetails").GetString());
        var award = Assert.Single(release.GetProperty("awards").EnumerateArray());
        Assert.Equal(1000m, award.GetProperty("value").GetProperty("amount").GetDecimal());
        Assert.Equal("EUR", award.GetProperty("value").GetProperty("currency").GetString());
        var supplier = Assert.Single(award.GetProperty("suppliers").EnumerateArray());
        Assert.Equal(["id", "name"], supplier.EnumerateObject().Select(p => p.Name));
        Assert.Equal(winner.Me.OrganizationName, supplier.GetProperty("name").GetString());
        var parties = release.GetProperty("parties").EnumerateArray().ToList();
        Assert.Equal(["buyer", "procuringEntity"], parties.Single(p => p.GetProperty("name").GetString() == buyer.Me.OrganizationName)
            .GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("sme", parties.Single(p => p.GetProperty("id").GetString() == supplier.GetProperty("id").GetString())
            .GetProperty("details").GetProperty("scale").GetString());
        Assert.Equal(["tender"], ReleaseOf(releases, $"{prefix}-{open}").GetProperty("tag").EnumerateArray().Select(t => t.GetString()));
        Assert.DoesNotContain(releases.GetProperty("releases").EnumerateArray(), r => r.GetProperty("ocid").GetString() == $"{prefix}-{draft}");

        var records = await PackageAsync(visitor, "/api/ocds/records?page=1");
        Assert.Empty(OcdsSchemas.RecordPackageErrors(records));
        var record = records.GetProperty("records").EnumerateArray().Single(r => r.GetProperty("ocid").GetString() == $"{prefix}-{awarded}");
        Assert.Equal(release.GetProperty("awards").GetRawText(), record.GetProperty("compiledRelease").GetProperty("awards").GetRawText());

        var one = await PackageAsync(visitor, $"/api/ocds/releases/{prefix}-{awarded}");
        Assert.Empty(OcdsSchemas.ReleasePackageErrors(one));
        Assert.Equal(release.GetProperty("id").GetString(), Assert.Single(one.GetProperty("releases").EnumerateArray()).GetProperty("id").GetString());
        await Expect.ProblemAsync(await visitor.GetAsync($"/api/ocds/releases/{prefix}-{draft}"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await visitor.GetAsync($"/api/ocds/releases/ocds-zzzzzz-{awarded}"), HttpStatusCode.NotFound);
        var badPage = await Expect.ProblemAsync(await visitor.GetAsync("/api/ocds/releases?page=0"), HttpStatusCode.BadRequest);
        Assert.True(badPage.GetProperty("errors").TryGetProperty("page", out _));

        var bulk = await PackageAsync(visitor, "/api/ocds/bulk");
        Assert.Empty(OcdsSchemas.ReleasePackageErrors(bulk));
        Assert.Equal(release.GetRawText().Length, ReleaseOf(bulk, $"{prefix}-{awarded}").GetRawText().Length);

        foreach (var body in new[] { releases, records, one, bulk }.Select(p => p.GetRawText()))
        {
            Assert.DoesNotContain("@", body);
            foreach (var person in new[] { buyer, winner })
            {
                Assert.DoesNotContain(person.Email, body);
                if (person.Me.DisplayName is { Length: > 0 } name) Assert.DoesNotContain(name, body);
            }
        }
    }

    [Fact]
    public void TheSchemaRefusesAReleaseWithoutInitiationTypeOrWithAPersonsContactPoint()
    {
        var valid = JsonNode.Parse("""
            {"ocid":"ocds-abc123-7","id":"ocds-abc123-7-v1","date":"2026-12-01T10:00:00Z","tag":["tender"],"initiationType":"tender",
             "parties":[{"id":"GVCM-ORG-1","name":"Buyer","roles":["buyer"]}]}
            """)!;
        Assert.Empty(OcdsSchemas.ReleaseErrors(JsonSerializer.SerializeToElement(valid)));
        var noType = valid.DeepClone().AsObject();
        noType.Remove("initiationType");
        Assert.NotEmpty(OcdsSchemas.ReleaseErrors(JsonSerializer.SerializeToElement(noType)));
        var contact = valid.DeepClone();
        contact["parties"]![0]!["contactPoint"] = new JsonObject { ["email"] = "someone@example.test" };
        Assert.NotEmpty(OcdsSchemas.ReleaseErrors(JsonSerializer.SerializeToElement(contact)));
        var badDate = valid.DeepClone();
        badDate["date"] = "1 December 2026";
        Assert.NotEmpty(OcdsSchemas.ReleaseErrors(JsonSerializer.SerializeToElement(badDate)));
    }
}

public sealed class OpenDataTestsOnSqlite(SqliteApp app) : OpenDataTests(app), IClassFixture<SqliteApp>;

public sealed class OpenDataTestsOnPostgres(PostgresApp app) : OpenDataTests(app), IClassFixture<PostgresApp>, IUsesPostgres;

/// <summary>Paging and the configured OCID prefix, on an app of their own.</summary>
public sealed class OpenDataSettingsTests
{
    [Fact]
    public async Task PagesLinkToTheNextAndPreviousPageAndOcidsCarryTheConfiguredPrefix()
    {
        var database = TestDatabase.Sqlite();
        try
        {
            await using var app = new GvcMatchApp(database, new Dictionary<string, string> { ["OpenData:PageSize"] = "1", ["OpenData:OcidPrefix"] = "ocds-test01" });
            var buyer = await app.SignUpAsync(OrganizationKind.Mne);
            var first = await buyer.PublishNewRequirementAsync(Samples.Requirement("First"));
            var second = await buyer.PublishNewRequirementAsync(Samples.Requirement("Second"));
            using var visitor = app.CreateClient();
            var page1 = JsonDocument.Parse(await visitor.GetStringAsync("/api/ocds/releases?page=1")).RootElement;
            Assert.Equal($"ocds-test01-{first}", Assert.Single(page1.GetProperty("releases").EnumerateArray()).GetProperty("ocid").GetString());
            Assert.Equal($"{visitor.BaseAddress}api/ocds/releases?page=2", page1.GetProperty("links").GetProperty("next").GetString());
            Assert.False(page1.GetProperty("links").TryGetProperty("prev", out _));
            var page2 = JsonDocument.Parse(await visitor.GetStringAsync("/api/ocds/records?page=2")).RootElement;
            Assert.Equal($"ocds-test01-{second}", Assert.Single(page2.GetProperty("records").EnumerateArray()).GetProperty("ocid").GetString());
            Assert.False(page2.GetProperty("links").TryGetProperty("next", out _));
            Assert.Equal($"{visitor.BaseAddress}api/ocds/records?page=1", page2.GetProperty("links").GetProperty("prev").GetString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            GvcMatchApp.DeleteFolder(database.DataFolder);
        }
    }

    [Fact]
    public async Task AnOcidPrefixNotOfTheRegisteredFormStopsTheAppAtStart()
    {
        var database = TestDatabase.Sqlite();
        try
        {
            await using var app = new GvcMatchApp(database, new Dictionary<string, string> { ["OpenData:OcidPrefix"] = "GVCM" });
            var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());
            Assert.Contains("OcidPrefix", failure.ToString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            GvcMatchApp.DeleteFolder(database.DataFolder);
        }
    }
}
