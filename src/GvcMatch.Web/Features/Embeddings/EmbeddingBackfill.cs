using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Embeddings;

public enum BackfillState { Idle, Running, Completed, Failed, Disabled }

/// <summary>Progress of the backfill: rows looked at of the total, and texts the model had to embed.</summary>
public sealed record BackfillStatus(BackfillState State, long Done, long Total, long Embedded, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error)
{
    public double Percent => Total == 0 ? (State == BackfillState.Completed ? 100 : 0) : Math.Round(100.0 * Done / Total, 1);
}

/// <summary>
/// Gives every searchable profile and requirement its vectors (and its phrases theirs): rows
/// written before semantic matching was on, or before the model changed. It pages through the
/// rows, embeds only texts the table lacks, and queues each row whose document vector was new to
/// the index outbox, so the indexer re-sends that document with its vector. The app serves all the
/// while; matching is lexical for a row until its vector arrives.
/// </summary>
public sealed class EmbeddingBackfill(IServiceScopeFactory scopes, EmbeddingCache cache, GvcMatch.Matching.Understanding.CapabilityVocabulary vocabulary, IOptions<SemanticOptions> options, TimeProvider clock,
    ILogger<EmbeddingBackfill> logger)
{
    public BackfillStatus Status { get; private set; } = new(BackfillState.Idle, 0, 0, 0, null, null, null);

    public async Task RunAsync(IProgress<BackfillStatus>? progress, CancellationToken ct)
    {
        if (!cache.IsEnabled)
        {
            Report(Status with { State = BackfillState.Disabled });
            return;
        }
        var started = clock.GetUtcNow();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            var today = clock.Today();
            var total = await SupplierDocuments.Indexable(db, today).LongCountAsync(ct) + await ListingDocuments.IndexableRequirements(db).LongCountAsync(ct);
            long done = 0, embedded = 0;
            Report(new(BackfillState.Running, 0, total, 0, started, null, null));
            var size = options.Value.BackfillBatchSize;

            for (var last = 0; ;)
            {
                var page = await SupplierDocuments.Indexable(db, today).Where(p => p.Id > last).OrderBy(p => p.Id).Take(size).ToListAsync(ct);
                if (page.Count == 0) break;
                Step(page.Count, await EmbedPageAsync(db, page, p => EmbeddingTexts.ForProfile(p, vocabulary), EmbeddingTexts.PhrasesOf, p => (OutboxSubject.Organization, p.OrganizationId), ct));
                last = page[^1].Id;
            }
            for (var last = 0; ;)
            {
                var page = await ListingDocuments.IndexableRequirements(db).Where(r => r.Id > last).OrderBy(r => r.Id).Take(size).ToListAsync(ct);
                if (page.Count == 0) break;
                Step(page.Count, await EmbedPageAsync(db, page, EmbeddingTexts.ForRequirement, EmbeddingTexts.PhrasesOf, r => (OutboxSubject.Requirement, r.Id), ct));
                last = page[^1].Id;
            }
            Report(new(BackfillState.Completed, done, total, embedded, started, clock.GetUtcNow(), null));
            logger.LogInformation("Embedding backfill done: {Rows} rows checked, {Embedded} texts embedded", done, embedded);

            void Step(int rows, int texts)
            {
                done += rows;
                embedded += texts;
                Report(new(BackfillState.Running, done, total, embedded, started, null, null));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Embedding backfill failed");
            Report(Status with { State = BackfillState.Failed, FinishedAt = clock.GetUtcNow(), Error = ex.Message });
            throw;
        }

        void Report(BackfillStatus status)
        {
            Status = status;
            progress?.Report(status);
        }
    }

    /// <summary>Embeds a page's texts and phrases the table lacks; queues the rows whose document vector is new. Returns the texts embedded.</summary>
    private async Task<int> EmbedPageAsync<T>(AppDbContext db, List<T> page, Func<T, string> text, Func<T, IEnumerable<string>> phrasesOf,
        Func<T, (OutboxSubject, int)> subject, CancellationToken ct)
    {
        var texts = page.Select(text).ToList();
        var documents = await cache.GetOrCreateAsync(db, texts, EmbeddingKind.Document, ct);
        var phrases = await cache.GetOrCreateAsync(db, page.SelectMany(phrasesOf), EmbeddingKind.Phrase, ct);
        await QueueAsync(db, page.Where((_, i) => documents.Computed.Contains(texts[i])).Select(subject), ct);
        return documents.Computed.Count + phrases.Computed.Count;
    }

    private async Task QueueAsync(AppDbContext db, IEnumerable<(OutboxSubject Subject, int Id)> subjects, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = subjects.Select(s => new IndexOutboxEntry { Subject = s.Subject, SubjectId = s.Id, CreatedAt = now }).ToList();
        if (rows.Count == 0) return;
        db.IndexOutbox.AddRange(rows);
        await db.SaveChangesAsync(ct);
        foreach (var row in rows) db.Entry(row).State = EntityState.Detached;
        // Wake the indexer now rather than at its next poll (absent when only a command runs).
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetService<SearchIndexer>()?.Nudge();
    }
}
