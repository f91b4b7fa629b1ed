using System.Threading.Channels;
using GvcMatch.Web.Hubs;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace GvcMatch.Web.Tests.Offers;

/// <summary>A bare hub connection for the offer tests (the shared <see cref="HubClients"/> set-up) and per-event waiting.</summary>
public static class HubClient
{
    public static async Task<HubConnection> ConnectAsync(this GvcMatchApp app, Member member)
    {
        var connection = app.BuildHub(await app.HubTokenAsync(member));
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Collects one event's payloads so a test can wait for the one it expects.</summary>
    public static Events<T> Collect<T>(this HubConnection connection, string eventName)
    {
        var events = new Events<T>();
        connection.On<T>(eventName, e => events.Channel.Writer.TryWrite(e));
        return events;
    }
}

public sealed class Events<T>
{
    internal Channel<T> Channel { get; } = System.Threading.Channels.Channel.CreateUnbounded<T>();

    /// <summary>The first event (from now on, in arrival order) that matches; fails after the timeout.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> match, int timeoutMs = 10_000)
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        try
        {
            while (true)
            {
                var e = await Channel.Reader.ReadAsync(timeout.Token);
                if (match(e)) return e;
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"No matching {typeof(T).Name} arrived within {timeoutMs} ms.");
        }
    }

    /// <summary>Everything received so far that nobody waited for.</summary>
    public List<T> Drain()
    {
        var list = new List<T>();
        while (Channel.Reader.TryRead(out var e)) list.Add(e);
        return list;
    }
}
