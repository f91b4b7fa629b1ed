using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Bids;
using GvcMatch.Web.Tests.Conversations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Validation;

/// <summary>
/// Uploads: a multipart body the server cannot parse is a 400 naming the upload field; who may
/// upload is settled before the body is read; file names lose the characters that disguise them.
/// </summary>
[Collection(SharedApps.SqliteB)]
public sealed class UploadInputTests(SqliteApp app)
{
    private const string Boundary = "gvc-boundary";

    public static TheoryData<string, string> Malformed => new()
    {
        { "multipart/form-data", Part("file", "a.txt", "hello") + End },
        { $"multipart/form-data; boundary={Boundary}", Part("file", "a.txt", "hello") },
        { $"multipart/form-data; boundary={Boundary}", Part("file", new string('a', 17 * 1024) + ".txt", "hello") + End },
        { $"multipart/form-data; boundary={Boundary}", string.Concat(Enumerable.Range(0, 1025).Select(i => Part($"f{i}", null, "v"))) + End },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task AMalformedAttachmentUploadIsABadRequestNamingTheFile(string contentType, string body)
    {
        var (sme, _, id) = await app.PairAsync();
        await Expect.ValidationErrorAsync(await sme.Client.PostAsync($"/api/conversations/{id}/attachments", Raw(contentType, body)), "file");
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task AMalformedBidDocumentUploadIsABadRequestNamingTheFile(string contentType, string body)
    {
        var (_, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var bid = (await sme.CreateBidAsync(requirement)).GetProperty("id").GetInt32();
        await Expect.ValidationErrorAsync(await sme.Client.PostAsync($"/api/bids/{bid}/documents", Raw(contentType, body)), "file");
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task AMalformedImportIsABadRequestNamingTheFiles(string contentType, string body)
    {
        var admin = await app.SignUpAsync(OrganizationKind.Intermediary);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        await Expect.ValidationErrorAsync(await admin.Client.PostAsync("/api/admin/import", Raw(contentType, body)), "files");
    }

    [Fact]
    public async Task AStrangerIsTurnedAwayBeforeItsUploadIsRead()
    {
        var (_, requirement) = await app.BuyerWithRequirementAsync();
        var (sme, _, conversation) = await app.PairAsync();
        var bid = (await sme.CreateBidAsync(requirement)).GetProperty("id").GetInt32();
        var stranger = await app.SignUpAsync(OrganizationKind.Sme);

        // A body that is refused as soon as it is parsed: a 404 instead of a 400 shows it was never read.
        foreach (var (contentType, body) in Malformed.Select(row => ((string)row[0], (string)row[1])))
        {
            await Expect.ProblemAsync(await stranger.Client.PostAsync($"/api/bids/{bid}/documents", Raw(contentType, body)), HttpStatusCode.NotFound);
            await Expect.ProblemAsync(await stranger.Client.PostAsync($"/api/conversations/{conversation}/attachments", Raw(contentType, body)), HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task BidiControlsAreStrippedFromUploadedFileNames()
    {
        const string disguised = "invoice\u202Efdp\u200F\u2066.txt";
        var (sme, _, conversation) = await app.PairAsync();
        using (var form = ConversationApiTests.Upload(disguised, "Hello there\n"u8.ToArray(), "bidi-1"))
        {
            var sent = await Expect.JsonAsync(await sme.Client.PostAsync($"/api/conversations/{conversation}/attachments", form), HttpStatusCode.Created);
            Assert.Equal("invoicefdp.txt", sent.GetProperty("attachment").GetProperty("name").GetString());
        }

        var (_, requirement) = await app.BuyerWithRequirementAsync();
        var bid = (await sme.CreateBidAsync(requirement)).GetProperty("id").GetInt32();
        using var file = new ByteArrayContent("Hello there\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var upload = new MultipartFormDataContent { { file, "file", disguised } };
        var document = await Expect.JsonAsync(await sme.Client.PostAsync($"/api/bids/{bid}/documents", upload), HttpStatusCode.Created);
        Assert.Equal("invoicefdp.txt", document.GetProperty("fileName").GetString());
    }

    private static string End => $"--{Boundary}--\r\n";

    private static string Part(string name, string? fileName, string value) =>
        $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"{(fileName is null ? "" : $"; filename=\"{fileName}\"")}\r\n\r\n{value}\r\n";

    private static ByteArrayContent Raw(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
