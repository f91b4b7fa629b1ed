using System.ComponentModel.DataAnnotations;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;

namespace GvcMatch.Search.Elasticsearch;

/// <summary>Where the Elasticsearch index lives and how to authenticate (section "Search:Elasticsearch").</summary>
public sealed class ElasticsearchOptions
{
    [Required]
    public Uri? NodeUrl { get; set; }

    /// <summary>
    /// Name of the alias searches go through; concrete indices are named "{prefix}-{timestamp}" and
    /// the checkpoint lives in "{prefix}-meta". Lower case, as Elasticsearch requires.
    /// </summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9_-]{0,100}$")]
    public string IndexPrefix { get; set; } = "gvcmatch";

    /// <summary>An encoded API key; takes precedence over <see cref="Username"/>/<see cref="Password"/>.</summary>
    public string? ApiKey { get; set; }

    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>
    /// How long an index replaced by a rebuild is kept after the alias swap, so searches that
    /// resolved the alias just before the swap can finish on it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetiredIndexGrace { get; set; } = TimeSpan.FromSeconds(1);

    public string AliasName => IndexPrefix;
    public string MetaIndexName => $"{IndexPrefix}-meta";

    public ElasticsearchClientSettings CreateClientSettings()
    {
        var settings = new ElasticsearchClientSettings(NodeUrl ?? throw new InvalidOperationException("Search:Elasticsearch:NodeUrl is not set."));
        if (!string.IsNullOrEmpty(ApiKey)) settings.Authentication(new ApiKey(ApiKey));
        else if (!string.IsNullOrEmpty(Username)) settings.Authentication(new BasicAuthentication(Username, Password ?? ""));
        return settings;
    }
}
