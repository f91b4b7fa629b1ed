namespace GvcMatch.Search;

/// <summary>
/// The one narrow interface the application uses for search. Implementations: the embedded
/// Lucene.NET index (default) and Elasticsearch. The database is the source of truth; the index
/// is derived and records how far it got (<see cref="GetCheckpointAsync"/>), so a crash between a
/// database commit and an index update heals by replaying from the checkpoint.
/// </summary>
public interface ISearchIndex
{
    /// <summary>
    /// Applies changes in order and records <paramref name="checkpoint"/> atomically with them.
    /// Idempotent: applying the same changes again leaves the same documents.
    /// </summary>
    Task ApplyAsync(IReadOnlyList<IndexChange> changes, long checkpoint, CancellationToken ct = default);

    /// <summary>The checkpoint stored by the last successful <see cref="ApplyAsync"/> or rebuild (0 when empty).</summary>
    Task<long> GetCheckpointAsync(CancellationToken ct = default);

    /// <summary>Searches; throws <see cref="SearchQueryException"/> for a query the caller must fix.</summary>
    Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken ct = default);

    /// <summary>
    /// The documents of <paramref name="kind"/> with these entity ids, each with its title and
    /// payload (score 0, no highlights), in the order asked; an id with no document (deleted since
    /// it was found) is left out. Reads the winners of an <see cref="SearchQuery.IdsOnly"/> search.
    /// </summary>
    Task<IReadOnlyList<SearchHit>> FetchAsync(DocumentKind kind, IReadOnlyList<int> entityIds, CancellationToken ct = default);

    /// <summary>
    /// Starts a full rebuild into a fresh index. Searches keep using the current index until
    /// <see cref="IIndexRebuild.CompleteAsync"/> swaps the new one in.
    /// </summary>
    Task<IIndexRebuild> BeginRebuildAsync(CancellationToken ct = default);

    /// <summary>
    /// A rebuild whose index records <paramref name="fingerprint"/>: what the documents were built
    /// with (the capability vocabulary and the analysis rules), so a later start can tell that the
    /// index was built with another understanding and rebuild it.
    /// </summary>
    Task<IIndexRebuild> BeginRebuildAsync(string? fingerprint, CancellationToken ct = default);

    /// <summary>The fingerprint recorded by the last completed rebuild, or null (never rebuilt, or built before fingerprints).</summary>
    Task<string?> GetFingerprintAsync(CancellationToken ct = default);

    /// <summary>Number of documents of each kind currently searchable.</summary>
    Task<IReadOnlyDictionary<DocumentKind, long>> CountAsync(CancellationToken ct = default);
}

public interface IIndexRebuild : IAsyncDisposable
{
    Task AddAsync(IReadOnlyList<SearchDocument> documents, CancellationToken ct = default);

    /// <summary>Makes the rebuilt index the live one, with <paramref name="checkpoint"/> recorded.</summary>
    Task CompleteAsync(long checkpoint, CancellationToken ct = default);
}

/// <summary>A query the user must correct (unbalanced quotes, unknown field, page too large). Maps to a 400.</summary>
public sealed class SearchQueryException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
