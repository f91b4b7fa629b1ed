using System.Net;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Certificates;

/// <summary>Certificates on a profile: scopes and dates, evidence levels and who sets them, bad input by field.</summary>
public abstract class CertificatesApiTests(GvcMatchApp app)
{
    private static string ProfileUrl(Member sme) => $"/api/organizations/{sme.Me.OrgId}/profile";

    private static async Task<JsonElement> CertificatesAsync(Member sme) =>
        (await Expect.JsonAsync(await sme.Client.GetAsync(ProfileUrl(sme)), HttpStatusCode.OK)).GetProperty("certifications");

    private static async Task<Member> SmeWithAsync(GvcMatchApp app, string country, params CertificationInput[] certificates)
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme, country);
        await sme.SaveProfileAsync(Samples.Profile() with { Certifications = [.. certificates] });
        return sme;
    }

    [DatabaseFact]
    public async Task ACertificateIsStoredUnderItsRegistryCodeWithItsScopeDatesAndEvidence()
    {
        var until = Samples.InDays(400);
        var sme = await SmeWithAsync(app, "DE",
            new CertificationInput("ISO 14644-1", "TÜV", "CR-7", until) { Scope = "ISO class 7", ValidFrom = Samples.InDays(-30) },
            new CertificationInput("ISO 9001:2015", null, null, null),
            new CertificationInput("Acme Supplier Excellence Award", null, null, null));
        var certs = await CertificatesAsync(sme);

        Assert.Equal("ISO 14644", certs[0].GetProperty("standard").GetString());
        Assert.Equal("7", certs[0].GetProperty("scope").GetString());
        Assert.Equal("SelfDeclared", certs[0].GetProperty("evidence").GetString());
        Assert.Equal($"ISO 14644 class 7 (self-declared, valid until {until:yyyy-MM-dd})", certs[0].GetProperty("shown").GetString());
        Assert.Equal(400, certs[0].GetProperty("expiresInDays").GetInt32());
        Assert.Equal("ISO 9001", certs[1].GetProperty("standard").GetString());
        Assert.True(certs[1].GetProperty("known").GetBoolean());
        Assert.Equal("Acme Supplier Excellence Award", certs[2].GetProperty("standard").GetString());
        Assert.False(certs[2].GetProperty("known").GetBoolean());
    }

    [DatabaseFact]
    public async Task BadCertificatesAreRefusedByFieldAndNothingIsStored()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var url = ProfileUrl(sme);
        async Task Refused(CertificationInput c, string field) =>
            await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(url, Samples.Profile() with { Certifications = [c] }), field);

        await Refused(new CertificationInput("ISO 14644", null, null, null) { Scope = "class 10" }, "certifications[0].scope");
        await Refused(new CertificationInput("NADCAP", null, null, null) { Scope = "Basket weaving" }, "certifications[0].scope");
        await Refused(new CertificationInput("ISO 9001", null, null, Samples.InDays(10)) { ValidFrom = Samples.InDays(20) }, "certifications[0].validUntil");
        await Refused(new CertificationInput("ISO 9001", null, null, null) { Evidence = EvidenceLevel.DocumentChecked }, "certifications[0].evidence");
        await Refused(new CertificationInput(new string('x', 201), null, null, null), "certifications[0].standard");
        await Expect.StatusAsync(await sme.Client.GetAsync(url), HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task AVerifiedIntermediaryOfTheSmesCountryRaisesTheEvidenceAndTheSmeCannot()
    {
        var sme = await SmeWithAsync(app, "MX", new CertificationInput("ISO 13485", null, "MD-1", Samples.InDays(300)));
        var id = (await CertificatesAsync(sme))[0].GetProperty("id").GetInt32();
        var evidenceUrl = $"{ProfileUrl(sme)}/certifications/{id}/evidence";

        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync(evidenceUrl, new { level = "DocumentChecked" }), "level");

        var agency = await app.SignUpAsync(OrganizationKind.Intermediary, "MX");
        await Expect.StatusAsync(await agency.Client.PostJsonAsync(evidenceUrl, new { level = "DocumentChecked" }), HttpStatusCode.Forbidden);
        await app.MarkVerifiedAsync(agency.Me.OrgId);
        var set = await Expect.JsonAsync(await agency.Client.PostJsonAsync(evidenceUrl, new { level = "VerifiedByIntermediary", note = "Seen the original" }), HttpStatusCode.OK);
        Assert.Equal("VerifiedByIntermediary", set.GetProperty("evidence").GetString());
        Assert.True(set.GetProperty("verified").GetBoolean());
        await Expect.ValidationErrorAsync(await agency.Client.PostJsonAsync(evidenceUrl, new { level = "VerifiedByIssuer" }), "level");

        var abroad = await app.SignUpAsync(OrganizationKind.Intermediary, "JP");
        await app.MarkVerifiedAsync(abroad.Me.OrgId);
        await Expect.StatusAsync(await abroad.Client.PostJsonAsync(evidenceUrl, new { level = "DocumentChecked" }), HttpStatusCode.Forbidden);

        // A certificate id of another SME is not found under this one.
        var other = await SmeWithAsync(app, "MX", new CertificationInput("ISO 9001", null, null, null));
        var otherId = (await CertificatesAsync(other))[0].GetProperty("id").GetInt32();
        await Expect.StatusAsync(await agency.Client.PostJsonAsync($"{ProfileUrl(sme)}/certifications/{otherId}/evidence", new { level = "DocumentChecked" }), HttpStatusCode.NotFound);

        // The SME sends its profile back as read: the level stays; a changed certificate starts again as self-declared.
        var until = DateOnly.Parse((await CertificatesAsync(sme))[0].GetProperty("validUntil").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        await sme.SaveProfileAsync(Samples.Profile() with
        {
            Certifications = [new CertificationInput("ISO 13485", null, "MD-1", until) { Evidence = EvidenceLevel.VerifiedByIntermediary }],
        });
        Assert.Equal("VerifiedByIntermediary", (await CertificatesAsync(sme))[0].GetProperty("evidence").GetString());
        await sme.SaveProfileAsync(Samples.Profile() with { Certifications = [new CertificationInput("ISO 13485", null, "MD-2", Samples.InDays(300))] });
        Assert.Equal("SelfDeclared", (await CertificatesAsync(sme))[0].GetProperty("evidence").GetString());
    }

    [DatabaseFact]
    public async Task OnlyAPlatformAdminRecordsAConfirmationFromTheIssuer()
    {
        var sme = await SmeWithAsync(app, "DE", new CertificationInput("IATF 16949", null, null, null));
        var id = (await CertificatesAsync(sme))[0].GetProperty("id").GetInt32();
        var admin = await app.SignUpAsync(OrganizationKind.Intermediary);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        var set = await Expect.JsonAsync(await admin.Client.PostJsonAsync($"{ProfileUrl(sme)}/certifications/{id}/evidence", new { level = "VerifiedByIssuer" }), HttpStatusCode.OK);
        Assert.Equal("VerifiedByIssuer", set.GetProperty("evidence").GetString());
    }

    [DatabaseFact]
    public async Task AnAdminMapsAnUnknownStandardAndLaterCertificatesUnderThatNameFollow()
    {
        var name = $"Qualitätsmanagement {Guid.NewGuid():N}";
        var sme = await SmeWithAsync(app, "DE", new CertificationInput(name, null, null, null));
        var admin = await app.SignUpAsync(OrganizationKind.Intermediary);
        await app.MakePlatformAdminAsync(admin.Me.UserId);

        var queue = await Expect.JsonAsync(await admin.Client.GetAsync("/api/admin/certifications/unknown?take=500"), HttpStatusCode.OK);
        var entry = queue.GetProperty("names").EnumerateArray().Single(n => n.GetProperty("name").GetString() == name);
        Assert.Equal(1, entry.GetProperty("certificates").GetInt32());

        await Expect.StatusAsync(await sme.Client.PostJsonAsync("/api/admin/certifications/mappings", new { name, code = "ISO 9001" }), HttpStatusCode.Forbidden);
        await Expect.ValidationErrorAsync(await admin.Client.PostJsonAsync("/api/admin/certifications/mappings", new { name, code = "ISO 99999" }), "code");
        await Expect.ValidationErrorAsync(await admin.Client.PostJsonAsync("/api/admin/certifications/mappings", new { name = "ISO 9001:2015", code = "ISO 9001" }), "name");
        var mapped = await Expect.JsonAsync(await admin.Client.PostJsonAsync("/api/admin/certifications/mappings", new { name, code = "ISO 9001" }), HttpStatusCode.OK);
        Assert.Equal(1, mapped.GetProperty("certificatesMoved").GetInt32());
        Assert.Equal("ISO 9001", (await CertificatesAsync(sme))[0].GetProperty("standard").GetString());

        var later = await SmeWithAsync(app, "DE", new CertificationInput(name.ToUpperInvariant(), null, null, null));
        Assert.Equal("ISO 9001", (await CertificatesAsync(later))[0].GetProperty("standard").GetString());
        queue = await Expect.JsonAsync(await admin.Client.GetAsync("/api/admin/certifications/unknown?take=500"), HttpStatusCode.OK);
        Assert.DoesNotContain(queue.GetProperty("names").EnumerateArray(), n => n.GetProperty("name").GetString() == name);
    }

    [DatabaseFact]
    public async Task TheAdminPageListsUnknownStandardsAndMapsOne()
    {
        var name = $"Regional Quality Seal {Guid.NewGuid():N}";
        var sme = await SmeWithAsync(app, "DE", new CertificationInput(name, null, null, null));
        var admin = await app.SignUpAsync(OrganizationKind.Intermediary);
        await app.MakePlatformAdminAsync(admin.Me.UserId);

        using var browser = Auth.PageForms.Browser(app);
        await Auth.PageForms.SignInAsync(browser, admin.Email, admin.Password);
        Assert.Contains(name, await (await browser.GetAsync("/Admin/Certifications")).Content.ReadAsStringAsync());
        var refused = await Auth.PageForms.PostAsync(browser, "/Admin/Certifications", new Dictionary<string, string> { ["Mapping.Name"] = name, ["Mapping.Code"] = "ISO 14644", ["Mapping.Scope"] = "class 10" });
        Assert.Contains("data-error-for=\"scope\"", await refused.Content.ReadAsStringAsync());
        var mapped = await Auth.PageForms.PostAsync(browser, "/Admin/Certifications", new Dictionary<string, string> { ["Mapping.Name"] = name, ["Mapping.Code"] = "ISO 14644", ["Mapping.Scope"] = "class 8" });
        Assert.Equal(HttpStatusCode.Redirect, mapped.StatusCode);
        var cert = (await CertificatesAsync(sme))[0];
        Assert.Equal("ISO 14644", cert.GetProperty("standard").GetString());
        Assert.Equal("8", cert.GetProperty("scope").GetString());

        using var smeBrowser = Auth.PageForms.Browser(app);
        await Auth.PageForms.SignInAsync(smeBrowser, sme.Email, sme.Password);
        await Expect.StatusAsync(await smeBrowser.GetAsync("/Admin/Certifications"), HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task ARequirementsCertificationCriteriaAreCheckedByField()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        Criterion Cert(Criterion c) => c with { Kind = CriterionKind.CertificationHeld, Mandatory = true };
        async Task Refused(Criterion c, string field) => await Expect.ValidationErrorAsync(
            await mne.Client.PostJsonAsync("/api/requirements", Samples.Requirement() with { Criteria = [Cert(c), .. Samples.Requirement().Criteria!.Skip(1)] }), field);

        await Refused(new Criterion { AnyOf = Enumerable.Range(1, 50).Select(i => new AcceptedStandard($"Standard {i}")).ToList() }, "criteria[0].anyOf");
        await Refused(new Criterion { Standard = "NADCAP", Scope = "Basket weaving" }, "criteria[0].scope");
        await Refused(new Criterion { Standard = "ISO 14644", Scope = "0" }, "criteria[0].scope");
        await Refused(new Criterion { AnyOf = [new("FSSC 22000"), new("IPC-A-610", "class 4")] }, "criteria[0].anyOf[1].scope");

        var ok = Samples.Requirement() with
        {
            Criteria = [Cert(new Criterion { AnyOf = [new("FSSC 22000"), new("BRCGS Food Safety"), new("IFS Food")], MinimumEvidence = EvidenceLevel.DocumentChecked }),
                .. Samples.Requirement().Criteria!.Skip(1)],
        };
        await mne.CreateRequirementAsync(ok);
    }
}

public sealed class CertificatesApiTestsOnSqlite(SqliteApp app) : CertificatesApiTests(app), IClassFixture<SqliteApp>;

public sealed class CertificatesApiTestsOnPostgres(PostgresApp app) : CertificatesApiTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
