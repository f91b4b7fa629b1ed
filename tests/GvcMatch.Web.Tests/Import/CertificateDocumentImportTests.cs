using System.Text;
using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Features.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Import;

/// <summary>
/// Certificate documents in a seeds file: a path beside the file, read by the import command with
/// the same checks as an upload, stored once, never read from an uploaded file or outside the folder.
/// </summary>
public sealed class CertificateDocumentImportTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% scan of the certificate\n%%EOF\n");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gvcmatch-seeds-" + Guid.NewGuid().ToString("N"));
    private string Files => Path.Combine(_root, "seeds");
    private ImportTestHost _host = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Files, "scans"));
        _host = await ImportTestHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private string SeedsFile(string key, string document, string? evidence = null)
    {
        var path = Path.Combine(Files, key + ".json");
        var level = evidence is null ? "" : $", \"evidence\": \"{evidence}\"";
        File.WriteAllText(path, $$"""
            { "organizations": [ { "key": "{{key}}", "kind": "Sme", "name": "Scan Works {{key}}", "country": "DE", "sizeBand": "Small",
                "profile": { "summary": "Machined parts.", "capabilities": ["cnc milling"],
                  "certifications": [ { "standard": "ISO 9001", "validUntil": "2035-01-31", "document": "{{document}}"{{level}} } ] } } ] }
            """);
        return path;
    }

    private Task<List<GvcMatch.Web.Features.Profiles.Certification>> CertificatesAsync() =>
        _host.QueryAsync(db => db.Certifications.AsNoTracking().OrderBy(c => c.Id).ToListAsync());

    private string StoredPath(string key) => Directory.GetFiles(_host.Folder, key, SearchOption.AllDirectories).Single();

    /// <summary>A named pipe gives its bytes once: a second read of the document would find nothing.</summary>
    [Fact]
    public async Task The_document_file_is_read_once()
    {
        var fifo = Path.Combine(Files, "scans", "once.pdf");
        using (var made = System.Diagnostics.Process.Start("mkfifo", [fifo])) await made.WaitForExitAsync();
        var writer = Task.Run(async () =>
        {
            await using var pipe = new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            await pipe.WriteAsync(Pdf);
        });

        var report = await _host.ImportAsync(SeedsFile("sme-scan-once", "scans/once.pdf"));
        // Whatever the import did, the writer can finish: a read-write open of a pipe never waits.
        await using (new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite)) await writer;

        Assert.Empty(report.Errors);
        var certificate = Assert.Single(await CertificatesAsync());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), certificate.DocumentSha256);
        Assert.Equal(Pdf, File.ReadAllBytes(StoredPath(certificate.DocumentKey!)));
    }

    [Fact]
    public async Task A_batch_the_database_refuses_leaves_no_stored_document_behind()
    {
        await _host.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            """
            CREATE TRIGGER refuse_certificate BEFORE INSERT ON "Certifications"
            BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;
            """));
        File.WriteAllBytes(Path.Combine(Files, "scans", "iso9001.pdf"), Pdf);

        var report = await _host.ImportAsync(SeedsFile("sme-scan-refused", "scans/iso9001.pdf"));

        Assert.Contains(report.Errors, e => e.Message.Contains("refused by the test", StringComparison.Ordinal));
        Assert.Empty(await CertificatesAsync());
        var folder = Path.Combine(_host.Folder, "certificate-documents");
        Assert.Empty(Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public async Task A_document_beside_the_file_is_attached_once_and_a_changed_one_replaces_it()
    {
        File.WriteAllBytes(Path.Combine(Files, "scans", "iso9001.pdf"), Pdf);
        var file = SeedsFile("sme-scan-a", "scans/iso9001.pdf", evidence: "DocumentChecked");

        var report = await _host.ImportAsync(file);

        Assert.Empty(report.Errors);
        var certificate = Assert.Single(await CertificatesAsync());
        Assert.Equal("iso9001.pdf", certificate.DocumentName);
        Assert.Equal("application/pdf", certificate.DocumentContentType);
        Assert.Equal(Pdf, File.ReadAllBytes(StoredPath(certificate.DocumentKey!)));
        Assert.Equal(EvidenceLevel.DocumentChecked, certificate.Evidence);

        // The same file again: nothing changes, nothing is stored twice.
        var again = await _host.ImportAsync(file);
        Assert.Equal(1, again.Profiles.Unchanged);
        Assert.Equal(certificate.DocumentKey, Assert.Single(await CertificatesAsync()).DocumentKey);

        // A new scan replaces the old one, whose stored file goes.
        File.WriteAllBytes(Path.Combine(Files, "scans", "iso9001.pdf"), Encoding.ASCII.GetBytes("%PDF-1.7\n% renewed\n%%EOF\n"));
        var replaced = await _host.ImportAsync(SeedsFile("sme-scan-a", "scans/iso9001.pdf"));
        Assert.Equal(1, replaced.Profiles.Updated);
        var renewed = Assert.Single(await CertificatesAsync());
        Assert.NotEqual(certificate.DocumentKey, renewed.DocumentKey);
        Assert.Empty(Directory.GetFiles(_host.Folder, certificate.DocumentKey!, SearchOption.AllDirectories));
        // The checked document is gone, so is the check.
        Assert.Equal(EvidenceLevel.SelfDeclared, renewed.Evidence);
    }

    [Theory]
    [InlineData("../outside.pdf", "is not a file in the folder")]
    [InlineData("scans/missing.pdf", "is not a file in the folder")]
    [InlineData("scans/notes.txt", "")]
    [InlineData("scans/fake.pdf", "")]
    public async Task A_document_outside_the_folder_missing_or_not_a_pdf_or_image_rejects_the_row(string document, string message)
    {
        File.WriteAllBytes(Path.Combine(_root, "outside.pdf"), Pdf);
        File.WriteAllText(Path.Combine(Files, "scans", "notes.txt"), "not a certificate");
        File.WriteAllText(Path.Combine(Files, "scans", "fake.pdf"), "plain text with a pdf name");

        var report = await _host.ImportAsync(SeedsFile("sme-scan-bad", document));

        var error = Assert.Single(report.Errors);
        Assert.Equal("profile.certifications[0].document", error.Field);
        Assert.Contains(message, error.Message);
        Assert.Equal(1, report.Profiles.Rejected);
        Assert.Empty(await CertificatesAsync());
        Assert.False(Directory.Exists(Path.Combine(_host.Folder, "certificate-documents")) && Directory.EnumerateFiles(Path.Combine(_host.Folder, "certificate-documents"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task An_uploaded_file_may_not_name_a_document_on_the_servers_disk()
    {
        File.WriteAllBytes(Path.Combine(Files, "scans", "iso9001.pdf"), Pdf);
        var uploaded = SeedFileReader.Read("upload.json", File.ReadAllBytes(SeedsFile("sme-scan-upload", "scans/iso9001.pdf")));

        await using var scope = _host.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync([uploaded], ImportOrigin.Upload);

        Assert.Equal("profile.certifications[0].document", Assert.Single(report.Errors).Field);
        Assert.Contains("only by the import command", report.Errors[0].Message);
        Assert.Empty(await CertificatesAsync());
    }
}
