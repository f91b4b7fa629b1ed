using System.Net;
using System.Text;
using System.Text.Json;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Tests.Auth;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Certificates;

/// <summary>
/// The checkers' list of certificates: a verified intermediary sees the documents waiting in its own
/// country and records how far it checked them on the page, through the same rules as the API;
/// admins see every country; everyone else is refused.
/// </summary>
public abstract class CertificateChecksTests(GvcMatchApp app)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% certificate scan\n%%EOF\n");

    private async Task<(Member Sme, int CertificationId)> SmeAsync(string country, bool withDocument)
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme, country);
        await sme.SaveProfileAsync(Samples.Profile() with { Certifications = [new CertificationInput("ISO 13485", "TÜV", "MD-7", Samples.InDays(300))] });
        var profile = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/profile"), HttpStatusCode.OK);
        var id = profile.GetProperty("certifications")[0].GetProperty("id").GetInt32();
        if (withDocument)
        {
            using var upload = CertificateDocumentTests.Upload("scan.pdf", Pdf);
            await Expect.StatusAsync(await sme.Client.PutAsync($"/api/organizations/{sme.Me.OrgId}/profile/certifications/{id}/document", upload), HttpStatusCode.OK);
        }
        return (sme, id);
    }

    private static async Task<List<JsonElement>> ChecksAsync(Member checker, string query)
    {
        var body = await Expect.JsonAsync(await checker.Client.GetAsync($"/api/certifications/checks?{query}"), HttpStatusCode.OK);
        return body.GetProperty("items").EnumerateArray().ToList();
    }

    private static List<int> Organizations(List<JsonElement> items) => items.Select(i => i.GetProperty("organizationId").GetInt32()).ToList();

    [DatabaseFact]
    public async Task A_verified_intermediary_sees_the_documents_waiting_in_its_country_and_records_a_check_on_the_page()
    {
        var (waiting, certificate) = await SmeAsync("PE", withDocument: true);
        var (noDocument, _) = await SmeAsync("PE", withDocument: false);
        var (abroad, _) = await SmeAsync("CL", withDocument: true);
        var agency = await app.SignUpAsync(OrganizationKind.Intermediary, "PE");
        await app.MarkVerifiedAsync(agency.Me.OrgId);

        Assert.Contains(waiting.Me.OrgId, Organizations(await ChecksAsync(agency, $"waiting=true&page=1&q={Uri.EscapeDataString(waiting.Me.OrganizationName!)}")));
        Assert.DoesNotContain(noDocument.Me.OrgId, Organizations(await ChecksAsync(agency, $"waiting=true&q={Uri.EscapeDataString(noDocument.Me.OrganizationName!)}")));
        Assert.DoesNotContain(abroad.Me.OrgId, Organizations(await ChecksAsync(agency, $"waiting=false&q={Uri.EscapeDataString(abroad.Me.OrganizationName!)}")));
        Assert.Contains(noDocument.Me.OrgId, Organizations(await ChecksAsync(agency, $"waiting=false&q={Uri.EscapeDataString(noDocument.Me.OrganizationName!)}")));
        var item = (await ChecksAsync(agency, $"q={Uri.EscapeDataString(waiting.Me.OrganizationName!)}")).Single();
        Assert.Equal($"/api/organizations/{waiting.Me.OrgId}/profile/certifications/{certificate}/document", item.GetProperty("documentUrl").GetString());
        Assert.Equal("SelfDeclared", item.GetProperty("certificate").GetProperty("evidence").GetString());

        using var browser = PageForms.Browser(app);
        await PageForms.SignInAsync(browser, agency.Email, agency.Password);
        var page = Html.Parse(await (await browser.GetAsync($"/Admin/CertificateChecks?q={Uri.EscapeDataString(waiting.Me.OrganizationName!)}")).Content.ReadAsStringAsync());
        var row = page.QuerySelector($"#certificate-{certificate}");
        Assert.NotNull(row);
        Assert.Equal(item.GetProperty("documentUrl").GetString(), row.QuerySelector("a[target=_blank]")?.GetAttribute("href"));
        // An intermediary may go up to "verified by an intermediary", never to the issuer's confirmation.
        Assert.Equal(["SelfDeclared", "DocumentChecked", "VerifiedByIntermediary"], row.QuerySelectorAll("select[name=level] option").Select(o => o.GetAttribute("value")));

        var posted = await PageForms.PostAsync(browser, $"/Admin/CertificateChecks?q={Uri.EscapeDataString(waiting.Me.OrganizationName!)}", new Dictionary<string, string>
        {
            ["organizationId"] = waiting.Me.OrgId.ToString(), ["certificationId"] = certificate.ToString(), ["level"] = "DocumentChecked", ["note"] = "Compared with the register.",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = Html.Parse(await (await browser.GetAsync(posted.Headers.Location!.ToString())).Content.ReadAsStringAsync());
        Assert.NotNull(after.QuerySelector("#message"));

        var profile = await Expect.JsonAsync(await waiting.Client.GetAsync($"/api/organizations/{waiting.Me.OrgId}/profile"), HttpStatusCode.OK);
        Assert.Equal("DocumentChecked", profile.GetProperty("certifications")[0].GetProperty("evidence").GetString());
        Assert.DoesNotContain(waiting.Me.OrgId, Organizations(await ChecksAsync(agency, $"waiting=true&q={Uri.EscapeDataString(waiting.Me.OrganizationName!)}")));

        var admin = await app.SignUpAsync(OrganizationKind.Intermediary);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        var audit = await Expect.JsonAsync(await admin.Client.GetAsync($"/api/admin/audit?organizationId={waiting.Me.OrgId}&action={AuditActions.CertificateEvidence}"), HttpStatusCode.OK);
        Assert.Contains("Compared with the register.", audit.GetProperty("items")[0].GetProperty("reason").GetString());
    }

    [DatabaseFact]
    public async Task The_page_refuses_a_level_above_the_checkers_own_and_a_certificate_of_another_country()
    {
        var (here, certificate) = await SmeAsync("UY", withDocument: true);
        var (abroad, foreign) = await SmeAsync("PY", withDocument: true);
        var agency = await app.SignUpAsync(OrganizationKind.Intermediary, "UY");
        await app.MarkVerifiedAsync(agency.Me.OrgId);
        using var browser = PageForms.Browser(app);
        await PageForms.SignInAsync(browser, agency.Email, agency.Password);

        var tooHigh = await PageForms.PostAsync(browser, "/Admin/CertificateChecks", new Dictionary<string, string>
            { ["organizationId"] = here.Me.OrgId.ToString(), ["certificationId"] = certificate.ToString(), ["level"] = "VerifiedByIssuer" });
        var failed = Html.Parse(await (await browser.GetAsync(tooHigh.Headers.Location!.ToString())).Content.ReadAsStringAsync());
        Assert.Contains("VerifiedByIntermediary", failed.QuerySelector("#failed")?.TextContent);
        var forged = await PageForms.PostAsync(browser, "/Admin/CertificateChecks", new Dictionary<string, string>
            { ["organizationId"] = abroad.Me.OrgId.ToString(), ["certificationId"] = foreign.ToString(), ["level"] = "DocumentChecked" });
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);

        var levels = await app.WithDbAsync(db => Task.FromResult(db.Certifications.Where(c => c.Id == certificate || c.Id == foreign).Select(c => c.Evidence).ToList()));
        Assert.All(levels, l => Assert.Equal(GvcMatch.Matching.Certifications.EvidenceLevel.SelfDeclared, l));
    }

    [DatabaseFact]
    public async Task A_platform_admin_sees_every_country_and_narrows_to_one()
    {
        var (peru, _) = await SmeAsync("PE", withDocument: true);
        var (chile, _) = await SmeAsync("CL", withDocument: true);
        var admin = await app.SignUpAsync(OrganizationKind.Intermediary);
        await app.MakePlatformAdminAsync(admin.Me.UserId);

        Assert.Contains(chile.Me.OrgId, Organizations(await ChecksAsync(admin, $"q={Uri.EscapeDataString(chile.Me.OrganizationName!)}")));
        Assert.Contains(peru.Me.OrgId, Organizations(await ChecksAsync(admin, $"q={Uri.EscapeDataString(peru.Me.OrganizationName!)}&country=PE")));
        Assert.Empty(await ChecksAsync(admin, $"q={Uri.EscapeDataString(chile.Me.OrganizationName!)}&country=PE"));
        var body = await Expect.JsonAsync(await admin.Client.GetAsync("/api/certifications/checks?page=1"), HttpStatusCode.OK);
        Assert.Equal("VerifiedByIssuer", body.GetProperty("ceiling").GetString());
        await Expect.ValidationErrorAsync(await admin.Client.GetAsync("/api/certifications/checks?page=0"), "page");
    }

    [DatabaseFact]
    public async Task Suppliers_buyers_and_unverified_intermediaries_are_refused_the_list_and_the_page()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme, "PE");
        var buyer = await app.SignUpAsync(OrganizationKind.Mne, "PE");
        var unverified = await app.SignUpAsync(OrganizationKind.Intermediary, "PE");
        foreach (var who in new[] { sme, buyer, unverified })
        {
            await Expect.StatusAsync(await who.Client.GetAsync("/api/certifications/checks"), HttpStatusCode.Forbidden);
            using var browser = PageForms.Browser(app);
            await PageForms.SignInAsync(browser, who.Email, who.Password);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/Admin/CertificateChecks")).StatusCode);
        }
        using var visitor = app.CreateClient();
        await Expect.StatusAsync(await visitor.GetAsync("/api/certifications/checks"), HttpStatusCode.Unauthorized);
    }

    [DatabaseFact]
    public async Task The_page_reads_in_the_checkers_language()
    {
        var (sme, certificate) = await SmeAsync("MX", withDocument: true);
        var agency = await app.SignUpAsync(OrganizationKind.Intermediary, "MX");
        await app.MarkVerifiedAsync(agency.Me.OrgId);
        using var browser = PageForms.Browser(app);
        await PageForms.SignInAsync(browser, agency.Email, agency.Password);
        browser.DefaultRequestHeaders.Add("Accept-Language", "es");

        var page = Html.Parse(await (await browser.GetAsync($"/Admin/CertificateChecks?q={Uri.EscapeDataString(sme.Me.OrganizationName!)}")).Content.ReadAsStringAsync());

        Assert.Equal("Verificación de certificados", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("Autodeclarado", page.QuerySelector($"#certificate-{certificate} .badge")?.TextContent);
    }
}

public sealed class CertificateChecksTestsOnSqlite(SqliteApp app) : CertificateChecksTests(app), IClassFixture<SqliteApp>;

public sealed class CertificateChecksTestsOnPostgres(PostgresApp app) : CertificateChecksTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
