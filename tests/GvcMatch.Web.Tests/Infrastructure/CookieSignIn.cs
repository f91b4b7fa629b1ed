using System.Text.RegularExpressions;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>Signs in the way a browser does: the Identity login form with its antiforgery token.</summary>
public static partial class CookieSignIn
{
    public const string LoginPage = "/Identity/Account/Login";

    /// <summary>GETs the form for its token and cookie, then POSTs the credentials; returns the POST's response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password)
    {
        var page = await browser.GetAsync(LoginPage);
        await Expect.StatusAsync(page, System.Net.HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, "The login page has no antiforgery token.");

        return await browser.PostAsync(LoginPage, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.RememberMe"] = "false",
            ["__RequestVerificationToken"] = token.Groups[1].Success ? token.Groups[1].Value : token.Groups[2].Value,
        }));
    }

    [GeneratedRegex("""name="__RequestVerificationToken"\s+type="hidden"\s+value="([^"]+)"|value="([^"]+)"\s+name="__RequestVerificationToken" """)]
    private static partial Regex AntiforgeryFieldPattern();

    private static Regex AntiforgeryField() => AntiforgeryFieldPattern();
}
