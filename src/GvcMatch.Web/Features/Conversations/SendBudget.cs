using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Conversations;

/// <summary>
/// One budget of message sends per person, whatever the way in: the API, and every hub
/// connection the person has open on this instance. The hub's per-connection call limit alone
/// let one account flood by opening more connections or by posting over HTTP. A token bucket:
/// <see cref="MessagingOptions.SendBurstPerUser"/> at once, then
/// <see cref="MessagingOptions.SendsPerMinutePerUser"/> a minute. Each instance keeps its own
/// budgets, so behind a load balancer a person gets at most one budget per instance.
/// </summary>
public sealed class SendBudget : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _refill;

    public SendBudget(IOptions<MessagingOptions> options)
    {
        var o = options.Value;
        _refill = TimeSpan.FromMinutes(1) / o.SendsPerMinutePerUser;
        // Idle people's buckets are dropped by the limiter once full again, so memory follows active senders.
        _limiter = PartitionedRateLimiter.Create<string, string>(userId => RateLimitPartition.GetTokenBucketLimiter(userId, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = o.SendBurstPerUser,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = _refill,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Takes one send from the person's budget: null when it fits, otherwise how long until one would.</summary>
    public TimeSpan? TryTake(string userId)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : _refill;
    }

    /// <summary>Whole seconds, at least one, as Retry-After and the hub's refusal state it.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public void Dispose() => _limiter.Dispose();
}
