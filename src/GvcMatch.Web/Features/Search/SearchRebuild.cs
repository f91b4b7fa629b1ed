using System.Linq.Expressions;
using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Search;

public enum RebuildState { Idle, Running, Completed, Failed }

/// <param name="Reason">Why it runs: an admin asked, or the index was built with another understanding (<see cref="IndexFreshness"/>).</param>
public sealed record RebuildStatus(RebuildState State, long Done, long Total, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error, string? Reason = null)
{
    public double Percent => Total == 0 ? (State == RebuildState.Completed ? 100 : 0) : Math.Round(100.0 * Done / Total, 1);
}

/// <summary>
/// Rebuilds the whole index from the database into a fresh index while searches keep using the
/// live one, then swaps. Changes made during the rebuild are replayed by the indexer, because the
/// new index records the outbox position taken before the first row was read.
/// Vectors come from the Embeddings table; only a text never embedded before runs the model.
/// </summary>
public sealed class SearchRebuild(IServiceScopeFactory scopes, ISearchIndex index, TimeProvider clock, EmbeddingCache embeddings,
    GvcMatch.Matching.Understanding.CapabilityVocabulary vocabulary, ILogger<SearchRebuild> logger)
{
    private const int BatchSize = 1000;
    private readonly Lock _gate = new();
    private Task? _running;

    public RebuildStatus Status { get; private set; } = new(RebuildState.Idle, 0, 0, null, null, null);

    /// <summary>The fingerprint the rebuilt index records: today's understanding.</summary>
    private readonly string _fingerprint = IndexFreshness.Of(vocabulary);

    /// <summary>Starts a rebuild in the background; false when one is already running.</summary>
    public bool TryStart(string reason = "requested by an admin")
    {
        lock (_gate)
        {
            if (_running is { IsCompleted: false }) return false;
            Status = new(RebuildState.Running, 0, 0, clock.GetUtcNow(), null, null, reason);
            _running = Task.Run(() => RunAsync(null, CancellationToken.None, reason));
            return true;
        }
    }

    /// <summary>The background rebuild started last, for tests that wait for it.</summary>
    public Task Running => _running ?? Task.CompletedTask;

    public async Task RunAsync(IProgress<RebuildStatus>? progress, CancellationToken ct, string? reason = null)
    {
        var started = clock.GetUtcNow();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            var today = clock.Today();
            var checkpoint = await db.IndexOutbox.MaxAsync(e => (long?)e.Id, ct) ?? 0;
            var total = await SupplierDocuments.Indexable(db, today).CountAsync(ct)
                + await ListingDocuments.IndexableIp(db).CountAsync(ct)
                + await ListingDocuments.IndexableRequirements(db).CountAsync(ct);
            long done = 0;
            Report(new(RebuildState.Running, 0, total, started, null, null, reason));

            await using var rebuild = await index.BeginRebuildAsync(_fingerprint, ct);
            await CopyAsync(SupplierDocuments.Indexable(db, today), p => p.OrganizationId,
                page => DocumentVectors.SuppliersAsync(embeddings, db, page, today, vocabulary, withPhrases: false, ct));
            await CopyAsync(ListingDocuments.IndexableIp(db), i => i.Id, page => Task.FromResult(page.Select(ListingDocuments.Build).ToList()));
            await CopyAsync(ListingDocuments.IndexableRequirements(db), r => r.Id,
                page => DocumentVectors.RequirementsAsync(embeddings, db, page, withPhrases: false, ct));
            await rebuild.CompleteAsync(checkpoint, ct);

            Report(new(RebuildState.Completed, done, total, started, clock.GetUtcNow(), null, reason));
            logger.LogInformation("Search index rebuilt: {Count} documents in {Seconds:0.0} s", done, (clock.GetUtcNow() - started).TotalSeconds);

            // Keyset paging (ordered by id) keeps each batch query cheap however large the table.
            // Two stages overlap: while one page is added to the index (analysis, Lucene's buffers:
            // about half of the work), the next is read, built and given its stored vectors on this
            // thread, which alone uses the DbContext. At most one page waits, so memory stays flat.
            async Task CopyAsync<T>(IQueryable<T> source, Expression<Func<T, int>> key, Func<List<T>, Task<List<SearchDocument>>> build)
            {
                var last = 0;
                var keyOf = key.Compile();
                var adding = Task.CompletedTask;
                try
                {
                    while (true)
                    {
                        var page = await source.Where(AfterKey(key, last)).OrderBy(key).Take(BatchSize).ToListAsync(ct);
                        if (page.Count == 0) break;
                        var documents = await build(page);
                        await adding;
                        adding = Task.Run(() => rebuild.AddAsync(documents, ct), ct);
                        last = keyOf(page[^1]);
                        done += page.Count;
                        Report(new(RebuildState.Running, done, total, started, null, null, reason));
                    }
                }
                finally
                {
                    // Never leave an add running when the rebuild is disposed, failed or not.
                    await adding;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Search index rebuild failed");
            Report(Status with { State = RebuildState.Failed, FinishedAt = clock.GetUtcNow(), Error = ex.Message });
            throw;
        }

        void Report(RebuildStatus status)
        {
            Status = status;
            progress?.Report(status);
        }
    }

    private static Expression<Func<T, bool>> AfterKey<T>(Expression<Func<T, int>> key, int last)
    {
        var body = Expression.GreaterThan(key.Body, Expression.Constant(last));
        return Expression.Lambda<Func<T, bool>>(body, key.Parameters);
    }
}
