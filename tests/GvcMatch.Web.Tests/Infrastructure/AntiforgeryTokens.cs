using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>
/// The one place tests get antiforgery tokens: the hidden field of a page's form (for form posts)
/// and the API token a cookie-signed-in script sends in a header (for writes to /api).
/// </summary>
public static partial class AntiforgeryTokens
{
    public const string FormField = "__RequestVerificationToken";
    public const string Header = "RequestVerificationToken";

    /// <summary>The token of the first form on the page; fails the test when there is none.</summary>
    public static string FormToken(string html)
    {
        var match = HiddenField().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
    }

    /// <summary>GETs a page and returns its form token.</summary>
    public static async Task<string> FormTokenAsync(HttpClient browser, string url)
    {
        var page = await browser.GetAsync(url);
        await Expect.StatusAsync(page, HttpStatusCode.OK);
        return FormToken(await page.Content.ReadAsStringAsync());
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

    /// <summary>Both attribute orders: Razor's form tag helper and Identity's pages write them differently.</summary>
    [GeneratedRegex("""name="__RequestVerificationToken"\s+type="hidden"\s+value="([^"]+)"|value="([^"]+)"\s+name="__RequestVerificationToken" """)]
    private static partial Regex HiddenField();
}
