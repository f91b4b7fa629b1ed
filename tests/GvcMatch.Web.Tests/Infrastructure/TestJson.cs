using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>The server's JSON shape: web defaults (camelCase) with enums as strings.</summary>
public static class TestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, Options);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PutAsJsonAsync(url, body, Options);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonSerializer.Deserialize<T>(text, Options)
            ?? throw new InvalidOperationException($"Expected a {typeof(T).Name} but the body was: {text}");
    }

    /// <summary>Reads the body as a JSON document; tests check the contract's field names this way.</summary>
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try { return JsonDocument.Parse(text).RootElement.Clone(); }
        catch (JsonException e) { throw new InvalidOperationException($"{(int)response.StatusCode}: body is not JSON: {text}", e); }
    }
}
