using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using PdfSharp.Drawing;
using SkiaSharp;

namespace GvcMatch.Web.Tests.DealRoom;

/// <summary>Set-up for NDA and protected-document tests, through the real API; each step checks its own status.</summary>
public static class DealRoomKit
{
    public static object Policy(string template = "platform:one-way:en", int termMonths = 12) => new
    {
        template, termMonths, purpose = "Quoting for machined housings", governingLaw = "the laws of Germany", jurisdiction = "Munich",
    };

    /// <summary>A buyer with a published requirement that requires the one-way NDA.</summary>
    public static async Task<(Member Buyer, int RequirementId)> BuyerRequiringNdaAsync(this GvcMatchApp app, int termMonths = 12)
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await buyer.PublishNewRequirementAsync();
        await Expect.StatusAsync(await buyer.Client.PutJsonAsync($"/api/requirements/{id}/nda", Policy(termMonths: termMonths)), HttpStatusCode.OK);
        return (buyer, id);
    }

    /// <summary>Reads the NDA text as the member's organisation sees it and accepts exactly that text.</summary>
    public static async Task<JsonElement> AcceptNdaAsync(this Member member, string segment, int id)
    {
        var gate = await Expect.JsonAsync(await member.Client.GetAsync($"/api/{segment}/{id}/nda"), HttpStatusCode.OK);
        var sha = gate.GetProperty("textSha256").GetString();
        return await Expect.JsonAsync(await member.Client.PostJsonAsync($"/api/{segment}/{id}/nda/accept", new { textSha256 = sha }), HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> UploadAsync(this Member member, string url, byte[] file, string name, HttpMethod? method = null, params (string Key, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".pdf") ? "application/pdf" : "application/octet-stream");
        form.Add(part, "file", name);
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        return member.Client.SendAsync(new HttpRequestMessage(method ?? HttpMethod.Post, url) { Content = form });
    }

    /// <summary>Attaches a protected document and returns its id.</summary>
    public static async Task<int> AttachAsync(this Member owner, string segment, int id, byte[] file, string name, params (string Key, string Value)[] fields)
    {
        var created = await Expect.JsonAsync(await owner.UploadAsync($"/api/{segment}/{id}/protected-documents", file, name, null, fields), HttpStatusCode.Created);
        return created.GetProperty("id").GetInt32();
    }

    /// <summary>A colleague in the same organisation, created by its owner through the members API.</summary>
    public static async Task<Member> ColleagueAsync(this GvcMatchApp app, Member owner)
    {
        var email = $"colleague-{Guid.NewGuid():N}@example.test";
        var created = await Expect.JsonAsync(await owner.Client.PostJsonAsync($"/api/organizations/{owner.Me.OrgId}/members",
            new { email, displayName = "A colleague", password = Accounts.Password, role = "Member" }), HttpStatusCode.Created);
        var client = app.CreateClientAs(created.GetProperty("userId").GetString()!);
        var me = await (await client.GetAsync("/api/auth/me")).ReadAsync<Me>();
        return new Member(client, me, email, Accounts.Password) { SignedInByTest = true };
    }

    /// <summary>A plain PDF drawing of <paramref name="pages"/> A3 pages (lines only, so no font is needed).</summary>
    public static byte[] Drawing(int pages = 3)
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        for (var i = 1; i <= pages; i++)
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A3;
            using var g = XGraphics.FromPdfPage(page);
            g.DrawRectangle(XPens.Black, 50, 50, 300 + i * 10, 200);
            g.DrawLine(XPens.Black, 50, 50, 350, 250);
        }
        var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>A PNG photo-like picture large enough to carry the hidden mark.</summary>
    public static byte[] Picture(int width = 480, int height = 320)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(200, 210, 220));
            using var paint = new SKPaint { Color = new SKColor(60, 80, 120), IsAntialias = true };
            canvas.DrawCircle(width / 2f, height / 2f, height / 3f, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A PNG whose header claims a picture of <paramref name="side"/> × <paramref name="side"/> pixels in a few hundred bytes.</summary>
    public static byte[] ImageBomb(int side = 100_000)
    {
        var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, side);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), side);
        header[8] = 8; header[9] = 2;
        Chunk(output, "IHDR", header);
        Chunk(output, "IDAT", Deflated(new byte[4096]));
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static byte[] Deflated(byte[] raw)
    {
        var output = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(output, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>A small hand-written PDF whose catalog carries <paramref name="extra"/> (an action, an attachment, an encryption entry).</summary>
    public static byte[] PdfWith(string extra) => System.Text.Encoding.Latin1.GetBytes(
        "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R " + extra + " >>\nendobj\n" +
        "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n" +
        "trailer\n<< /Root 1 0 R >>\n%%EOF\n");
}
