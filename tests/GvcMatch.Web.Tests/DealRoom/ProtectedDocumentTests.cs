using System.Net;
using GvcMatch.Documents;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.ProtectedDocuments;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.DealRoom;

/// <summary>Protected documents: stored encrypted, delivered stamped per recipient, logged, traced back from a leaked copy.</summary>
public sealed class ProtectedDocumentTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task EveryPageOfEachRecipientsCopyCarriesItsOwnFingerprint()
    {
        var (buyer, id) = await app.BuyerRequiringNdaAsync();
        var doc = await buyer.AttachAsync("requirements", id, DealRoomKit.Drawing(pages: 3), "housing-drawing.pdf");
        var first = await app.SignUpAsync(OrganizationKind.Sme);
        var second = await app.SignUpAsync(OrganizationKind.Sme);
        var fingerprints = new List<string>();
        foreach (var sme in new[] { first, second })
        {
            await sme.AcceptNdaAsync("requirements", id);
            var response = await sme.Client.GetAsync($"/api/protected-documents/{doc}/download");
            await Expect.StatusAsync(response, HttpStatusCode.OK);
            var copy = await response.Content.ReadAsByteArrayAsync();
            var fingerprint = response.Headers.GetValues("X-Delivery-Fingerprint").Single();
            Assert.Equal(fingerprint, PdfStamper.ReadFingerprint(copy)?.ToString());
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(copy);
            Assert.Equal(3, pdf.NumberOfPages);
            foreach (var page in pdf.GetPages()) Assert.Contains($"Delivery {fingerprint}", page.Text);
            fingerprints.Add(fingerprint);
        }
        Assert.NotEqual(fingerprints[0], fingerprints[1]);
    }

    [Fact]
    public async Task TheStoredBytesAreNotTheFile()
    {
        var (buyer, id) = await app.BuyerRequiringNdaAsync();
        var drawing = DealRoomKit.Drawing(pages: 1);
        var doc = await buyer.AttachAsync("requirements", id, drawing, "plain.pdf");

        var revision = await app.WithDbAsync(db => db.ProtectedRevisions.AsNoTracking().SingleAsync(r => r.DocumentId == doc));
        var path = app.Services.GetRequiredService<EncryptedFileStore>().PathOf(revision.StorageKey);
        var stored = await File.ReadAllBytesAsync(path);
        Assert.True(stored.Length >= drawing.Length);
        Assert.True(stored.AsSpan().IndexOf("%PDF"u8) < 0, "The stored file starts or contains a PDF header.");
        Assert.False(stored.AsSpan().IndexOf(drawing.AsSpan(drawing.Length / 2, 32)) >= 0, "A run of the original's bytes is in the stored file.");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(drawing)), revision.Sha256);
    }

    [Fact]
    public async Task ALeakedCopyLeadsTheOwnerAndAdminsToItsDeliveryAndNobodyElse()
    {
        var (buyer, id) = await app.BuyerRequiringNdaAsync();
        var pdfDoc = await buyer.AttachAsync("requirements", id, DealRoomKit.Drawing(pages: 2), "leak.pdf");
        var pngDoc = await buyer.AttachAsync("requirements", id, DealRoomKit.Picture(), "photo.png");
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.AcceptNdaAsync("requirements", id);
        var pdfCopy = await (await sme.Client.GetAsync($"/api/protected-documents/{pdfDoc}/download")).Content.ReadAsByteArrayAsync();
        var pngResponse = await sme.Client.GetAsync($"/api/protected-documents/{pngDoc}/download");
        await Expect.StatusAsync(pngResponse, HttpStatusCode.OK);
        var pngCopy = await pngResponse.Content.ReadAsByteArrayAsync();

        var fromPdf = await Expect.JsonAsync(await buyer.UploadAsync("/api/protected-documents/lookup", pdfCopy, "found.pdf"), HttpStatusCode.OK);
        Assert.Equal(sme.Me.UserId, fromPdf.GetProperty("userId").GetString());
        Assert.Equal(pdfDoc, fromPdf.GetProperty("documentId").GetInt32());
        // The picture's hidden mark alone names the delivery.
        var fromPng = await Expect.JsonAsync(await buyer.UploadAsync("/api/protected-documents/lookup", pngCopy, "found.png"), HttpStatusCode.OK);
        Assert.Equal(pngResponse.Headers.GetValues("X-Delivery-Fingerprint").Single(), fromPng.GetProperty("fingerprint").GetString());

        var typed = fromPdf.GetProperty("fingerprint").GetString()!.ToLowerInvariant().Replace("-", "");
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["fingerprint"] = typed });
        Assert.Equal(fromPdf.GetProperty("id").GetInt64(), (await Expect.JsonAsync(await buyer.Client.PostAsync("/api/protected-documents/lookup", form), HttpStatusCode.OK)).GetProperty("id").GetInt64());

        var admin = await app.SignUpAsync(OrganizationKind.Intermediary);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        await Expect.StatusAsync(await admin.UploadAsync("/api/protected-documents/lookup", pdfCopy, "found.pdf"), HttpStatusCode.OK);
        await Expect.StatusAsync(await sme.UploadAsync("/api/protected-documents/lookup", pdfCopy, "found.pdf"), HttpStatusCode.NotFound);
        await Expect.ValidationErrorAsync(await buyer.Client.PostAsync("/api/protected-documents/lookup",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["fingerprint"] = "not-a-code!" })), "fingerprint");
        await Expect.ValidationErrorAsync(await buyer.UploadAsync("/api/protected-documents/lookup", DealRoomKit.Drawing(1), "clean.pdf"), "file");
    }

    [Fact]
    public async Task TheLogRecordsEveryDeliveryAndRefusalAndOnlyTheOwnerReadsIt()
    {
        var (buyer, id) = await app.BuyerRequiringNdaAsync();
        var doc = await buyer.AttachAsync("requirements", id, DealRoomKit.Drawing(1), "log.pdf");
        var holder = await app.SignUpAsync(OrganizationKind.Sme);
        var outsider = await app.SignUpAsync(OrganizationKind.Sme);
        await holder.AcceptNdaAsync("requirements", id);
        await Expect.StatusAsync(await holder.Client.GetAsync($"/api/protected-documents/{doc}/download"), HttpStatusCode.OK);
        await Expect.StatusAsync(await holder.Client.GetAsync($"/api/protected-documents/{doc}/download"), HttpStatusCode.OK);
        // The holder's link, used by someone else: refused, and the attempt is in the log.
        await Expect.ProblemAsync(await outsider.Client.GetAsync($"/api/protected-documents/{doc}/download"), HttpStatusCode.Forbidden);

        var log = await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/protected-documents/{doc}/log"), HttpStatusCode.OK);
        var entries = log.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        Assert.Equal(2, entries.Count(e => e.GetProperty("userId").GetString() == holder.Me.UserId && Fingerprint(e) is { Length: 11 }));
        var refused = Assert.Single(entries, e => e.GetProperty("userId").GetString() == outsider.Me.UserId);
        Assert.Null(Fingerprint(refused));
        Assert.Contains("NDA", refused.GetProperty("refusal").GetString());
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("address").GetString())));

        foreach (var other in new[] { holder, outsider })
            await Expect.StatusAsync(await other.Client.GetAsync($"/api/protected-documents/{doc}/log"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadFilesAreRefusedNamingTheFileAndNothingIsStored()
    {
        var (buyer, id) = await app.BuyerRequiringNdaAsync();
        var bad = new (byte[] File, string Name)[]
        {
            ("%PDF-1.7 and then nothing a reader can use"u8.ToArray(), "corrupt.pdf"),
            (DealRoomKit.PdfWith("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"), "script.pdf"),
            (DealRoomKit.PdfWith("/Names << /EmbeddedFiles << /Names [] >> >>"), "attached.pdf"),
            (DealRoomKit.PdfWith("/Encrypt << /Filter /Standard /V 1 /R 2 >>"), "locked.pdf"),
            (DealRoomKit.ImageBomb(), "bomb.png"),
            (DealRoomKit.Picture(100, 100), "tiny.png"),
            (DealRoomKit.Picture(), "renamed.jpg"),
            ("MZ not a document"u8.ToArray(), "tool.exe"),
        };
        foreach (var (file, name) in bad)
            await Expect.ValidationErrorAsync(await buyer.UploadAsync($"/api/requirements/{id}/protected-documents", file, name), "file");
        await Expect.ValidationErrorAsync(await buyer.UploadAsync($"/api/requirements/{id}/protected-documents", DealRoomKit.Drawing(1), "ok.pdf", null, ("maxDownloads", "lots")), "maxDownloads");
        await Expect.ValidationErrorAsync(await buyer.UploadAsync($"/api/requirements/{id}/protected-documents", DealRoomKit.Drawing(1), "ok.pdf", null, ("expiresAt", "2001-01-01T00:00:00Z")), "expiresAt");
        Assert.Equal(0, await app.WithDbAsync(db => db.ProtectedDocuments.CountAsync(d => d.SubjectId == id)));

        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await sme.UploadAsync($"/api/requirements/{id}/protected-documents", DealRoomKit.Drawing(1), "mine.pdf"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ANewRevisionReachesRecipientsAndTheDownloadLimitHolds()
    {
        var (buyer, id) = await app.BuyerRequiringNdaAsync();
        var doc = await buyer.AttachAsync("requirements", id, DealRoomKit.Drawing(1), "rev.pdf", ("maxDownloads", "2"));
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.AcceptNdaAsync("requirements", id);
        await Expect.StatusAsync(await sme.Client.GetAsync($"/api/protected-documents/{doc}/download"), HttpStatusCode.OK);

        await Expect.StatusAsync(await buyer.UploadAsync($"/api/protected-documents/{doc}/file", DealRoomKit.Drawing(2), "rev-b.pdf", HttpMethod.Put), HttpStatusCode.OK);
        var notified = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == sme.Me.UserId && n.Kind == ProtectedDocumentService.NotificationKind).ToListAsync());
        Assert.Contains("Revision 2", Assert.Single(notified).Body);

        var second = await sme.Client.GetAsync($"/api/protected-documents/{doc}/download");
        await Expect.StatusAsync(second, HttpStatusCode.OK);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await second.Content.ReadAsByteArrayAsync())) Assert.Equal(2, pdf.NumberOfPages);
        var problem = await Expect.ProblemAsync(await sme.Client.GetAsync($"/api/protected-documents/{doc}/download"), HttpStatusCode.Forbidden);
        Assert.Contains("2 downloads", problem.GetProperty("detail").GetString());

        var log = await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/protected-documents/{doc}/log"), HttpStatusCode.OK);
        Assert.Equal([2, 2, 1], log.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("revision").GetInt32()).ToArray());
    }

    private static string? Fingerprint(System.Text.Json.JsonElement entry) =>
        entry.TryGetProperty("fingerprint", out var f) && f.ValueKind == System.Text.Json.JsonValueKind.String ? f.GetString() : null;
}
