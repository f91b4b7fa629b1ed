using System.Net;
using System.Text.RegularExpressions;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Auth;

/// <summary>Posts a page's form as a browser does: GET the page for its antiforgery token (and cookie), then POST the fields.</summary>
public static partial class PageForms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, IDictionary<string, string> fields)
    {
        var token = await TokenAsync(browser, path);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await browser.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public static async Task<string> TokenAsync(HttpClient browser, string path)
    {
        var page = await browser.GetAsync(path);
        await Expect.StatusAsync(page, HttpStatusCode.OK);
        var match = Antiforgery().Match(await page.Content.ReadAsStringAsync());
        Assert.True(match.Success, $"{path} has no antiforgery token.");
        return match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed.</summary>
    public static HttpClient Browser(GvcMatchApp app) => app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs <paramref name="browser"/> in through the page; fails unless it redirects.</summary>
    public static async Task SignInAsync(HttpClient browser, string email, string password)
    {
        var response = await CookieSignIn.SignInAsync(browser, email, password);
        await Expect.StatusAsync(response, HttpStatusCode.Redirect);
    }

    public static Task<HttpResponseMessage> LoginAsync(HttpClient browser, string email, string password) =>
        PostAsync(browser, CookieSignIn.LoginPage, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Every inline script element (a &lt;script&gt; without src) in <paramref name="html"/>.</summary>
    public static IReadOnlyList<string> InlineScripts(string html) =>
        ScriptTag().Matches(html).Select(m => m.Value).Where(tag => !SrcAttribute().IsMatch(tag)).ToList();

    [GeneratedRegex("""name="__RequestVerificationToken"\s+type="hidden"\s+value="([^"]+)"|value="([^"]+)"\s+name="__RequestVerificationToken" """)]
    private static partial Regex AntiforgeryPattern();

    private static Regex Antiforgery() => AntiforgeryPattern();

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("\\bsrc\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex SrcAttribute();
}
