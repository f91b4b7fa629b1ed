using GvcMatch.Search;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Search;

/// <summary>
/// Applies outbox rows to the search index in order, from the checkpoint the index itself
/// stores. A crash between a database commit and the index update therefore heals on restart:
/// the rows are still there and the checkpoint is still behind them.
/// </summary>
public sealed class SearchIndexer(
    IServiceScopeFactory scopes, ISearchIndex index, IOptions<SearchOptions> options, TimeProvider clock, EmbeddingCache embeddings,
    GvcMatch.Matching.Understanding.CapabilityVocabulary vocabulary, OutboxSignal outboxSignal, ILogger<SearchIndexer> logger, AppMetrics? metrics = null)
    : BackgroundService
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Completed (and replaced) at the end of every pass of the loop; <see cref="DrainAsync"/> waits on it.</summary>
    private TaskCompletionSource _passed = NewPass();

    /// <summary>Rows at or below the checkpoint already applied by this instance, kept for the late-commit window.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, DateTimeOffset> _recent = new();
    private DateOnly _expiriesCheckedUpTo;

    private long _nudges;

    /// <summary>How many times the loop was woken early (by this instance's writes or a drain), for diagnostics and tests.</summary>
    public long Nudges => Interlocked.Read(ref _nudges);

    /// <summary>Wakes the loop now instead of at the next poll.</summary>
    public void Nudge()
    {
        Interlocked.Increment(ref _nudges);
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* already awake */ }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = outboxSignal.Subscribe(Nudge);
        _expiriesCheckedUpTo = clock.Today().AddDays(-options.Value.ExpiryLookBackDays);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await EnqueueExpiriesAsync(stoppingToken);
                    while (await PumpAsync(stoppingToken) > 0) { }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Indexing failed; retrying shortly");
                }
                Interlocked.Exchange(ref _passed, NewPass()).TrySetResult();
                await _signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Returns once the index has applied every outbox row up to <paramref name="outboxId"/>: wakes
    /// the loop and waits for its passes instead of polling. Tests and admin tools use it to know
    /// that what they wrote is searchable; it waits for as long as the loop is not running.
    /// </summary>
    public Task DrainAsync(long outboxId, CancellationToken ct = default) => WaitForCheckpointAsync(outboxId, wake: true, ct);

    /// <summary>As <see cref="DrainAsync"/>, without waking the loop: returns when a pass it ran on its own (a write's signal, a poll) got there.</summary>
    public Task CaughtUpAsync(long outboxId, CancellationToken ct = default) => WaitForCheckpointAsync(outboxId, wake: false, ct);

    private async Task WaitForCheckpointAsync(long outboxId, bool wake, CancellationToken ct)
    {
        while (true)
        {
            // Taken before the check, so a pass that ends between the check and the wait still counts.
            var pass = Volatile.Read(ref _passed).Task;
            if (await index.GetCheckpointAsync(ct) >= outboxId) return;
            if (wake) Nudge();
            await pass.WaitAsync(ct);
        }
    }

    private static TaskCompletionSource NewPass() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Applies the next batch of outbox rows; returns how many rows it applied.</summary>
    public async Task<int> PumpAsync(CancellationToken ct)
    {
        var checkpoint = await index.GetCheckpointAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.IndexOutbox.AsNoTracking()
            .Where(e => e.Id > checkpoint).OrderBy(e => e.Id).Take(options.Value.BatchSize).ToListAsync(ct);

        // Identity values are handed out at insert, not at commit: under concurrent writers a row
        // can become visible after a higher one was applied. Recent rows below the checkpoint that
        // this instance has not applied yet are such late commits, so they are applied too.
        var since = clock.GetUtcNow() - options.Value.LateCommitWindow;
        var late = (await db.IndexOutbox.AsNoTracking().Where(e => e.Id <= checkpoint && e.CreatedAt >= since).ToListAsync(ct))
            .Where(e => !_recent.ContainsKey(e.Id)).ToList();
        if (rows.Count == 0 && late.Count == 0) return 0;

        using var activity = GvcMatchTelemetry.Source.StartActivity("SearchIndexer batch");
        var all = rows.Concat(late).ToList();
        var targets = await IndexChanges.ExpandAsync(db, all, ct);
        var changes = await IndexChanges.BuildAsync(db, targets, clock.Today(), embeddings, vocabulary, ct);
        var next = rows.Count > 0 ? rows[^1].Id : checkpoint;
        await index.ApplyAsync(changes, next, ct);
        metrics?.RowsIndexed(all, clock.GetUtcNow());
        activity?.SetTag("gvcmatch.index.rows", all.Count).SetTag("gvcmatch.index.changes", changes.Count).SetTag("gvcmatch.index.checkpoint", next);

        foreach (var row in all) _recent[row.Id] = row.CreatedAt;
        foreach (var old in _recent.Where(r => r.Value < since).Select(r => r.Key).ToList()) _recent.TryRemove(old, out _);
        logger.LogDebug("Indexed {Changes} document change(s) up to outbox row {Checkpoint} ({Late} late)", changes.Count, next, late.Count);
        return all.Count;
    }

    /// <summary>
    /// Certificates lapse and profiles go stale with no database write; once a day this queues the
    /// suppliers concerned so their documents drop the certificate or leave the index.
    /// </summary>
    private async Task EnqueueExpiriesAsync(CancellationToken ct)
    {
        var today = clock.Today();
        if (_expiriesCheckedUpTo >= today) return;
        var from = _expiriesCheckedUpTo;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var organizations = await db.Profiles
            .Where(p => (p.RenewalDue >= from && p.RenewalDue < today)
                || p.Certifications.Any(c => c.ValidUntil >= from && c.ValidUntil < today))
            .Select(p => p.OrganizationId).ToListAsync(ct);
        // A lapsed group certificate: its cluster's row re-indexes the members relying on it.
        organizations.AddRange(await db.GroupCertificates.Where(g => g.ValidUntil >= from && g.ValidUntil < today)
            .Select(g => g.ClusterOrganizationId).Distinct().ToListAsync(ct));
        if (organizations.Count > 0)
        {
            var now = clock.GetUtcNow();
            db.IndexOutbox.AddRange(organizations.Select(id => new IndexOutboxEntry { Subject = OutboxSubject.Organization, SubjectId = id, CreatedAt = now }));
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Queued {Count} supplier(s) whose certificates lapsed or profiles went stale", organizations.Count);
        }
        _expiriesCheckedUpTo = today;
    }
}
