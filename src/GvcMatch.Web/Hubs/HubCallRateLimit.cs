using GvcMatch.Web.Features.Conversations;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Hubs;

/// <summary>
/// A token bucket per connection: <see cref="MessagingOptions.HubCallBurst"/> calls at once, then
/// <see cref="MessagingOptions.HubCallsPerSecond"/> on average. A call over the limit is refused
/// with rate_limited and the connection stays open, so a chatty client slows down instead of
/// reconnecting in a loop.
/// </summary>
public sealed class HubCallRateLimit(IOptions<MessagingOptions> options, TimeProvider clock) : IHubFilter
{
    private static readonly object BucketKey = new();

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var o = options.Value;
        context.Context.Items[BucketKey] = new TokenBucket(o.HubCallsPerSecond, o.HubCallBurst, clock);
        return next(context);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocation.Context.Items.TryGetValue(BucketKey, out var value) && value is TokenBucket bucket && !bucket.TryTake())
            throw HubErrors.Error(HubErrors.RateLimited,
                $"more than {options.Value.HubCallsPerSecond:0.##} calls a second on this connection; slow down and retry.");
        return await next(invocation);
    }
}

/// <summary>Tokens refill continuously with time; taking one is a lock and a subtraction.</summary>
internal sealed class TokenBucket(double perSecond, int capacity, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private double _tokens = capacity;
    private long _stamp = clock.GetTimestamp();

    public bool TryTake()
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            _tokens = Math.Min(capacity, _tokens + clock.GetElapsedTime(_stamp, now).TotalSeconds * perSecond);
            _stamp = now;
            if (_tokens < 1) return false;
            _tokens -= 1;
            return true;
        }
    }
}
