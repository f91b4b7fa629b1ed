using System.Net;
using System.Text.Json;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>Assertions on HTTP responses whose failure messages show the body, so a failing test says why.</summary>
public static class Expect
{
    public static async Task StatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode == expected) return;
        var body = await response.Content.ReadAsStringAsync();
        Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}. Body: {Shorten(body)}");
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        await StatusAsync(response, expected);
        return await response.ReadJsonAsync();
    }

    /// <summary>A validation problem whose <c>errors</c> name <paramref name="field"/> (case-insensitive, as clients read it).</summary>
    public static async Task ValidationErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object,
            $"Expected an 'errors' object naming '{field}', got: {problem}");
        var keys = errors.EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(keys.Any(k => string.Equals(k, field, StringComparison.OrdinalIgnoreCase)),
            $"Expected errors for '{field}', got keys [{string.Join(", ", keys)}]: {problem}");
    }

    /// <summary>A ProblemDetails body (application/problem+json) with the given status.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await JsonAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    /// <summary>One of several acceptable refusals (e.g. 403 or 404 for another organisation's object).</summary>
    public static async Task OneOfAsync(HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        if (expected.Contains(response.StatusCode)) return;
        var body = await response.Content.ReadAsStringAsync();
        Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected one of [{string.Join(", ", expected.Select(e => (int)e))}], got {(int)response.StatusCode}. Body: {Shorten(body)}");
    }

    private static string Shorten(string s) => s.Length > 2000 ? s[..2000] + "..." : s;
}
