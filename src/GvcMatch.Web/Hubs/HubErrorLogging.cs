using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace GvcMatch.Web.Hubs;

/// <summary>
/// Logs failed hub calls by whose fault they are. A <see cref="HubException"/> is the app's own
/// refusal of what a caller asked (not found, invalid, rate limited): worth a line at Information
/// for whoever watches a flood, never a stack trace at Error that pages someone. Anything else is
/// a fault of the server, logged at Error with its stack trace, except a database that is briefly
/// away: that becomes the retryable <c>unavailable</c> code. The exception still goes on to
/// SignalR, which answers the caller; its own Error line is filtered out (see registration).
/// </summary>
public sealed class HubErrorLogging(ILogger<HubErrorLogging> logger) : IHubFilter
{
    /// <summary>The category SignalR logs "Failed to invoke hub method" under.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocation);
        }
        catch (HubException refusal)
        {
            logger.LogInformation("Hub call {Method} by {User} refused: {Refusal}",
                invocation.HubMethodName, invocation.Context.UserIdentifier, refusal.Message);
            throw;
        }
        catch (Exception ex) when (DatabaseUnavailable.IsTransient(ex))
        {
            // Not the caller's fault and not a bug: a retryable answer instead of a generic error.
            logger.LogWarning("Hub call {Method} found the database unavailable: {Cause}", invocation.HubMethodName, ex.Message);
            throw HubErrors.Error(HubErrors.Unavailable, $"the service is briefly unavailable; retry in {DatabaseUnavailable.RetryAfterSeconds} s.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !invocation.Context.ConnectionAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "Hub call {Method} by {User} failed", invocation.HubMethodName, invocation.Context.UserIdentifier);
            throw;
        }
    }
}
