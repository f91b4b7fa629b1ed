namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>
/// The app's clock in tests: real time plus an offset a test can move forward, so validity dates
/// and expiry can be tested without waiting. Timers still run on real time.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
