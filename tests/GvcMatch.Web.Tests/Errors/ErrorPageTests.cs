using System.Net;
using System.Net.Http.Headers;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Auth;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Errors;

/// <summary>Browsers get error pages in the site's layout; API clients keep ProblemDetails.</summary>
public sealed class ErrorPageTests(ErrorPageTests.ThrowingApp app) : IClassFixture<ErrorPageTests.ThrowingApp>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Theory]
    [InlineData("/Suppliers/987654")]
    [InlineData("/Requirements/987654")]
    [InlineData("/no/such/page")]
    public async Task AMissingPageShowsTheHtml404InTheLayoutToABrowser(string path)
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        using var browser = Browser();
        await PageForms.SignInAsync(browser, sme.Email, sme.Password);
        var response = await browser.GetAsync(path);

        await AssertErrorPageAsync(response, HttpStatusCode.NotFound, "Page not found");
    }

    [Theory]
    [InlineData("/api/requirements/987654", null)]
    [InlineData("/api/no/such/endpoint", BrowserAccept)]
    [InlineData("/Suppliers/987654", "application/json")]
    public async Task ApiClientsKeepProblemDetailsForAMissingThing(string path, string? accept)
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await sme.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AForbiddenPageShowsTheHtml403InTheLayout()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        using var browser = Browser();
        await PageForms.SignInAsync(browser, sme.Email, sme.Password);
        var response = await browser.GetAsync("/Admin/Import");
        if (response.StatusCode == HttpStatusCode.Redirect) response = await browser.GetAsync(response.Headers.Location);

        await AssertErrorPageAsync(response, HttpStatusCode.Forbidden, "Not allowed");
    }

    [Fact]
    public async Task AFailureShowsTheHtml500ToABrowserAndProblemDetailsToAnApiClient()
    {
        using var browser = Browser();
        await AssertErrorPageAsync(await browser.GetAsync(ThrowingApp.Path), HttpStatusCode.InternalServerError, "Something went wrong");

        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await api.GetAsync(ThrowingApp.Path);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(ThrowingApp.Secret, await response.Content.ReadAsStringAsync());
    }

    private HttpClient Browser()
    {
        var browser = PageForms.Browser(app);
        browser.DefaultRequestHeaders.TryAddWithoutValidation("Accept", BrowserAccept);
        return browser;
    }

    private static async Task AssertErrorPageAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(((int)status).ToString(), Html.Parse(html).QuerySelector("#error-page")?.GetAttribute("data-status"));
        Assert.Contains(title, html);
        Assert.NotNull(Html.Parse(html).QuerySelector("nav .navbar-brand"));
        Assert.DoesNotContain(ThrowingApp.Secret, html);
    }

    /// <summary>The app with one address that fails, past every endpoint, as an unexpected bug would.</summary>
    public sealed class ThrowingApp : SqliteApp
    {
        public const string Path = "/test-only/fails";
        public const string Secret = "internal detail that must not leak";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddTransient<IStartupFilter, Throwing>());
        }

        private sealed class Throwing : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use((http, inner) => http.Request.Path == Path ? throw new InvalidOperationException(Secret) : inner(http));
            };
        }
    }
}
