using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Certificates;

/// <summary>
/// A certificate's document: the owning SME attaches, replaces and removes it through the upload
/// checks; who may download it; a document never raises the evidence level by itself.
/// </summary>
public abstract class CertificateDocumentTests(GvcMatchApp app)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% certificate scan\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    private static string ProfileUrl(Member sme) => $"/api/organizations/{sme.Me.OrgId}/profile";

    private static string DocumentUrl(Member sme, int certificationId) => $"{ProfileUrl(sme)}/certifications/{certificationId}/document";

    private static async Task<JsonElement> CertificateAsync(Member sme) =>
        (await Expect.JsonAsync(await sme.Client.GetAsync(ProfileUrl(sme)), HttpStatusCode.OK)).GetProperty("certifications")[0];

    internal static MultipartFormDataContent Upload(string fileName, byte[] bytes, string field = "file")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    private async Task<(Member Sme, int CertificationId)> SmeWithCertificateAsync(string country = "DE")
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme, country);
        await sme.SaveProfileAsync(Samples.Profile() with { Certifications = [new CertificationInput("ISO 13485", "TÜV", "MD-7", Samples.InDays(300))] });
        return (sme, (await CertificateAsync(sme)).GetProperty("id").GetInt32());
    }

    [DatabaseFact]
    public async Task TheOwnerAttachesReplacesAndRemovesTheDocumentAndTheEvidenceStaysSelfDeclared()
    {
        var (sme, id) = await SmeWithCertificateAsync();
        Assert.False((await CertificateAsync(sme)).GetProperty("documentAttached").GetBoolean());

        using (var upload = Upload("scan\u202E.pdf", Pdf))
        {
            var attached = await Expect.JsonAsync(await sme.Client.PutAsync(DocumentUrl(sme, id), upload), HttpStatusCode.OK);
            Assert.Equal("scan.pdf", attached.GetProperty("fileName").GetString());
            Assert.Equal("application/pdf", attached.GetProperty("contentType").GetString());
            Assert.Equal(Pdf.Length, attached.GetProperty("length").GetInt64());
        }
        var cert = await CertificateAsync(sme);
        Assert.True(cert.GetProperty("documentAttached").GetBoolean());
        Assert.Equal("SelfDeclared", cert.GetProperty("evidence").GetString());
        var download = await sme.Client.GetAsync(DocumentUrl(sme, id));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        // A checker reads it and marks it checked; a new document undoes that check, since what was checked is gone.
        var agency = await app.SignUpAsync(OrganizationKind.Intermediary, "DE");
        await app.MarkVerifiedAsync(agency.Me.OrgId);
        Assert.Equal(Pdf, await (await agency.Client.GetAsync(DocumentUrl(sme, id))).Content.ReadAsByteArrayAsync());
        await Expect.JsonAsync(await agency.Client.PostJsonAsync($"{ProfileUrl(sme)}/certifications/{id}/evidence", new { level = "DocumentChecked" }), HttpStatusCode.OK);
        using (var upload = Upload("scan.png", Png))
            await Expect.JsonAsync(await sme.Client.PutAsync(DocumentUrl(sme, id), upload), HttpStatusCode.OK);
        Assert.Equal("SelfDeclared", (await CertificateAsync(sme)).GetProperty("evidence").GetString());
        Assert.Equal(Png, await (await sme.Client.GetAsync(DocumentUrl(sme, id))).Content.ReadAsByteArrayAsync());

        // Saving the profile unchanged keeps the document with the certificate.
        var profile = await Expect.JsonAsync(await sme.Client.GetAsync(ProfileUrl(sme)), HttpStatusCode.OK);
        var until = DateOnly.Parse(profile.GetProperty("certifications")[0].GetProperty("validUntil").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        await sme.SaveProfileAsync(Samples.Profile("Surgical instrument machining.") with { Certifications = [new CertificationInput("ISO 13485", "TÜV", "MD-7", until)] });
        cert = await CertificateAsync(sme);
        Assert.True(cert.GetProperty("documentAttached").GetBoolean());
        id = cert.GetProperty("id").GetInt32();
        Assert.Equal(Png, await (await sme.Client.GetAsync(DocumentUrl(sme, id))).Content.ReadAsByteArrayAsync());

        // Changing the certificate drops its document with its evidence, and the stored file goes.
        var key = await app.WithDbAsync(db => db.Certifications.Where(c => c.Id == id).Select(c => c.DocumentKey).SingleAsync());
        var file = Path.Combine(app.Database.DataFolder, "certificate-documents", key!);
        Assert.True(File.Exists(file));
        await sme.SaveProfileAsync(Samples.Profile() with { Certifications = [new CertificationInput("ISO 13485", "TÜV", "MD-8", until)] });
        Assert.False((await CertificateAsync(sme)).GetProperty("documentAttached").GetBoolean());
        Assert.False(File.Exists(file));

        await sme.SaveProfileAsync(Samples.Profile() with { Certifications = [new CertificationInput("ISO 13485", "TÜV", "MD-7", until)] });
        id = (await CertificateAsync(sme)).GetProperty("id").GetInt32();
        using (var upload = Upload("scan.pdf", Pdf))
            await Expect.JsonAsync(await sme.Client.PutAsync(DocumentUrl(sme, id), upload), HttpStatusCode.OK);
        await Expect.StatusAsync(await sme.Client.DeleteAsync(DocumentUrl(sme, id)), HttpStatusCode.NoContent);
        Assert.False((await CertificateAsync(sme)).GetProperty("documentAttached").GetBoolean());
        await Expect.ProblemAsync(await sme.Client.GetAsync(DocumentUrl(sme, id)), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await sme.Client.DeleteAsync(DocumentUrl(sme, id)), HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task AnotherSmeFindsNoDocumentAndBuyersReadItOnlyWhileTheProfileIsPublished()
    {
        var (sme, id) = await SmeWithCertificateAsync("MX");
        using (var upload = Upload("scan.pdf", Pdf))
            await Expect.JsonAsync(await sme.Client.PutAsync(DocumentUrl(sme, id), upload), HttpStatusCode.OK);
        var url = DocumentUrl(sme, id);
        var rival = await app.SignUpAsync(OrganizationKind.Sme, "MX");
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var checker = await app.SignUpAsync(OrganizationKind.Intermediary, "MX");
        await app.MarkVerifiedAsync(checker.Me.OrgId);
        var abroad = await app.SignUpAsync(OrganizationKind.Intermediary, "JP");
        var admin = await app.SignUpAsync(OrganizationKind.Intermediary);
        await app.MakePlatformAdminAsync(admin.Me.UserId);

        // A draft: the SME, the checker of its country and admins only.
        await Expect.ProblemAsync(await buyer.Client.GetAsync(url), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await abroad.Client.GetAsync(url), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await checker.Client.GetAsync(url), HttpStatusCode.OK);
        await Expect.StatusAsync(await admin.Client.GetAsync(url), HttpStatusCode.OK);

        await sme.PublishProfileAsync();
        await Expect.StatusAsync(await buyer.Client.GetAsync(url), HttpStatusCode.OK);
        await Expect.StatusAsync(await abroad.Client.GetAsync(url), HttpStatusCode.OK);
        using var anonymous = app.CreateClient();
        await Expect.StatusAsync(await anonymous.GetAsync(url), HttpStatusCode.Unauthorized);

        // Another SME: not found, whatever it tries, and nothing changes.
        await Expect.ProblemAsync(await rival.Client.GetAsync(url), HttpStatusCode.NotFound);
        using (var upload = Upload("fake.pdf", Pdf))
            await Expect.ProblemAsync(await rival.Client.PutAsync(url, upload), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await rival.Client.DeleteAsync(url), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await buyer.Client.DeleteAsync(url), HttpStatusCode.NotFound);
        // Its own id under this SME's address, and this SME's id under its own address, are not found either.
        await rival.SaveProfileAsync();
        var rivalCert = (await CertificateAsync(rival)).GetProperty("id").GetInt32();
        await Expect.ProblemAsync(await rival.Client.GetAsync(DocumentUrl(sme, rivalCert)), HttpStatusCode.NotFound);
        using (var upload = Upload("fake.pdf", Pdf))
            await Expect.ProblemAsync(await rival.Client.PutAsync(DocumentUrl(rival, id), upload), HttpStatusCode.NotFound);
        Assert.Equal(Pdf, await (await sme.Client.GetAsync(url)).Content.ReadAsByteArrayAsync());
    }

    [DatabaseFact]
    public async Task WrongTypesDisguisedFilesOversizedFilesAndMissingPartsAreRefusedOnTheFileField()
    {
        var (sme, id) = await SmeWithCertificateAsync();
        var url = DocumentUrl(sme, id);
        async Task Refused(HttpContent content) => await Expect.ValidationErrorAsync(await sme.Client.PutAsync(url, content), "file");

        using (var docx = Upload("certificate.txt", "ISO 13485 certificate"u8.ToArray())) await Refused(docx);
        using (var fake = Upload("certificate.pdf", "not a pdf at all"u8.ToArray())) await Refused(fake);
        using (var fakeImage = Upload("certificate.jpg", Png)) await Refused(fakeImage);
        using (var empty = Upload("certificate.pdf", [])) await Refused(empty);
        using (var wrongPart = Upload("certificate.pdf", Pdf, field: "document")) await Refused(wrongPart);
        var big = new byte[10 * 1024 * 1024 + 1];
        Pdf.CopyTo(big, 0);
        using (var tooBig = Upload("certificate.pdf", big)) await Refused(tooBig);
        using (var json = new StringContent("{\"file\":\"x\"}", Encoding.UTF8, "application/json")) await Refused(json);
        using (var cut = new ByteArrayContent(Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-")))
        {
            cut.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
            await Refused(cut);
        }
        Assert.False((await CertificateAsync(sme)).GetProperty("documentAttached").GetBoolean());
    }

    [DatabaseFact]
    public async Task TheOwnerUploadsOnTheProfilePageWhichThenShowsTheDocumentAndTheExpiry()
    {
        var (sme, id) = await SmeWithCertificateAsync();
        using var browser = Auth.PageForms.Browser(app);
        await Auth.PageForms.SignInAsync(browser, sme.Email, sme.Password);
        var page = await (await browser.GetAsync("/Account/Profile")).Content.ReadAsStringAsync();
        Assert.Contains("Expires in 300 days", page);
        Assert.DoesNotContain("document attached", page);
        var form = Html.Parse(page).GetElementById($"cert-document-{id}");
        Assert.NotNull(form);

        using var upload = Upload("certificate.pdf", Pdf, field: "document");
        upload.Add(new StringContent(AntiforgeryTokens.FormToken(page)), "__RequestVerificationToken");
        var posted = await browser.PostAsync(form.GetAttribute("action"), upload);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        page = await (await browser.GetAsync("/Account/Profile")).Content.ReadAsStringAsync();
        Assert.Contains("Document attached to ISO 13485", page);
        var link = Html.Parse(page).GetElementById("cert-0-document-link");
        Assert.NotNull(link);
        Assert.Equal("document attached", link.TextContent);
        Assert.Equal(Pdf, await (await browser.GetAsync(link.GetAttribute("href"))).Content.ReadAsByteArrayAsync());
        Assert.Equal("SelfDeclared", (await CertificateAsync(sme)).GetProperty("evidence").GetString());

        // A file that is not what it claims is reported on the page, and the stored document stays.
        using var fake = Upload("other.pdf", "plain text"u8.ToArray(), field: "document");
        fake.Add(new StringContent(AntiforgeryTokens.FormToken(page)), "__RequestVerificationToken");
        await browser.PostAsync(form.GetAttribute("action"), fake);
        page = await (await browser.GetAsync("/Account/Profile")).Content.ReadAsStringAsync();
        Assert.Contains("The document was not attached: The file does not start like a PDF.", page);
        Assert.Equal(Pdf, await (await sme.Client.GetAsync(DocumentUrl(sme, id))).Content.ReadAsByteArrayAsync());
    }
}

[Collection(SharedApps.SqliteA)]
public sealed class CertificateDocumentTestsOnSqlite(SqliteApp app) : CertificateDocumentTests(app);

[Collection(SharedApps.PostgresA)]
public sealed class CertificateDocumentTestsOnPostgres(PostgresApp app) : CertificateDocumentTests(app), IUsesPostgres;
