using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GvcMatch.Web.Features.Notifications;

/// <summary>
/// The backplane's Redis connection, made by SignalR's Redis manager through this factory so the
/// app can ask whether it is connected: while it is not, events skip Redis at once instead of
/// waiting for a timeout per event.
/// </summary>
public sealed class BackplaneConnection(IOptions<BackplaneOptions> options)
{
    private volatile IConnectionMultiplexer? _connection;

    /// <summary>True once a connection was made and has been lost (StackExchange.Redis reconnects by itself).</summary>
    public bool IsKnownDown => _connection is { IsConnected: false };

    public async Task<IConnectionMultiplexer> ConnectAsync(TextWriter log)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(Configuration(options.Value), log);
        _connection = connection;
        return connection;
    }

    /// <summary>
    /// The connection string plus what keeps a dead Redis from blocking senders: start without it,
    /// fail a command at once while disconnected (no backlog that waits for a reconnect), time
    /// out quickly, and retry the connection at a steady short interval.
    /// </summary>
    public static ConfigurationOptions Configuration(BackplaneOptions backplane)
    {
        var configuration = ConfigurationOptions.Parse(backplane.Redis!);
        var timeout = (int)backplane.RedisTimeout.TotalMilliseconds;
        configuration.ChannelPrefix = RedisChannel.Literal(BackplaneOptions.ChannelPrefix);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ConnectTimeout = timeout;
        configuration.SyncTimeout = timeout;
        configuration.AsyncTimeout = timeout;
        configuration.ReconnectRetryPolicy = new LinearRetry(timeout);
        return configuration;
    }
}
