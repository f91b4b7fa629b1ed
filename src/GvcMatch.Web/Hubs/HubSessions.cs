using System.Collections.Concurrent;
using GvcMatch.Web.Features.Auth;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Hubs;

/// <summary>
/// Closes hub connections whose session has ended. A connection is authenticated once, when it
/// opens, and can then stay open for hours; so this filter files every connection with the session
/// it was opened with (user, security stamp, token family), and every
/// <see cref="SessionCheckOptions.CheckInterval"/> checks all of this instance's connections against the
/// database in one pass, aborting those whose user changed password, left the organisation, was
/// locked out or deleted, or whose token family was revoked. <see cref="SessionRevocation"/> asks for
/// an immediate check of one user when the change was made on this instance.
/// </summary>
public sealed class HubSessions(SessionValidator validator, IOptionsMonitor<SessionCheckOptions> options, TimeProvider clock, ILogger<HubSessions> logger)
    : BackgroundService, IHubFilter
{
    private sealed record Connection(HubCallerContext Context, SessionKey Key);

    private readonly ConcurrentDictionary<string, Connection> _connections = new(StringComparer.Ordinal);

    public int Count => _connections.Count;

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (context.Context.User is { } user && SessionKey.From(user, validator.Claims) is { } key)
            _connections[context.Context.ConnectionId] = new Connection(context.Context, key);
        await next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _connections.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    /// <summary>Checks the connections whose session matches <paramref name="which"/> now, and aborts those that ended.</summary>
    public async Task<int> RecheckAsync(Func<SessionKey, bool> which, CancellationToken ct = default)
    {
        var connections = _connections.Values.Where(c => which(c.Key)).ToList();
        if (connections.Count == 0) return 0;
        var ended = await validator.CheckFreshAsync(connections.Select(c => c.Key).Distinct().ToList(), ct);
        var closed = 0;
        foreach (var connection in connections)
        {
            if (!ended.TryGetValue(connection.Key, out var reason)) continue;
            logger.LogInformation("Closing hub connection {ConnectionId} of user {UserId}: {Reason}", connection.Context.ConnectionId, connection.Key.UserId, reason);
            _connections.TryRemove(connection.Context.ConnectionId, out _);
            connection.Context.Abort();
            closed++;
        }
        return closed;
    }

    /// <summary>One pass over every connection of this instance.</summary>
    public Task<int> SweepAsync(CancellationToken ct = default) => RecheckAsync(_ => true, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(options.CurrentValue.CheckInterval, clock, stoppingToken);
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Checking hub sessions failed; trying again at the next interval");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
