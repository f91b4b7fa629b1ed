using System.Net;
using GvcMatch.Search;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Search;

/// <summary>
/// Supplier search understands capabilities as matching does: a Spanish or Japanese query finds
/// English-only suppliers of that process, and a paraphrase finds the buyer's own words, through
/// the concepts the vocabulary tags (fused with BM25), while unrelated processes stay out.
/// </summary>
public abstract class ConceptSearchTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task ASpanishQueryFindsAnEnglishOnlyCncMillingShopButNotATurningShop()
    {
        var country = await UnusedCountryAsync();
        var milling = await SupplierAsync(country, "Job shop for aluminium brackets and housings.", ["CNC milling", "deburring"]);
        var turning = await SupplierAsync(country, "Job shop for steel shafts and pins.", ["CNC turning", "thread rolling"]);
        using var anyone = app.CreateClient();

        var found = await SearchProbe.SupplierIdsAsync(anyone, $"q=fresado+CNC&country={country}");
        Assert.Contains(milling, found);
        Assert.DoesNotContain(turning, found);
        // The words alone (the index's BM25) find nothing: the English profile never says "fresado".
        var words = await app.Services.GetSearchIndex().SearchAsync(new SearchQuery
        {
            Kind = DocumentKind.Supplier, Text = "fresado CNC", Filters = [new KeywordFilter("country", [country])],
        });
        Assert.Empty(words.Hits);
    }

    [DatabaseFact]
    public async Task AJapaneseQueryFindsAnEnglishOnlySheetMetalShop()
    {
        var country = await UnusedCountryAsync();
        var sheet = await SupplierAsync(country, "Enclosures and cabinets from 1 to 3 mm steel.", ["sheet metal fabrication", "laser cutting"]);
        var moulder = await SupplierAsync(country, "Housings moulded in ABS and PC.", ["injection moulding"]);
        using var anyone = app.CreateClient();

        var found = await SearchProbe.SupplierIdsAsync(anyone, $"q={Uri.EscapeDataString("板金加工")}&country={country}");
        Assert.Contains(sheet, found);
        Assert.DoesNotContain(moulder, found);
    }

    [DatabaseFact]
    public async Task APowderCoatingSearchFindsElectrostaticPowderPaintingAndRanksTheBuyersWordsFirst()
    {
        var country = await UnusedCountryAsync();
        var paraphrase = await SupplierAsync(country, "Finishing line for steel cabinets.", ["electrostatic powder painting"]);
        var plain = await SupplierAsync(country, "Powder coating of steel cabinets and frames.", ["powder coating"]);
        var wet = await SupplierAsync(country, "Spray painting of steel cabinets.", ["wet painting"]);
        using var anyone = app.CreateClient();

        var body = await Expect.JsonAsync(await anyone.GetAsync($"/api/search/suppliers?q=powder+coating&country={country}"), HttpStatusCode.OK);
        var ids = SearchProbe.Ids(body);
        // Found by its words and its concept, the shop using the buyer's own words comes first.
        Assert.Equal([plain, paraphrase], ids);
        Assert.DoesNotContain(wet, ids);
        Assert.Equal(2, body.GetProperty("total").GetInt64());
        var countries = body.GetProperty("facets").GetProperty("country").EnumerateArray().ToList();
        Assert.Equal(2, Assert.Single(countries, c => c.GetProperty("value").GetString() == country).GetProperty("count").GetInt32());

        var page = await (await anyone.GetAsync($"/Search/suppliers?q=powder+coating&country={country}")).Content.ReadAsStringAsync();
        Assert.Contains($"/Suppliers/{paraphrase}", page);
    }

    private async Task<int> SupplierAsync(string country, string summary, List<string> capabilities)
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme, country);
        await sme.SaveProfileAsync(Samples.Profile(summary) with { Capabilities = capabilities, Materials = [], Equipment = [] });
        await sme.PublishProfileAsync();
        await app.WaitForIndexAsync();
        return sme.Me.OrgId;
    }

    /// <summary>A country no other test of the shared app publishes suppliers in, so each test sees only its own.</summary>
    private static readonly string[] Countries = ["UY", "PY", "BO"];
    private static int _next = -1;

    private static Task<string> UnusedCountryAsync() => Task.FromResult(Countries[Interlocked.Increment(ref _next) % Countries.Length]);
}

public sealed class ConceptSearchTestsOnSqlite(SqliteApp app) : ConceptSearchTests(app), IClassFixture<SqliteApp>;

public sealed class ConceptSearchTestsOnPostgres(PostgresApp app) : ConceptSearchTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
