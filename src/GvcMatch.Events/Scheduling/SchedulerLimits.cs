namespace GvcMatch.Events.Scheduling;

/// <summary>
/// How long the scheduler keeps looking for a better schedule once every meeting that fits easily is
/// placed: a time budget, and a number of rebuilds in a row without a gain after which it stops early.
/// </summary>
public sealed record SchedulerLimits(TimeSpan Budget, int Patience)
{
    /// <summary>20 seconds and 20,000 idle rebuilds: events of a few hundred meetings stop on patience in about a second.</summary>
    public static SchedulerLimits Default { get; } = new(TimeSpan.FromSeconds(20), 20_000);
}
