using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Notifications;

/// <summary>
/// SignalR over the Redis backplane that keeps working while Redis is away. Every connection is
/// known to two managers: Redis's (which reaches every instance) and an in-process one (which
/// reaches this instance's connections). Events go through Redis while it answers; when it is
/// down, or a publish fails or takes longer than <see cref="BackplaneOptions.RedisTimeout"/>, the
/// event goes to this instance's connections instead, at once. Callers never see a backplane
/// failure: the caller's work is already stored, and a member on another instance catches up
/// from the database. The outage is logged once when it starts and once when it ends.
/// </summary>
public sealed class ResilientHubLifetimeManager<THub>(
    RedisHubLifetimeManager<THub> redis, DefaultHubLifetimeManager<THub> local, BackplaneConnection backplane,
    IOptions<BackplaneOptions> options, ILogger<ResilientHubLifetimeManager<THub>> logger) : HubLifetimeManager<THub>
    where THub : Hub
{
    private int _degraded;

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await local.OnConnectedAsync(connection);
        // Without Redis the connection still opens; StackExchange.Redis keeps the subscription
        // and makes it on the server once it is back.
        await TryRedisAsync(() => redis.OnConnectedAsync(connection));
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        await local.OnDisconnectedAsync(connection);
        await TryRedisAsync(() => redis.OnDisconnectedAsync(connection));
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await local.AddToGroupAsync(connectionId, groupName, cancellationToken);
        await TryRedisAsync(() => redis.AddToGroupAsync(connectionId, groupName, cancellationToken));
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await local.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
        await TryRedisAsync(() => redis.RemoveFromGroupAsync(connectionId, groupName, cancellationToken));
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        PublishAsync(m => m.SendAllAsync(methodName, args, cancellationToken));

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        PublishAsync(m => m.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        PublishAsync(m => m.SendConnectionAsync(connectionId, methodName, args, cancellationToken));

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        PublishAsync(m => m.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken));

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        PublishAsync(m => m.SendGroupAsync(groupName, methodName, args, cancellationToken));

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        PublishAsync(m => m.SendGroupsAsync(groupNames, methodName, args, cancellationToken));

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds,
        CancellationToken cancellationToken = default) =>
        PublishAsync(m => m.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        PublishAsync(m => m.SendUserAsync(userId, methodName, args, cancellationToken));

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        PublishAsync(m => m.SendUsersAsync(userIds, methodName, args, cancellationToken));

    // Client results (a server waiting for a client's answer) need the backplane's routing; the app does not use them.
    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        redis.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) => redis.SetConnectionResultAsync(connectionId, result);

    public override bool TryGetReturnType(string invocationId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        redis.TryGetReturnType(invocationId, out type);

    /// <summary>Through Redis when it answers in time, otherwise to this instance's connections.</summary>
    private async Task PublishAsync(Func<HubLifetimeManager<THub>, Task> send)
    {
        if (backplane.IsKnownDown)
        {
            // Known to be away: no attempt, no wait.
            Degrade(null);
            await send(local);
            return;
        }
        if (await TryRedisAsync(() => send(redis))) return;
        await send(local);
    }

    private async Task<bool> TryRedisAsync(Func<Task> call)
    {
        try
        {
            await call().WaitAsync(options.Value.RedisTimeout);
            Recover();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Degrade(ex);
            return false;
        }
    }

    private void Degrade(Exception? cause)
    {
        if (Interlocked.Exchange(ref _degraded, 1) == 0)
            logger.LogWarning("The Redis backplane is unavailable ({Cause}); hub events reach this instance's connections only until it returns",
                cause?.Message ?? "not connected");
        else if (cause is not null)
            logger.LogDebug("Redis backplane still unavailable: {Cause}", cause.Message);
    }

    private void Recover()
    {
        if (Interlocked.Exchange(ref _degraded, 0) == 1)
            logger.LogInformation("The Redis backplane is back; hub events reach every instance again");
    }
}
