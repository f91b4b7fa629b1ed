using System.Net;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>Signs in the way a browser does: the Identity login form with its antiforgery token.</summary>
public static class CookieSignIn
{
    public const string LoginPage = "/Identity/Account/Login";

    /// <summary>
    /// GETs the form for its token and cookie, then POSTs the credentials; returns the POST's
    /// response. When the sign-in worked, the client also sends the API antiforgery token from then
    /// on, as the site's scripts do, so its writes to /api are accepted with the cookie.
    /// </summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password)
    {
        var token = await AntiforgeryTokens.FormTokenAsync(browser, LoginPage);
        var response = await browser.PostAsync(LoginPage, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.RememberMe"] = "false",
            [AntiforgeryTokens.FormField] = token,
        }));
        // The API token is bound to the signed-in user, so it is taken after the sign-in.
        if ((await browser.GetAsync("/api/antiforgery")).StatusCode == HttpStatusCode.OK)
            await AntiforgeryTokens.SendApiTokenAsync(browser);
        return response;
    }
}
