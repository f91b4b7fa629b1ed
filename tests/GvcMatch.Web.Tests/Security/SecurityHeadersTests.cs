using System.Net;
using System.Net.Http.Headers;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Conversations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Notifications;

namespace GvcMatch.Web.Tests.Security;

/// <summary>Every kind of response, over real Kestrel, carries the browser protections and no Server header.</summary>
public sealed class SecurityHeadersTests(KestrelApp kestrel) : IClassFixture<KestrelApp>
{
    private readonly SqliteApp app = kestrel.App;

    [Fact]
    public async Task APageAnApiAnswerADownloadAFileAndAnErrorAllCarryTheSecurityHeaders()
    {
        var baseUrl = kestrel.BaseUrl;
        var (sme, mne, id) = await app.PairAsync();
        using var form = ConversationApiTests.Upload("drawing.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray(), "h-1");
        var sent = await Expect.JsonAsync(await sme.Client.PostAsync($"/api/conversations/{id}/attachments", form), HttpStatusCode.Created);
        var download = sent.GetProperty("attachment").GetProperty("url").GetString()!;

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var token = (await app.GetTokenAsync(mne.Email, mne.Password)).AccessToken;
        foreach (var (url, bearer) in new[] { ("/", false), ("/api/auth/me", true), (download, true), ("/css/site.css", false), ("/no-such-page", false) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (bearer) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            var where = $"GET {url} ({(int)response.StatusCode})";

            var csp = Header(response, "Content-Security-Policy", where);
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("'unsafe-inline'", Directive(csp, "script-src"));
            Assert.DoesNotContain("'unsafe-eval'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options", where));
            Assert.Equal("DENY", Header(response, "X-Frame-Options", where));
            Assert.Equal("same-origin", Header(response, "Referrer-Policy", where));
            Assert.Contains("camera=()", Header(response, "Permissions-Policy", where));
            Assert.False(response.Headers.TryGetValues("Server", out var server), $"{where} names the server: {string.Join(",", server ?? [])}");
            // HTTPS is a Production concern: tests and development run on plain HTTP.
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{where} sends HSTS outside Production.");
        }
    }

    [Fact]
    public async Task AnAntiforgeryFormKeepsFramingDenied()
    {
        // The antiforgery system would write SAMEORIGIN when it issues a token; the page must still say DENY.
        using var visitor = app.CreateClient();
        var login = await visitor.GetAsync(CookieSignIn.LoginPage);
        Assert.Equal("DENY", Header(login, "X-Frame-Options", "the login page"));
    }

    private static string Header(HttpResponseMessage response, string name, string where)
    {
        Assert.True(response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values),
            $"{where} has no {name} header.");
        return string.Join(",", values!);
    }

    private static string Directive(string csp, string name) =>
        csp.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith(name + " ", StringComparison.Ordinal));
}

/// <summary>The app on real Kestrel, which is what writes (or leaves out) the Server header.</summary>
public sealed class KestrelApp : IAsyncLifetime
{
    public SqliteApp App { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public Task InitializeAsync()
    {
        BaseUrl = App.StartOnKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
