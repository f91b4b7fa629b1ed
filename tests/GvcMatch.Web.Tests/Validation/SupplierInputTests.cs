using System.Net;
using System.Text;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Validation;

/// <summary>Registration, organisations, profiles and IP listings refuse bad input field by field.</summary>
public abstract class SupplierInputTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task RegistrationWithAnUnknownCountryNamesTheNestedField()
    {
        var registration = Accounts.NewRegistration(OrganizationKind.Sme);
        registration = registration with { Organization = registration.Organization with { Country = "QQ" } };
        using var client = app.CreateClient();
        await Expect.ValidationErrorAsync(await client.PostJsonAsync("/api/auth/register", registration), "organization.country");
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == registration.Email)));
    }

    [DatabaseFact]
    public async Task RegistrationWithAWeakPasswordCreatesNoOrganisation()
    {
        var registration = Accounts.NewRegistration(OrganizationKind.Sme) with { Password = "short" };
        using var client = app.CreateClient();
        await Expect.ValidationErrorAsync(await client.PostJsonAsync("/api/auth/register", registration), "password");
        Assert.False(await app.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Name == registration.Organization.Name)));
    }

    [DatabaseFact]
    public async Task AProfileWithUnknownCodesIsRefused()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var url = $"/api/organizations/{sme.Me.OrgId}/profile";
        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(url, Samples.Profile() with
        {
            Certifications = [new CertificationInput("NADCAP", null, null, null) { Scope = "Underwater welding" }],
        }), "certifications[0].scope");
        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(url, Samples.Profile() with { IsicCodes = ["0000"] }), "isicCodes");
        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(url, Samples.Profile() with { ExportMarkets = ["XX"] }), "exportMarkets");
        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(url, Samples.Profile(new string('s', 100_000))), "summary");
    }

    [DatabaseFact]
    public async Task ARejectedProfileUpdateLeavesTheStoredProfileUnchanged()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var url = $"/api/organizations/{sme.Me.OrgId}/profile";
        await sme.SaveProfileAsync();
        var before = await Expect.JsonAsync(await sme.Client.GetAsync(url), HttpStatusCode.OK);

        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(url, Samples.Profile("New words") with { HsCodes = ["nope"] }), "hsCodes");
        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(url, Samples.Profile("New words") with { LeadTimeDays = -3 }), "leadTimeDays");
        var malformed = new StringContent("""{"summary": "New words", "capabilities": [1, 2""", Encoding.UTF8, "application/json");
        await Expect.ProblemAsync(await sme.Client.PutAsync(url, malformed), HttpStatusCode.BadRequest);

        var after = await Expect.JsonAsync(await sme.Client.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal(before.ToString(), after.ToString());
    }

    [DatabaseFact]
    public async Task AnIpListingWithBadFieldsIsRefused()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync("/api/ip-listings", Samples.IpListing() with { IpcClasses = ["Z99Z"] }), "ipcClasses");
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync("/api/ip-listings", Samples.IpListing() with { Jurisdictions = ["XX"] }), "jurisdictions");
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync("/api/ip-listings", Samples.IpListing(new string('t', 10_000))), "title");
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync("/api/ip-listings", Samples.IpListing() with { ReadinessLevel = 12 }), "readinessLevel");
        var wrongType = new StringContent("""{"kind": "Patent", "title": "x", "readinessLevel": "high", "offerTypes": ["Sale"]}""", Encoding.UTF8, "application/json");
        await Expect.ValidationErrorAsync(await sme.Client.PostAsync("/api/ip-listings", wrongType), "readinessLevel");
        Assert.False(await app.WithDbAsync(db => db.IpListings.AnyAsync(i => i.OrganizationId == sme.Me.OrgId)));
    }

    [DatabaseFact]
    public async Task AnOrganisationUpdateWithBadFieldsLeavesItUnchanged()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var url = $"/api/organizations/{sme.Me.OrgId}";
        var before = await Expect.JsonAsync(await sme.Client.GetAsync(url), HttpStatusCode.OK);
        var input = await app.WithDbAsync(async db => OrganizationInput.From(await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == sme.Me.OrgId)));

        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(url, input with { Name = "Renamed", Country = "XX" }), "country");
        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(url, input with { Name = "Renamed", Website = "not a url" }), "website");
        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(url, input with { Name = new string('n', 10_000) }), "name");
        await Expect.StatusAsync(await sme.Client.PutAsync(url, new StringContent("name=Renamed", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);

        var after = await Expect.JsonAsync(await sme.Client.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal(before.ToString(), after.ToString());
    }
}

[Collection(SharedApps.SqliteA)]
public sealed class SupplierInputTestsOnSqlite(SqliteApp app) : SupplierInputTests(app);

[Collection(SharedApps.PostgresA)]
public sealed class SupplierInputTestsOnPostgres(PostgresApp app) : SupplierInputTests(app), IUsesPostgres;
