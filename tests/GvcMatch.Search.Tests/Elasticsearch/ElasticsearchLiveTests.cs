using Elastic.Clients.Elasticsearch;
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

    private ElasticsearchOptions? _options;

    private ElasticsearchSearchIndex Elastic => (ElasticsearchSearchIndex)Index;
    private ElasticsearchOptions Options => _options ?? throw new InvalidOperationException("The index is created per test.");

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

    protected override Task<ISearchIndex> CreateIndexAsync()
    {
        _options = LiveOptions();
        return Task.FromResult<ISearchIndex>(new ElasticsearchSearchIndex(_options));
    }

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
    public async Task AfterARebuildOnlyTheNewIndexBehindTheAliasAndTheMetaIndexRemain()
    {
        await Index.ApplyAsync([Upsert(Doc(1, "Hydraulic cylinders"))], 1);
        var before = await IndicesAsync();
        await using (var rebuild = await Index.BeginRebuildAsync())
        {
            await rebuild.AddAsync([Doc(2, "Hydraulic pumps")]);
            await rebuild.CompleteAsync(5);
        }

        var after = await IndicesAsync();
        Assert.Equal(2, after.Count);
        Assert.Contains(Options.MetaIndexName, after.Keys);
        var live = Assert.Single(after, i => i.Key != Options.MetaIndexName);
        Assert.DoesNotContain(live.Key, before.Keys);
        Assert.Equal([Options.AliasName], live.Value);
        Assert.Equal([2], await IdsAsync("hydraulic"));
    }

    [Fact]
    public async Task DeletingEverythingLeavesNoIndexOfThePrefix()
    {
        await Index.ApplyAsync([Upsert(Doc(1, "Hydraulic cylinders"))], 1);
        // A rebuild interrupted before it could clean up after itself, as after a crash.
        await (await Index.BeginRebuildAsync()).AddAsync([Doc(2, "Hydraulic pumps")]);

        await Elastic.DeleteAllAsync();

        Assert.Empty(await IndicesAsync());
    }

    /// <summary>The indices named "{prefix}-*" on the node, each with its aliases.</summary>
    private async Task<Dictionary<string, List<string>>> IndicesAsync()
    {
        var client = new ElasticsearchClient(Options.CreateClientSettings());
        var response = await client.Indices.GetAliasAsync(Indices.Parse(Options.IndexPrefix + "-*"));
        if (response.ApiCallDetails.HttpStatusCode == 404) return [];
        Assert.True(response.IsValidResponse, response.DebugInformation);
        return response.Aliases!.ToDictionary(a => a.Key, a => a.Value.Aliases.Keys.ToList());
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
