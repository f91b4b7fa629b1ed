using GvcMatch.Search.Elasticsearch;

namespace GvcMatch.Search.Tests.Elasticsearch;

/// <summary>
/// The provider contract against a real Elasticsearch node, plus what only Elasticsearch can show.
/// Each test gets its own index prefix and deletes every index of it afterwards.
/// </summary>
[RequiresEnvironment(Variable, "Set GVCMATCH_TEST_ELASTICSEARCH to an Elasticsearch URL (e.g. http://localhost:9200, or http://user:password@host:9200) to run the live Elasticsearch tests.")]
public sealed class ElasticsearchLiveTests : SearchIndexContractTests
{
    public const string Variable = "GVCMATCH_TEST_ELASTICSEARCH";

    private ElasticsearchSearchIndex Elastic => (ElasticsearchSearchIndex)Index;

    public static ElasticsearchOptions LiveOptions()
    {
        var url = new Uri(Environment.GetEnvironmentVariable(Variable) ?? throw new InvalidOperationException($"{Variable} is not set."));
        var options = new ElasticsearchOptions
        {
            NodeUrl = new UriBuilder(url) { UserName = "", Password = "" }.Uri,
            IndexPrefix = "gvcmatch-test-" + Guid.NewGuid().ToString("N")[..12],
        };
        if (url.UserInfo.Split(':', 2) is [var user, var password] && user.Length > 0)
            (options.Username, options.Password) = (Uri.UnescapeDataString(user), Uri.UnescapeDataString(password));
        return options;
    }

    protected override Task<ISearchIndex> CreateIndexAsync() => Task.FromResult<ISearchIndex>(new ElasticsearchSearchIndex(LiveOptions()));

    protected override Task DeleteIndexAsync(ISearchIndex index) => ((ElasticsearchSearchIndex)index).DeleteAllAsync();

    [Fact]
    public async Task TheServerAcceptsTheMappingsFileAndAppliesItsAnalysis()
    {
        await Index.ApplyAsync([Upsert(SearchTestData.Supplier(1, "Machining", "Aluminium fundición 精密切削加工", "DE", "2592", [], 10, 1))], 1);
        Assert.Equal([1], await IdsAsync("machined"));
        Assert.Equal([1], await IdsAsync("fundicion"));
        Assert.Equal([1], await IdsAsync("切削"));
    }

    [Fact]
    public async Task AfterARebuildOnlyTheNewIndexAndTheMetaIndexRemain()
    {
        await Index.ApplyAsync([Upsert(Doc(1, "Hydraulic cylinders"))], 1);
        await using (var rebuild = await Index.BeginRebuildAsync())
        {
            await rebuild.AddAsync([Doc(2, "Hydraulic pumps")]);
            await rebuild.CompleteAsync(5);
        }
        Assert.Equal([2], await IdsAsync("hydraulic"));

        await Elastic.DeleteAllAsync();
        var fresh = new ElasticsearchSearchIndex(LiveOptions());
        Assert.Equal(0, await fresh.GetCheckpointAsync());
        await fresh.DeleteAllAsync();
    }

    [Fact]
    public async Task JapaneseHighlightsMarkTheMatchedWords()
    {
        await Index.ApplyAsync(SearchTestData.AllChanges(), 1);
        var result = await Index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = "切削加工", Highlight = true });
        var snippet = Assert.Single(Assert.Single(result.Hits).Highlights);
        Assert.Contains("<mark>", snippet);
    }
}
