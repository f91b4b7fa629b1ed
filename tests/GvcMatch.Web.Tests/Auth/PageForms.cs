using System.Net;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Auth;

/// <summary>Posts a page's form as a browser does: GET the page for its antiforgery token (and cookie), then POST the fields.</summary>
public static class PageForms
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, IDictionary<string, string> fields) =>
        AntiforgeryTokens.PostFormAsync(browser, path, fields);

    /// <summary>The page's form token (<see cref="AntiforgeryTokens.FormTokenAsync"/>).</summary>
    public static Task<string> TokenAsync(HttpClient browser, string path) => AntiforgeryTokens.FormTokenAsync(browser, path);

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

    /// <summary>Every inline script element (a &lt;script&gt; without src) in <paramref name="html"/>, as its opening tag.</summary>
    public static IReadOnlyList<string> InlineScripts(string html) =>
        Html.All(html, "script:not([src])").Select(e => e.OuterHtml[..(e.OuterHtml.IndexOf('>') + 1)]).ToList();
}
