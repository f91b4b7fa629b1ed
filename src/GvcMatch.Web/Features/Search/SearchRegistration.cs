using GvcMatch.Search;
using GvcMatch.Search.Elasticsearch;
using GvcMatch.Search.Lucene;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.SavedSearches;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Search;

public static class SearchRegistration
{
    /// <summary>
    /// The index provider is configuration (<c>Search:Provider</c>), never a code fork: Lucene keeps
    /// its index in the data folder, Elasticsearch is reached over HTTP.
    /// </summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SavedSearchOptions>().BindConfiguration(SavedSearchOptions.Section);
        services.AddSingleton<ISearchIndex>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            if (options.Provider == SearchProvider.Elasticsearch)
            {
                var es = options.Elasticsearch;
                return new ElasticsearchSearchIndex(new ElasticsearchOptions
                {
                    NodeUrl = new Uri(es.Url!),
                    IndexPrefix = es.IndexPrefix,
                    ApiKey = es.ApiKey,
                    Username = es.Username,
                    Password = es.Password,
                });
            }
            var env = sp.GetRequiredService<IHostEnvironment>();
            var folder = sp.GetRequiredService<IOptions<DataFolderOptions>>().Value.Resolve(env.ContentRootPath);
            return new LuceneSearchIndex(Path.Combine(folder, "index"), options.Vectors, sp.GetRequiredService<ILogger<LuceneSearchIndex>>());
        });
        services.AddSingleton<SearchRebuild>();
        services.AddSingleton<SupplierSearch>();
        // Before the indexer: an empty index is stamped before the indexer's first batch.
        services.AddSingleton<IndexFreshness>();
        services.AddHostedService(sp => sp.GetRequiredService<IndexFreshness>());
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddSingleton<SavedSearchNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<SavedSearchNotifier>());
        services.AddSingleton<RequirementVectors>();
        services.AddSingleton<MatchingService>();
        return services;
    }
}
