using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>Conditional writes, as an API client that reads before it writes sends them.</summary>
public static class Preconditions
{
    /// <summary>The ETag a GET of <paramref name="url"/> answers (the test fails if there is none).</summary>
    public static async Task<EntityTagHeaderValue> ETagAsync(this HttpClient client, string url)
    {
        var read = await client.GetAsync(url);
        read.EnsureSuccessStatusCode();
        return read.Headers.ETag ?? throw new InvalidOperationException($"GET {url} answered no ETag.");
    }

    /// <summary>Sends <paramref name="body"/> as JSON with <paramref name="method"/> and If-Match (none when null).</summary>
    public static Task<HttpResponseMessage> SendIfMatchAsync<T>(this HttpClient client, HttpMethod method, string url, T? body, EntityTagHeaderValue? etag)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body, options: TestJson.Options);
        if (etag is not null) request.Headers.IfMatch.Add(etag);
        return client.SendAsync(request);
    }

    /// <summary>Sends <paramref name="content"/> (a multipart upload, say) with <paramref name="method"/> and If-Match.</summary>
    public static Task<HttpResponseMessage> SendContentIfMatchAsync(this HttpClient client, HttpMethod method, string url, HttpContent? content, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.IfMatch.Add(etag);
        return client.SendAsync(request);
    }

    /// <summary>Reads the resource's ETag, then PUTs <paramref name="body"/> with it in If-Match.</summary>
    public static async Task<HttpResponseMessage> PutCurrentAsync<T>(this HttpClient client, string url, T body) =>
        await client.SendIfMatchAsync(HttpMethod.Put, url, body, await client.ETagAsync(url));
}
