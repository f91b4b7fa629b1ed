using System.Collections.Concurrent;
using System.Threading.Channels;
using GvcMatch.Events.Scheduling;
using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Events;

/// <summary>
/// Scheduler runs as a background job, one at a time per instance: the organiser's request queues
/// the event and answers at once; the job reports its phase and the count placed to
/// <see cref="Progress"/>, which the status endpoint reads for the progress bar, and writes the
/// result and the run's figures to the database when it ends.
/// </summary>
public sealed class SchedulingJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SchedulingJobs> logger) : BackgroundService
{
    private readonly Channel<(int EventId, bool Fresh)> _queue = Channel.CreateUnbounded<(int, bool)>();
    private readonly ConcurrentDictionary<int, SchedulingProgress> _progress = new();

    /// <summary>The live progress of a queued or running job on this instance.</summary>
    public SchedulingProgress? Progress(int eventId) => _progress.GetValueOrDefault(eventId);

    public bool IsActive(int eventId) => _progress.ContainsKey(eventId);

    /// <summary>Queues a run; false when one is already queued or running for the event.</summary>
    public bool TryQueue(int eventId, bool fresh)
    {
        if (!_progress.TryAdd(eventId, new SchedulingProgress("queued", 0, 0))) return false;
        _queue.Writer.TryWrite((eventId, fresh));
        return true;
    }

    /// <summary>How long a run may look for improvements (the scheduler's default budget unless configured).</summary>
    public SchedulerLimits Limits { get; init; } = SchedulerLimits.Default;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (eventId, fresh) in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await RunAsync(eventId, fresh, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Scheduling event {EventId} failed", eventId);
                    await MarkAsync(eventId, ScheduleState.Failed, "The scheduler stopped on an unexpected error; run it again.", stoppingToken);
                }
                finally
                {
                    _progress.TryRemove(eventId, out _);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(int eventId, bool fresh, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var e = await db.Set<MatchmakingEvent>().FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return;
        e.ScheduleState = ScheduleState.Running;
        e.ScheduleError = null;
        await db.SaveChangesAsync(ct);

        var loaded = await EventProblem.LoadAsync(db, e, fresh, ct);
        Schedule schedule;
        try
        {
            // The solver is CPU-bound for up to its budget: off the request threads.
            schedule = await Task.Run(() => MeetingScheduler.Solve(loaded.Problem, new SyncProgress(p => _progress[eventId] = p), Limits, ct), ct);
        }
        catch (ArgumentException ex)
        {
            // Locked meetings that no longer fit (a participant changed its availability): the organiser must unlock or move them.
            e.ScheduleState = ScheduleState.Failed;
            e.ScheduleError = ex.Message.Split(" (Parameter")[0];
            await db.SaveChangesAsync(ct);
            return;
        }
        loaded.Apply(schedule);
        e.ScheduleState = ScheduleState.Done;
        e.SchedulePlaced = schedule.Placements.Count;
        e.ScheduleRequested = schedule.Requested;
        e.ScheduleUpperBound = schedule.UpperBound;
        e.ScheduledAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Scheduled event {EventId}: {Placed} of {Requested} meetings placed (bound {Bound}) in {Elapsed}",
            eventId, schedule.Placements.Count, schedule.Requested, schedule.UpperBound, schedule.Elapsed);
    }

    private async Task MarkAsync(int eventId, ScheduleState state, string error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Set<MatchmakingEvent>().Where(x => x.Id == eventId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.ScheduleState, state).SetProperty(x => x.ScheduleError, error), ct);
    }

    /// <summary>Reports on the solver's thread: <see cref="Progress{T}"/> would post to a thread pool queue and could arrive after the end.</summary>
    private sealed class SyncProgress(Action<SchedulingProgress> report) : IProgress<SchedulingProgress>
    {
        public void Report(SchedulingProgress value) => report(value);
    }
}
