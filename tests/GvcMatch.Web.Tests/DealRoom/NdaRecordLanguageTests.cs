using System.Net;
using GvcMatch.Web.Features.Localization;
using GvcMatch.Web.Features.Ndas;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.DealRoom;

/// <summary>The NDA record speaks the reader's language; the NDA's own text stays exactly as accepted, since its hash covers it.</summary>
public sealed class NdaRecordLanguageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task ASpanishReaderGetsTheRecordsFactsInSpanishAndTheTextAsAccepted()
    {
        var (buyer, id) = await app.BuyerRequiringNdaAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var nda = await sme.AcceptNdaAsync("requirements", id);
        var ndaId = nda.GetProperty("id").GetInt32();

        var all = await RecordTextAsync(buyer, ndaId, "es");
        foreach (var expected in new[] { $"Registro del NDA n.º {ndaId}", "Parte receptora", "Aceptado desde la dirección", "SHA-256 del texto (UTF-8)", nda.GetProperty("textSha256").GetString()!, "Quoting for machined housings" })
            Assert.True(all.Contains(expected), $"The Spanish record lacks \"{expected}\":\n{all}");
        Assert.DoesNotContain("Receiving party", all);
    }

    [Fact]
    public async Task AJapaneseReaderGetsTheRecordInJapaneseWithTheTextUnchanged()
    {
        var (buyer, id) = await app.BuyerRequiringNdaAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var ndaId = (await sme.AcceptNdaAsync("requirements", id)).GetProperty("id").GetInt32();
        var stored = await app.WithDbAsync(db => db.Set<Nda>().AsNoTracking().SingleAsync(n => n.Id == ndaId));

        // Japanese lines are drawn as pictures (the PDF font is Latin only), so the words are checked in what the PDF is written from.
        RecordContentIn("ja", stored, out var japanese);
        Assert.Equal($"NDA記録 #{ndaId}", japanese.Title);
        var labels = japanese.Facts.Select(f => f.Label).ToList();
        Assert.Contains("受領当事者", labels);
        Assert.Contains("承諾元アドレス", labels);
        Assert.Contains(japanese.Facts, f => f.Label == "早期終了" && f.Value == "終了していません");
        Assert.Equal(stored.Text, japanese.Body);
        Assert.Equal(stored.TextSha256, japanese.Facts.Single(f => f.Label == "本文の SHA-256(UTF-8)").Value);

        // And through the endpoint: no English label is left as text in a Japanese reader's PDF.
        var all = await RecordTextAsync(sme, ndaId, "ja");
        Assert.DoesNotContain("Receiving party", all);
        Assert.DoesNotContain("Accepted from address", all);
        Assert.Contains("Accepted from address", await RecordTextAsync(sme, ndaId, null));
    }

    private static void RecordContentIn(string language, Nda nda, out GvcMatch.Documents.RecordContent content)
    {
        using var scope = CultureScope.For(language);
        content = NdaRecord.Content(nda);
    }

    private static async Task<string> RecordTextAsync(Member reader, int ndaId, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/ndas/{ndaId}/record");
        if (language is not null) request.Headers.Add("Accept-Language", language);
        var response = await reader.Client.SendAsync(request);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join("\n", pdf.GetPages().Select(p => p.Text));
    }
}
