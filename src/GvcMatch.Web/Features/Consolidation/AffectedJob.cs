using System.Threading.Channels;
using GvcMatch.Matching;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consolidation;

/// <summary>The queue of notices whose affected suppliers are still to be computed.</summary>
public sealed class AffectedQueue
{
    private readonly Channel<int> _notices = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(int noticeId) => _notices.Writer.TryWrite(noticeId);

    internal ChannelReader<int> Reader => _notices.Reader;
}

/// <summary>
/// Computes a published notice's affected suppliers off the request: finds them, scores each on
/// the notice's criteria, records it and tells it privately, saving progress as it goes. Notices
/// left queued or half done by a restart are taken up again; suppliers already told are skipped.
/// </summary>
public sealed class AffectedJob(IServiceScopeFactory scopes, AffectedQueue queue, TimeProvider clock, ILogger<AffectedJob> logger) : BackgroundService
{
    /// <summary>How many of an SME's new matches its notice names; the notice page shows more.</summary>
    public const int MatchesInNotice = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ResumeAsync(stoppingToken);
        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(id, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Computing the suppliers affected by consolidation notice {Id} failed", id);
            }
        }
    }

    private async Task ResumeAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var pending = await db.ConsolidationNotices.AsNoTracking()
                .Where(n => n.AffectedStatus == AffectedJobStatus.Queued || n.AffectedStatus == AffectedJobStatus.Running)
                .Select(n => n.Id).ToListAsync(ct);
            pending.ForEach(queue.Enqueue);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Pending consolidation notices could not be read at start");
        }
    }

    public async Task<AffectedRun?> RunAsync(int noticeId, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var contexts = services.GetRequiredService<MatchContexts>();
        var messages = services.GetRequiredService<ConsolidationMessages>();
        var rematch = services.GetRequiredService<Rematch>();
        var notice = await db.ConsolidationNotices.Include(n => n.Organization).FirstOrDefaultAsync(n => n.Id == noticeId, ct);
        if (notice is null || notice.Status != NoticeStatus.Published || notice.AffectedStatus == AffectedJobStatus.Done) return null;

        var suppliers = await AffectedSuppliers.FindAsync(db, notice, contexts.Vocabulary, ct);
        var find = watch.Elapsed;
        var told = (await db.AffectedSuppliers.Where(a => a.NoticeId == noticeId).Select(a => a.OrganizationId).ToListAsync(ct)).ToHashSet();
        notice.AffectedStatus = AffectedJobStatus.Running;
        notice.AffectedTotal = suppliers.Count;
        notice.AffectedProcessed = told.Count;
        await db.SaveChangesAsync(ct);

        var scorer = Scorer.For(notice.Criteria, contexts.For((string?)null));
        var today = clock.Today();
        foreach (var supplier in suppliers.Where(s => !told.Contains(s.Facts.OrganizationId)))
        {
            var result = scorer.Score(supplier.Facts, today, explain: false);
            db.AffectedSuppliers.Add(new AffectedSupplier
            {
                NoticeId = noticeId, OrganizationId = supplier.Facts.OrganizationId,
                ScoreAtNotice = result.Total, QualifiedAtNotice = result.Qualified, NotifiedAt = clock.GetUtcNow(),
            });
            notice.AffectedProcessed++;
            // Re-matched the same minute: the notice names the best open requirements of other buyers.
            var matches = await rematch.ForAsync(supplier.Facts, notice.OrganizationId, MatchesInNotice, ct);
            // The notification saves the row with it: a supplier recorded is a supplier told.
            await messages.NoticeAsync(notice, notice.Organization.Name, supplier.Facts.OrganizationId, result.Total, result.Unmet.Count(),
                matches.Select(m => m.Title).ToList(), ct);
        }
        notice.AffectedStatus = AffectedJobStatus.Done;
        notice.AffectedProcessed = notice.AffectedTotal;
        await db.SaveChangesAsync(ct);
        return new AffectedRun(suppliers.Count, find, TimeSpan.Zero, TimeSpan.Zero, watch.Elapsed - find);
    }
}

/// <summary>What one run of the job did and where its time went, for its log line and the benchmark.</summary>
public sealed record AffectedRun(int Suppliers, TimeSpan Find, TimeSpan Score, TimeSpan Rematch, TimeSpan Write);
