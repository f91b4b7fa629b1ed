using Microsoft.Extensions.Time.Testing;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>
/// The app's view of a <see cref="FakeTimeProvider"/>: the same time and timestamps, but timer
/// callbacks run on the thread pool instead of inside <see cref="FakeTimeProvider.Advance(TimeSpan)"/>.
/// Moving a fake clock by 100 days fires a one-minute periodic timer 144,000 times, one after the
/// other; run inline, each tick resumed a background job (saved searches, digests, offer sweeps),
/// and on SQLite, whose async calls complete synchronously, every resumed pass ran to the end
/// before the next tick: one expiry test spent over a minute of CPU in those passes. Queued, the
/// ticks a busy job misses fold into one, as with the real clock. Tests run the passes they check
/// themselves, so nothing waits for a tick to run inline.
/// </summary>
internal sealed class QueuedTimerClock(FakeTimeProvider fake) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override long TimestampFrequency => fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        fake.CreateTimer(static s =>
        {
            var (callback, state) = ((TimerCallback, object?))s!;
            ThreadPool.QueueUserWorkItem(static x => x.callback(x.state), (callback, state), preferLocal: false);
        }, (callback, state), dueTime, period);
}
