using System.Net;
using System.Text.Json;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>
/// The one place tests get antiforgery tokens: the hidden field of a page's form (for form posts)
/// and the API token a cookie-signed-in script sends in a header (for writes to /api).
/// </summary>
public static class AntiforgeryTokens
{
    public const string FormField = "__RequestVerificationToken";
    public const string Header = "RequestVerificationToken";

    /// <summary>The token of the first form on the page; fails the test when there is none.</summary>
    public static string FormToken(string html)
    {
        var token = Html.FieldValue(html, FormField);
        Assert.False(string.IsNullOrEmpty(token), "The page has no antiforgery token.");
        return token;
    }

    /// <summary>GETs a page and returns its form token.</summary>
    public static async Task<string> FormTokenAsync(HttpClient browser, string url)
    {
        var page = await browser.GetAsync(url);
        await Expect.StatusAsync(page, HttpStatusCode.OK);
        return FormToken(await page.Content.ReadAsStringAsync());
    }

    /// <summary>The token the page's scripts read from its <c>request-verification-token</c> meta tag, or null.</summary>
    public static string? MetaToken(string html) =>
        Html.Parse(html).QuerySelector("meta[name=request-verification-token]")?.GetAttribute("content");

    /// <summary>GETs a page for its token, then POSTs <paramref name="fields"/> with it to the same address, as a browser submits a form.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await FormTokenAsync(browser, url);
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields.Append(new(FormField, token))));
    }

    /// <summary>A token for API writes from GET /api/antiforgery, bound to whoever the client's cookie signs in.</summary>
    public static async Task<string> ApiTokenAsync(HttpClient browser)
    {
        var response = await browser.GetAsync("/api/antiforgery");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>Makes the client send the API token on every request, as the site's scripts do.</summary>
    public static async Task SendApiTokenAsync(HttpClient browser)
    {
        var token = await ApiTokenAsync(browser);
        browser.DefaultRequestHeaders.Remove(Header);
        browser.DefaultRequestHeaders.Add(Header, token);
    }
}
