namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>
/// The app's clock in tests: real time plus an offset a test can move forward, so validity dates
/// and expiry can be tested without waiting. Timers still run on real time; timestamps
/// (<see cref="TimeProvider.GetTimestamp"/>, which rate limits measure with) move with the offset.
/// For a clock that stands still, see <see cref="GvcMatchApp.FakeClock"/>.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public override long GetTimestamp() =>
        base.GetTimestamp() + (long)(Interlocked.Read(ref _offsetTicks) * (TimestampFrequency / (double)TimeSpan.TicksPerSecond));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
