using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GvcMatch.Documents;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.DealRoom;

/// <summary>An organisation's own NDA uploaded as DOCX or PDF: its text is what the other side reads and accepts, its original file downloads for both.</summary>
[Collection(SharedApps.SqliteC)]
public sealed class NdaFileTemplateTests(SqliteApp app)
{
    private const string Para = "<w:p><w:r><w:t xml:space=\"preserve\">{0}</w:t></w:r></w:p>";

    /// <summary>A minimal Word document: the content types, the main part with these paragraphs, and any extra parts.</summary>
    private static byte[] Docx(string[] paragraphs, string contentTypeExtra = "", params (string Name, byte[] Bytes)[] extra)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, byte[] bytes)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(bytes);
            }
            Add("[Content_Types].xml", Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml{contentTypeExtra}\"/></Types>"));
            var body = string.Concat(paragraphs.Select(p => string.Format(Para, System.Security.SecurityElement.Escape(p))));
            Add("word/document.xml", Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"));
            foreach (var (name, bytes) in extra) Add(name, bytes);
        }
        return output.ToArray();
    }

    private static Task<HttpResponseMessage> UploadAsync(Member member, byte[] file, string fileName, string? name = "Our own NDA")
    {
        var fields = new List<(string, string)> { ("kind", "OneWay"), ("language", "en") };
        if (name is not null) fields.Add(("name", name));
        return member.UploadAsync("/api/nda-templates/file", file, fileName, null, [.. fields]);
    }

    [Fact]
    public async Task AWordNdaIsReadAsTextThatTheOtherSideAcceptsAndBothDownloadTheOriginal()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var docx = Docx(["Confidentiality agreement between {{owner}} and {{recipient}}.", "Purpose: {{purpose}}. Term: {{term}} months."]);
        var created = await Expect.JsonAsync(await UploadAsync(buyer, docx, "our-nda.docx"), HttpStatusCode.Created);
        Assert.Equal("Confidentiality agreement between {{owner}} and {{recipient}}.\nPurpose: {{purpose}}. Term: {{term}} months.", created.GetProperty("text").GetString());
        var templateRef = created.GetProperty("ref").GetString()!;
        var fileUrl = created.GetProperty("fileUrl").GetString()!;

        var requirement = await buyer.PublishNewRequirementAsync();
        await Expect.StatusAsync(await buyer.Client.PutJsonAsync($"/api/requirements/{requirement}/nda", DealRoomKit.Policy(templateRef)), HttpStatusCode.OK);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var gate = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/requirements/{requirement}/nda"), HttpStatusCode.OK);
        var text = gate.GetProperty("text").GetString()!;
        Assert.StartsWith("Confidentiality agreement between ", text);
        Assert.Contains("Term: 12 months.", text);
        Assert.Equal(fileUrl, gate.GetProperty("policy").GetProperty("templateFileUrl").GetString());

        var original = await sme.Client.GetAsync(fileUrl);
        await Expect.StatusAsync(original, HttpStatusCode.OK);
        Assert.Equal(docx, await original.Content.ReadAsByteArrayAsync());
        Assert.Equal(docx, await (await buyer.Client.GetAsync(fileUrl)).Content.ReadAsByteArrayAsync());

        // The hash the record carries is the hash of the text read from the file, as the SME saw it.
        var nda = await sme.AcceptNdaAsync("requirements", requirement);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), nda.GetProperty("textSha256").GetString());

        // A template nobody was asked to accept is nobody else's business; a visitor is not signed in.
        var unused = await Expect.JsonAsync(await UploadAsync(buyer, docx, "draft.docx", "Draft"), HttpStatusCode.Created);
        await Expect.StatusAsync(await sme.Client.GetAsync(unused.GetProperty("fileUrl").GetString()), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await app.CreateClient().GetAsync(fileUrl), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task APdfNdaIsReadThroughItsText()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var pdf = RecordPdf.Write("Mutual NDA", [], "This agreement between the owner and the recipient keeps drawings confidential.");
        var created = await Expect.JsonAsync(await UploadAsync(sme, pdf, "nda.pdf"), HttpStatusCode.Created);
        Assert.Contains("keeps drawings confidential", created.GetProperty("text").GetString());
        Assert.Equal(pdf, await (await sme.Client.GetAsync(created.GetProperty("fileUrl").GetString())).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task CorruptEncryptedMacroAndOversizedFilesAreRefusedNamingTheField()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var good = Docx(["A short NDA."]);
        var cases = new (byte[] File, string Name)[]
        {
            (Encoding.ASCII.GetBytes("PK\u0003\u0004 not really a zip"), "broken.docx"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "locked.docx"),
            (good, "macros.docm"),
            (Docx(["A short NDA."], "", ("word/vbaProject.bin", [1, 2, 3])), "hidden-macros.docx"),
            (Docx(["A short NDA."], ".macroEnabled"), "declared-macros.docx"),
            (DealRoomKit.PdfWith("/Encrypt 9 0 R"), "locked.pdf"),
            (Encoding.ASCII.GetBytes("%PDF-1.7 nothing else"), "broken.pdf"),
            (Docx([]), "empty.docx"),
            (new byte[5 * 1024 * 1024 + 1], "huge.docx"),
        };
        foreach (var (file, name) in cases)
        {
            var problem = await Expect.JsonAsync(await UploadAsync(sme, file, name), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _), $"{name}: {problem}");
        }
        await Expect.ValidationErrorAsync(await UploadAsync(sme, good, "nda.docx", name: null), "name");
        var list = await Expect.JsonAsync(await sme.Client.GetAsync("/api/nda-templates"), HttpStatusCode.OK);
        Assert.DoesNotContain(list.EnumerateArray(), t => t.GetProperty("ref").GetString()!.StartsWith("org:"));
    }
}
