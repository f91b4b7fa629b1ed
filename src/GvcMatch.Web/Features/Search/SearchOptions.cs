using System.ComponentModel.DataAnnotations;
using GvcMatch.Search.Lucene.Approximate;

namespace GvcMatch.Web.Features.Search;

public enum SearchProvider { Lucene, Elasticsearch }

/// <summary>Bound from the "Search" section; validated at start-up.</summary>
public sealed class SearchOptions : IValidatableObject
{
    public const string Section = "Search";

    public SearchProvider Provider { get; set; } = SearchProvider.Lucene;

    /// <summary>How often the indexer looks for outbox rows when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How long after it was written an outbox row below the checkpoint is still looked for: a
    /// transaction that commits later than this after its save can be missed until the next change.
    /// </summary>
    public TimeSpan LateCommitWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>On start, how many past days of lapsed certificates to re-check.</summary>
    [Range(0, 365)]
    public int ExpiryLookBackDays { get; set; } = 7;

    public ElasticsearchSettings Elasticsearch { get; set; } = new();

    /// <summary>The embedded index's HNSW graph for vector queries with broad filters.</summary>
    public ApproximateVectorOptions Vectors { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (PollInterval <= TimeSpan.Zero) yield return new("Search:PollInterval must be positive.", [nameof(PollInterval)]);
        if (LateCommitWindow < TimeSpan.Zero) yield return new("Search:LateCommitWindow cannot be negative.", [nameof(LateCommitWindow)]);
        if (Provider == SearchProvider.Elasticsearch && !Uri.TryCreate(Elasticsearch.Url, UriKind.Absolute, out _))
            yield return new("Search:Elasticsearch:Url must be an absolute URL when Search:Provider is Elasticsearch.", [nameof(Elasticsearch)]);
        if (Vectors.MinShare is < 0 or > 1 || Vectors.RebuildShare is <= 0 or > 1)
            yield return new("Search:Vectors:MinShare and :RebuildShare must be between 0 and 1.", [nameof(Vectors)]);
        if (Vectors.Connectivity is < 2 or > 128 || Vectors.ExpansionAdd < 1 || Vectors.ExpansionSearch < 1 || Vectors.Oversampling < 1 || Vectors.BuildThreads < 1 || Vectors.MinAdmitted < 0 || Vectors.MinDocuments < 0)
            yield return new("Search:Vectors: Connectivity must be 2–128; ExpansionAdd, ExpansionSearch and BuildThreads at least 1; Oversampling at least 1; MinAdmitted and MinDocuments not negative.", [nameof(Vectors)]);
        if (!System.Text.RegularExpressions.Regex.IsMatch(Elasticsearch.IndexPrefix, "^[a-z0-9][a-z0-9_-]{0,100}$"))
            yield return new("Search:Elasticsearch:IndexPrefix must be lower case letters, digits, '-' or '_'.", [nameof(Elasticsearch)]);
    }
}

public sealed class ElasticsearchSettings
{
    public string? Url { get; set; }
    public string IndexPrefix { get; set; } = "gvcmatch";
    public string? ApiKey { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }
}
