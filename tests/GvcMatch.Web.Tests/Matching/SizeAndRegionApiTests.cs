using System.Net;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Matching;

/// <summary>The profile API edits the employee count, which sets the size band; criteria by employee range and region are checked field by field; the reference data lists the regions.</summary>
public abstract class SizeAndRegionApiTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task AStatedEmployeeCountSetsTheSizeBandEverywhere()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var url = $"/api/organizations/{sme.Me.OrgId}/profile";
        await sme.SaveProfileAsync(Samples.Profile() with { EmployeeCount = 120 });

        var profile = await Expect.JsonAsync(await sme.Client.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal(120, profile.GetProperty("employeeCount").GetInt32());
        Assert.Equal("Medium", profile.GetProperty("sizeBand").GetString());
        var org = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}"), HttpStatusCode.OK);
        Assert.Equal("Medium", org.GetProperty("sizeBand").GetString());

        // Clearing the count keeps the band last derived.
        await Expect.StatusAsync(await sme.Client.PutCurrentAsync(url, Samples.Profile() with { EmployeeCount = null }), HttpStatusCode.OK);
        profile = await Expect.JsonAsync(await sme.Client.GetAsync(url), HttpStatusCode.OK);
        Assert.False(profile.TryGetProperty("employeeCount", out var count) && count.ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Equal("Medium", profile.GetProperty("sizeBand").GetString());
    }

    [DatabaseFact]
    public async Task WhileACountIsStatedTheOrganisationCannotClaimAnotherBand()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile() with { EmployeeCount = 30 });
        var url = $"/api/organizations/{sme.Me.OrgId}";
        var org = await app.WithDbAsync(db => Task.FromResult(db.Organizations.Single(o => o.Id == sme.Me.OrgId)));

        var refused = await Expect.ProblemAsync(await sme.Client.PutCurrentAsync(url, OrganizationInput.From(org) with { SizeBand = SizeBand.Large }), HttpStatusCode.BadRequest);
        Assert.Contains("30 employees", refused.GetProperty("errors").GetProperty("sizeBand")[0].GetString());
        Assert.Equal("Small", (await Expect.JsonAsync(await sme.Client.GetAsync(url), HttpStatusCode.OK)).GetProperty("sizeBand").GetString());
        await Expect.StatusAsync(await sme.Client.PutCurrentAsync(url, OrganizationInput.From(org) with { SizeBand = SizeBand.Small, City = "Lyon" }), HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task ANegativeOrAbsurdEmployeeCountIsRefusedOnItsField()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var url = $"/api/organizations/{sme.Me.OrgId}/profile";
        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(url, Samples.Profile() with { EmployeeCount = -1 }), "employeeCount");
        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(url, Samples.Profile() with { EmployeeCount = 10_000_001 }), "employeeCount");
    }

    [DatabaseFact]
    public async Task BadEmployeeRangesAndUnknownRegionsAreRefusedOnTheirFields()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        async Task RefusedAsync(Criterion c, string field) =>
            await Expect.ValidationErrorAsync(await mne.Client.PostJsonAsync("/api/requirements", Samples.Requirement() with { Criteria = [c] }), field);
        var size = new Criterion { Kind = CriterionKind.CompanySize, Mandatory = true };
        await RefusedAsync(size with { MinEmployees = 100, MaxEmployees = 50 }, "criteria[0].maxEmployees");
        await RefusedAsync(size with { MinEmployees = -5 }, "criteria[0].minEmployees");
        await RefusedAsync(size with { MaxEmployees = 50_000_000 }, "criteria[0].maxEmployees");
        await RefusedAsync(new Criterion { Kind = CriterionKind.LocationIn, Mandatory = true, Regions = ["Atlantis"] }, "criteria[0].regions");
        await RefusedAsync(new Criterion { Kind = CriterionKind.ExportExperience, Mandatory = true, Regions = ["EU", "Narnia"] }, "criteria[0].regions");

        var good = Samples.Requirement() with
        {
            Criteria =
            [
                size with { MinEmployees = 50 },
                new Criterion { Kind = CriterionKind.LocationIn, Mandatory = true, Countries = ["CH"], Regions = ["EU"] },
            ],
        };
        var created = await Expect.JsonAsync(await mne.Client.PostJsonAsync("/api/requirements", good), HttpStatusCode.Created);
        var criteria = created.GetProperty("criteria");
        Assert.Equal(50, criteria[0].GetProperty("minEmployees").GetInt32());
        Assert.Equal("Company size: 50 or more employees", criteria[0].GetProperty("summary").GetString());
        Assert.Equal("EU", criteria[1].GetProperty("regions")[0].GetString());
        Assert.Equal("Located in CH, EU", criteria[1].GetProperty("summary").GetString());
    }

    [DatabaseFact]
    public async Task TheReferenceDataListsTheRegionsWithTheirCountries()
    {
        using var client = app.CreateClient();
        var names = await Expect.JsonAsync(await client.GetAsync("/api/reference"), HttpStatusCode.OK);
        Assert.Contains("regions", names.EnumerateArray().Select(n => n.GetString()));
        var regions = await Expect.JsonAsync(await client.GetAsync("/api/reference/regions"), HttpStatusCode.OK);
        Assert.Contains(regions.EnumerateArray(), r => r.GetProperty("code").GetString() == "Mercosur");
        var eu = await Expect.JsonAsync(await client.GetAsync("/api/reference/regions/EU"), HttpStatusCode.OK);
        Assert.Equal(27, eu.GetProperty("countries").GetArrayLength());
        await Expect.StatusAsync(await client.GetAsync("/api/reference/regions/Atlantis"), HttpStatusCode.NotFound);
    }
}

[Collection(SharedApps.SqliteA)]
public sealed class SizeAndRegionApiTestsOnSqlite(SqliteApp app) : SizeAndRegionApiTests(app);

[Collection(SharedApps.PostgresB)]
public sealed class SizeAndRegionApiTestsOnPostgres(PostgresApp app) : SizeAndRegionApiTests(app), IUsesPostgres;
