using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Search;

/// <summary>The search page reads the same query string as the API and shows hits, facets and highlights.</summary>
[Collection(SharedApps.SqliteA)]
public sealed class SearchPagesTests(SqliteApp app)
{
    [Fact]
    public async Task APublishedSupplierIsFoundWithItsWordHighlightedAndFacetsCounted()
    {
        var word = SearchProbe.UniqueWord();
        var sme = await app.SignUpAsync(OrganizationKind.Sme, "MX");
        await sme.SaveProfileAsync(Samples.Profile($"Precision parts with {word} finishing."));
        await sme.PublishProfileAsync();
        await app.WaitForIndexAsync();

        using var visitor = app.CreateClient();
        var html = await (await visitor.GetAsync($"/Search/suppliers?q={word}")).Content.ReadAsStringAsync();
        Assert.Contains($"/Suppliers/{sme.Me.OrgId}", html);
        Assert.Contains($"<mark>{word}</mark>", html);
        Assert.Contains("1 result", html);
        // The country facet links switch the filter on, keeping the text.
        Assert.Contains($"/Search/suppliers?q={word}&amp;country=MX", html);
    }

    [Fact]
    public async Task ABadQueryIsExplainedOnThePageNotAnError()
    {
        using var visitor = app.CreateClient();
        var response = await visitor.GetAsync("/Search/suppliers?q=%22open&colour=red");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.Contains("alert-warning", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RequirementSearchAsksVisitorsToSignIn()
    {
        using var visitor = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await visitor.GetAsync("/Search/requirements?q=brackets");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location?.ToString());
        await Expect.StatusAsync(await visitor.GetAsync("/Search/unknown"), HttpStatusCode.NotFound);
    }
}
