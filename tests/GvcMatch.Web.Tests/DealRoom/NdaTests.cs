using System.Net;
using System.Security.Cryptography;
using System.Text;
using GvcMatch.Web.Features.Ndas;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.DealRoom;

/// <summary>An owner requires an NDA on its object; the other side reads the text made for it and accepts exactly that text.</summary>
public sealed class NdaTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task AnSmeAcceptsTheExactTextItReadAndBothSidesHoldTheNda()
    {
        var (buyer, id) = await app.BuyerRequiringNdaAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);

        var gate = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/requirements/{id}/nda"), HttpStatusCode.OK);
        var text = gate.GetProperty("text").GetString()!;
        Assert.True(gate.GetProperty("required").GetBoolean());
        Assert.Contains(sme.Me.OrganizationName!, text);
        Assert.Contains(buyer.Me.OrganizationName!, text);
        Assert.Contains("Quoting for machined housings", text);
        Assert.Contains("12 months", text);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(sha, gate.GetProperty("textSha256").GetString());

        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync($"/api/requirements/{id}/nda/accept", new { textSha256 = "not a hash" }), "textSha256");
        await Expect.ProblemAsync(await sme.Client.PostJsonAsync($"/api/requirements/{id}/nda/accept", new { textSha256 = new string('0', 64) }), HttpStatusCode.Conflict);
        var accepted = await sme.AcceptNdaAsync("requirements", id);
        var ndaId = accepted.GetProperty("id").GetInt32();

        var stored = await app.WithDbAsync(db => db.Ndas.AsNoTracking().SingleAsync(n => n.Id == ndaId));
        Assert.Equal(text, stored.Text);
        Assert.Equal(sha, stored.TextSha256);
        Assert.Equal(sme.Me.UserId, stored.AcceptedByUserId);
        Assert.False(string.IsNullOrWhiteSpace(stored.AcceptedFromAddress));
        Assert.Equal("platform:one-way:en", stored.TemplateRef);
        Assert.Equal("2026-12", stored.TemplateVersion);
        Assert.InRange(stored.ExpiresAt - stored.AcceptedAt, TimeSpan.FromDays(360), TimeSpan.FromDays(370));

        foreach (var party in new[] { buyer, sme })
        {
            var held = Assert.Single((await Expect.JsonAsync(await party.Client.GetAsync("/api/ndas"), HttpStatusCode.OK)).EnumerateArray(), n => n.GetProperty("id").GetInt32() == ndaId);
            Assert.Equal("valid", held.GetProperty("status").GetString());
            Assert.Equal(sme.Me.OrganizationName, held.GetProperty("recipientOrganizationName").GetString());
        }
        var stranger = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.StatusAsync(await stranger.Client.GetAsync($"/api/ndas/{ndaId}"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await stranger.Client.GetAsync($"/api/ndas/{ndaId}/record"), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await Expect.JsonAsync(await stranger.Client.GetAsync("/api/ndas"), HttpStatusCode.OK)).EnumerateArray(), n => n.GetProperty("id").GetInt32() == ndaId);
    }

    [Fact]
    public async Task BothPartiesDownloadTheSameSignedRecordWithTheTrailAndTheHash()
    {
        var (buyer, id) = await app.BuyerRequiringNdaAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var nda = await sme.AcceptNdaAsync("requirements", id);
        var ndaId = nda.GetProperty("id").GetInt32();
        var sha = nda.GetProperty("textSha256").GetString()!;

        var records = new List<byte[]>();
        foreach (var party in new[] { buyer, sme })
        {
            var response = await party.Client.GetAsync($"/api/ndas/{ndaId}/record");
            await Expect.StatusAsync(response, HttpStatusCode.OK);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            records.Add(await response.Content.ReadAsByteArrayAsync());
        }
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(records[0]);
        var all = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        foreach (var expected in new[] { sha, buyer.Me.OrganizationName!, sme.Me.OrganizationName!, "Accepted from address", "Quoting for machined housings" })
            Assert.True(all.Contains(expected), $"The record lacks \"{expected}\":\n{all}");
    }

    [Fact]
    public async Task TemplatesComeInThreeLanguagesAndAnOrganisationMayUseOnlyItsOwnText()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var templates = await Expect.JsonAsync(await buyer.Client.GetAsync("/api/nda-templates"), HttpStatusCode.OK);
        var refs = templates.EnumerateArray().Select(t => t.GetProperty("ref").GetString()).ToList();
        foreach (var language in new[] { "en", "es", "ja" })
        {
            Assert.Contains($"platform:mutual:{language}", refs);
            Assert.Contains($"platform:one-way:{language}", refs);
        }

        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync("/api/nda-templates", new { name = "Ours", kind = "Mutual", language = "en", text = "" }), "text");
        await Expect.ValidationErrorAsync(await buyer.Client.PostJsonAsync("/api/nda-templates", new { name = "Ours", kind = "Mutual", language = "fr", text = "x" }), "language");
        var own = await Expect.JsonAsync(await buyer.Client.PostJsonAsync("/api/nda-templates",
            new { name = "Our house NDA", kind = "OneWay", language = "en", text = "{{recipient}} keeps {{owner}}'s drawings secret for {{term}} months under {{governingLaw}}." }), HttpStatusCode.Created);
        var ownRef = own.GetProperty("ref").GetString()!;

        var id = await buyer.PublishNewRequirementAsync();
        await Expect.StatusAsync(await buyer.Client.PutJsonAsync($"/api/requirements/{id}/nda", DealRoomKit.Policy(ownRef, 6)), HttpStatusCode.OK);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var gate = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/requirements/{id}/nda"), HttpStatusCode.OK);
        Assert.Equal($"{sme.Me.OrganizationName} keeps {buyer.Me.OrganizationName}'s drawings secret for 6 months under the laws of Germany.", gate.GetProperty("text").GetString());

        var other = await app.SignUpAsync(OrganizationKind.Mne);
        var otherId = await other.PublishNewRequirementAsync();
        await Expect.ValidationErrorAsync(await other.Client.PutJsonAsync($"/api/requirements/{otherId}/nda", DealRoomKit.Policy(ownRef)), "template");
    }

    [Fact]
    public async Task OnlyTheOwnerRequiresAnNdaAndBadTermsNameTheirField()
    {
        var (buyer, id) = await app.BuyerRequiringNdaAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ProblemAsync(await sme.Client.PutJsonAsync($"/api/requirements/{id}/nda", DealRoomKit.Policy()), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await sme.Client.DeleteAsync($"/api/requirements/{id}/nda"), HttpStatusCode.Forbidden);
        await Expect.ValidationErrorAsync(await buyer.Client.PutJsonAsync($"/api/requirements/{id}/nda", DealRoomKit.Policy(termMonths: 0)), "termMonths");
        await Expect.ValidationErrorAsync(await buyer.Client.PutJsonAsync($"/api/requirements/{id}/nda",
            new { template = "platform:mutual:en", termMonths = 12, purpose = "", governingLaw = "x", jurisdiction = "y" }), "purpose");
        await Expect.ProblemAsync(await buyer.Client.PostJsonAsync($"/api/requirements/{id}/nda/accept", new { textSha256 = new string('a', 64) }), HttpStatusCode.Forbidden);

        var draft = await buyer.CreateRequirementAsync();
        await Expect.StatusAsync(await sme.Client.GetAsync($"/api/requirements/{draft}/nda"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnNdaLapsesAtTheEndOfItsTermAndTheListSaysSo()
    {
        var (buyer, id) = await app.BuyerRequiringNdaAsync(termMonths: 1);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var ndaId = (await sme.AcceptNdaAsync("requirements", id)).GetProperty("id").GetInt32();
        app.Clock.Advance(TimeSpan.FromDays(32));
        try
        {
            var held = Assert.Single((await Expect.JsonAsync(await buyer.Client.GetAsync("/api/ndas"), HttpStatusCode.OK)).EnumerateArray(), n => n.GetProperty("id").GetInt32() == ndaId);
            Assert.Equal("expired", held.GetProperty("status").GetString());
            var gate = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/requirements/{id}/nda"), HttpStatusCode.OK);
            Assert.False(gate.TryGetProperty("held", out var held2) && held2.ValueKind != System.Text.Json.JsonValueKind.Null);
        }
        finally
        {
            app.Clock.Reset();
        }
    }
}
