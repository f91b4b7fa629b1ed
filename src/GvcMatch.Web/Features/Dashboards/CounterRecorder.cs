using System.Collections.Concurrent;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Dashboards;

/// <summary>
/// Collects match appearances and profile views in memory and writes them in batches from
/// <see cref="CounterFlushWorker"/>, so a match page or a supplier page never waits for a counter
/// write. Each batch is an insert that ignores rows already there (the keys are the counting rule),
/// which both providers understand as <c>INSERT … ON CONFLICT DO NOTHING</c>. A crash loses at
/// most one interval of counts: they are figures for a chart, not records.
/// </summary>
public sealed class CounterRecorder(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Rows per statement: three parameters each, far below either provider's limit.</summary>
    private const int BatchRows = 300;

    /// <summary>Bounds the memory of today's written keys on a busy instance; forgetting only costs a redundant insert.</summary>
    private const int MaxRemembered = 200_000;

    private ConcurrentDictionary<Key, byte> _pending = new();

    // Keys this instance already wrote today: a match page reopened all day costs no write at all.
    private readonly HashSet<Key> _written = [];
    private DateOnly _writtenDay;
    private readonly SemaphoreSlim _flushing = new(1, 1);

    private readonly record struct Key(bool View, int Supplier, DateOnly Day, int Other);

    /// <summary>Counts each supplier shown in a requirement's ranked top once for today.</summary>
    public void RecordAppearances(int requirementId, IEnumerable<int> suppliers)
    {
        // A road-map item is matched as an unsaved requirement (id 0): every item would fold into one
        // "requirement" per day, so only stored requirements count as appearances.
        if (requirementId <= 0) return;
        var today = clock.Today();
        foreach (var supplier in suppliers) _pending.TryAdd(new Key(false, supplier, today, requirementId), 0);
    }

    /// <summary>Counts a supplier page opened by a member of <paramref name="viewerOrganizationId"/>; never the supplier's own members.</summary>
    public void RecordProfileView(int supplierOrganizationId, int? viewerOrganizationId)
    {
        if (viewerOrganizationId is not { } viewer || viewer == supplierOrganizationId) return;
        _pending.TryAdd(new Key(true, supplierOrganizationId, clock.Today(), viewer), 0);
    }

    /// <summary>Writes what has been recorded so far; returns how many rows were offered to the database.</summary>
    public async Task<int> FlushAsync(CancellationToken ct)
    {
        await _flushing.WaitAsync(ct);
        try
        {
            var batch = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<Key, byte>()).Keys.ToList();
            var today = clock.Today();
            if (_writtenDay != today || _written.Count > MaxRemembered)
            {
                _written.Clear();
                _writtenDay = today;
            }
            var fresh = batch.Where(k => !_written.Contains(k)).ToList();
            if (fresh.Count == 0) return 0;

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var gate = scope.ServiceProvider.GetRequiredService<SqliteWriteGate>();
            try
            {
                using (await gate.EnterAsync(db, ct))
                {
                    await InsertAsync(db, DashboardTables.MatchAppearances, "RequirementId", fresh.Where(k => !k.View).ToList(), ct);
                    await InsertAsync(db, DashboardTables.ProfileViews, "ViewerOrganizationId", fresh.Where(k => k.View).ToList(), ct);
                }
            }
            catch
            {
                // Kept for the next pass: the inserts ignore whatever part of the batch did get in.
                foreach (var key in fresh) _pending.TryAdd(key, 0);
                throw;
            }
            foreach (var key in fresh.Where(k => k.Day == today)) _written.Add(key);
            return fresh.Count;
        }
        finally
        {
            _flushing.Release();
        }
    }

    private static async Task InsertAsync(AppDbContext db, string table, string otherColumn, List<Key> keys, CancellationToken ct)
    {
        foreach (var chunk in keys.Chunk(BatchRows))
        {
            var values = string.Join(", ", chunk.Select((_, i) => $"({{{3 * i}}}, {{{3 * i + 1}}}, {{{3 * i + 2}}})"));
            var parameters = chunk.SelectMany(k => new object[] { k.Supplier, k.Day, k.Other }).ToArray();
            // Only constants and placeholders go into the text; the values travel as parameters.
            var sql = string.Concat("INSERT INTO \"", table, "\" (\"SupplierOrganizationId\", \"Day\", \"", otherColumn, "\") VALUES ", values,
                " ON CONFLICT DO NOTHING");
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
    }
}
