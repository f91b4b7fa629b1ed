using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Localization;

/// <summary>
/// ProblemDetails answer in the caller's language: the title, the detail and each validation
/// message, filled in with the same values; the field names stay the API's own, and a caller that
/// asks for no language reads the English messages as before.
/// </summary>
[Collection(SharedApps.SqliteB)]
public sealed class ProblemLanguageTests(SqliteApp app)
{
    [Theory]
    [InlineData(null, "One or more validation errors occurred.", "This field is required.", "Unknown ISO 3166 country code 'XX'.",
        "Give a lead time between 1 and 730 days.", "At most 200 characters (got 201).")]
    [InlineData("es", "Se produjeron uno o varios errores de validación.", "Este campo es obligatorio.", "Código de país ISO 3166 desconocido: 'XX'.",
        "Indique un plazo de entrega entre 1 y 730 días.", "Como máximo 200 caracteres (se recibieron 201).")]
    [InlineData("ja", "1 つ以上の入力エラーがあります。", "この項目は必須です。", "不明な ISO 3166 国コードです: 'XX'。",
        "リードタイムは 1～730 日で指定してください。", "200 文字以内で入力してください(201 文字あります)。")]
    public async Task TheSameBadRequestAnswersInTheCallersLanguage(string? language, string title, string required, string country,
        string leadTime, string tooLong)
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var bad = Samples.Requirement("") with
        {
            DeliveryCountry = "XX",
            DeliveryCity = new string('c', 101),
            Criteria = [new Criterion { Kind = CriterionKind.LeadTimeAtMost, Mandatory = true, Days = 0 }],
            Lots = [],
        };
        var problem = await SendAsync(mne.Client, HttpMethod.Post, "/api/requirements", language, bad, HttpStatusCode.BadRequest);

        Assert.Equal(title, problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal(required, Single(errors, "title"));
        Assert.Equal(country, Single(errors, "deliveryCountry"));
        Assert.Equal(leadTime, Single(errors, "criteria[0].days"));
        Assert.Equal(tooLong.Replace("200", "100").Replace("201", "101"), Single(errors, "deliveryCity"));
    }

    [Theory]
    [InlineData(null, "Not found", "The requirement was not found.")]
    [InlineData("es", "No encontrado", "El requerimiento no se encontró.")]
    [InlineData("ja", "見つかりません", "案件が見つかりません。")]
    public async Task ARefusalsTitleAndDetailAnswerInTheCallersLanguage(string? language, string title, string detail)
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var problem = await SendAsync(mne.Client, HttpMethod.Get, "/api/requirements/987654321", language, null, HttpStatusCode.NotFound);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ASavedLanguageTranslatesTheMessagesOfASignedInCaller()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.FindAsync(mne.Me.UserId);
            user!.PreferredLanguage = "ja";
            await db.SaveChangesAsync();
        });
        var problem = await SendAsync(mne.Client, HttpMethod.Post, "/api/requirements", null, Samples.Requirement(""), HttpStatusCode.BadRequest);
        Assert.Equal("この項目は必須です。", Single(problem.GetProperty("errors"), "title"));
    }

    private static string? Single(JsonElement errors, string field)
    {
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for {field}: {errors}");
        return Assert.Single(messages.EnumerateArray()).GetString();
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string url, string? language, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url);
        if (language is not null) request.Headers.Add("Accept-Language", language);
        if (body is not null) request.Content = JsonContent.Create(body, options: TestJson.Options);
        return await Expect.JsonAsync(await client.SendAsync(request), expected);
    }
}
