using System.Net;
using System.Text.Json;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Localization;

/// <summary>
/// Criterion summaries, evidence lines and headlines are written piece by piece from English
/// templates: a reader asking for Spanish or Japanese gets each piece translated, and a reader
/// asking for nothing gets the English the API always wrote.
/// </summary>
[Collection(SharedApps.SqliteA)]
public sealed class ExplanationLanguageTests(SqliteApp app)
{
    [Fact]
    public async Task WithoutALanguageTheScoreReadsInEnglishAsBefore()
    {
        var score = await MyScoreAsync(null);
        var (certificate, lead) = (score.GetProperty("criteria")[0], score.GetProperty("criteria")[2]);
        Assert.Equal("Holds a valid ISO 9001 certificate", certificate.GetProperty("summary").GetString());
        Assert.StartsWith("holds ISO 9001 (self-declared, valid until ", certificate.GetProperty("evidence").GetString());
        Assert.Equal("Lead time of at most 30 days", lead.GetProperty("summary").GetString());
        Assert.Equal("45 days lead time, 15 more than 30", lead.GetProperty("evidence").GetString());
        Assert.Equal("Meets 2 of 3 criteria; missing: Lead time of at most 30 days", score.GetProperty("headline").GetString());
    }

    [Theory]
    [InlineData("es", "Tiene un certificado ISO 9001 vigente", "tiene ISO 9001 (autodeclarado, válido hasta el ",
        "Plazo de entrega de 30 días como máximo", "plazo de entrega de 45 días, 15 más que 30",
        "Cumple 2 de 3 criterios; falta: Plazo de entrega de 30 días como máximo")]
    [InlineData("ja", "有効な ISO 9001 認証を保有", "ISO 9001 (自己申告、",
        "リードタイム 30 日以内", "リードタイム 45 日(30 日より 15 日長い)",
        "3 件中 2 件の基準を満たしています。不足: リードタイム 30 日以内")]
    public async Task EachPieceOfTheExplanationReadsInTheCallersLanguage(string language, string certificateSummary, string certificateEvidence,
        string leadSummary, string leadEvidence, string headline)
    {
        var score = await MyScoreAsync(language);
        var (certificate, capability, lead) = (score.GetProperty("criteria")[0], score.GetProperty("criteria")[1], score.GetProperty("criteria")[2]);
        Assert.Equal(certificateSummary, certificate.GetProperty("summary").GetString());
        Assert.StartsWith(certificateEvidence, certificate.GetProperty("evidence").GetString());
        Assert.Equal(leadSummary, lead.GetProperty("summary").GetString());
        Assert.Equal(leadEvidence, lead.GetProperty("evidence").GetString());
        Assert.Equal(headline, score.GetProperty("headline").GetString());
        // The buyer's own words (keywords, concept labels) stay as written; only the sentence around them changes.
        Assert.Contains("cnc milling", capability.GetProperty("summary").GetString());
        Assert.DoesNotContain("offers", capability.GetProperty("evidence").GetString());
    }

    private async Task<JsonElement> MyScoreAsync(string? language)
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await mne.PublishNewRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile() with { LeadTimeDays = 45 });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/requirements/{requirement}/my-score");
        if (language is not null) request.Headers.Add("Accept-Language", language);
        return await Expect.JsonAsync(await sme.Client.SendAsync(request), HttpStatusCode.OK);
    }
}
