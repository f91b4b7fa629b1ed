using System.Net;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Security;

/// <summary>In Production the app sends browsers to HTTPS and tells them to stay there.</summary>
public sealed class ProductionHttpsTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    [Fact]
    public async Task PlainHttpIsRedirectedToHttps()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://gvcmatch.example/") });
        var response = await client.GetAsync("/About");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://gvcmatch.example/About", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task HttpsAnswersCarryHsts()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://gvcmatch.example/") });
        var response = await client.GetAsync("/About");
        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts), $"No HSTS header ({(int)response.StatusCode}).");
        Assert.Contains("max-age=31536000", string.Join(",", hsts));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/Identity/Account/Register")]
    public async Task NoPageWritesAnInlineScriptInProduction(string page)
    {
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://gvcmatch.example/") });
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        // Data blocks (type="application/json") never run; every other script must come from a file on this site.
        var inline = System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*\\bsrc=)(?![^>]*application/json)[^>]*>")
            .Select(m => m.Value).ToList();
        Assert.Empty(inline);
        Assert.DoesNotContain("https://cdnjs", html);
    }
}

/// <summary>One Production app for the class: its tests only read pages, so they need not start one each.</summary>
public sealed class ProductionApp() : GvcMatchApp(TestDatabase.Sqlite(), new Dictionary<string, string>
{
    ["environment"] = "Production",
    ["https_port"] = "443",
    ["Email:LinkBaseUrl"] = "https://gvcmatch.example",
})
{
    protected override Task OnDisposedAsync()
    {
        DeleteFolder(Database.DataFolder);
        return Task.CompletedTask;
    }
}
