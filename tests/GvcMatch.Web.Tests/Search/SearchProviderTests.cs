using GvcMatch.Search;
using GvcMatch.Search.Elasticsearch;
using GvcMatch.Search.Lucene;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Tests.Search;

/// <summary>The index provider is chosen by configuration alone.</summary>
public sealed class SearchProviderTests
{
    [Fact]
    public async Task TheEmbeddedLuceneIndexIsTheDefault()
    {
        await using var app = new GvcMatchApp(TestDatabase.Sqlite());
        Assert.IsType<LuceneSearchIndex>(app.Services.GetRequiredService<ISearchIndex>());
        Assert.True(Directory.Exists(Path.Combine(app.Database.DataFolder, "index")));
        await app.DisposeAsync();
        GvcMatchApp.DeleteFolder(app.Database.DataFolder);
    }

    [Fact]
    public async Task ElasticsearchIsUsedWhenConfigured()
    {
        var database = TestDatabase.Sqlite();
        await using var app = new GvcMatchApp(database, new Dictionary<string, string>
        {
            ["Search:Provider"] = "Elasticsearch",
            ["Search:Elasticsearch:Url"] = "http://127.0.0.1:9",
            ["Search:Elasticsearch:IndexPrefix"] = "gvc-test",
        });
        Assert.IsType<ElasticsearchSearchIndex>(app.Services.GetRequiredService<ISearchIndex>());
        await app.DisposeAsync();
        GvcMatchApp.DeleteFolder(database.DataFolder);
    }

    [Fact]
    public async Task ElasticsearchWithoutAUrlStopsTheStartWithAClearMessage()
    {
        var database = TestDatabase.Sqlite();
        await using var app = new GvcMatchApp(database, new Dictionary<string, string> { ["Search:Provider"] = "Elasticsearch" });
        var error = Assert.Throws<OptionsValidationException>(() => app.Services);
        Assert.Contains("Search:Elasticsearch:Url", error.Message);
        await app.DisposeAsync();
        GvcMatchApp.DeleteFolder(database.DataFolder);
    }
}
