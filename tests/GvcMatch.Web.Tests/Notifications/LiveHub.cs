using System.Threading.Channels;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Hubs;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Notifications;

/// <summary>Real Kestrel for an app under test, and a real SignalR client on its negotiation hub.</summary>
public static class LiveHub
{
    /// <summary>Starts the app on Kestrel (a free port) and returns its base address.</summary>
    public static string StartOnKestrel(this GvcMatchApp app)
    {
        app.UseKestrel(0);
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    /// <summary>Connects to <paramref name="baseUrl"/>'s hub with a bearer token; every NotificationReceived lands in the returned channel.</summary>
    public static async Task<(HubConnection Connection, Channel<NotificationDto> Received)> ConnectAsync(string baseUrl, string accessToken)
    {
        var received = Channel.CreateUnbounded<NotificationDto>();
        var connection = new HubConnectionBuilder()
            .WithUrl(baseUrl + NegotiationHub.Path, o => o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken))
            .Build();
        connection.On<NotificationDto>(nameof(INegotiationClient.NotificationReceived), n => received.Writer.TryWrite(n));
        await connection.StartAsync();
        return (connection, received);
    }

    /// <summary>The next notification, or null when none arrives within <paramref name="wait"/>.</summary>
    public static async Task<NotificationDto?> NextAsync(this Channel<NotificationDto> received, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try { return await received.Reader.ReadAsync(timeout.Token); }
        catch (OperationCanceledException) { return null; }
    }

    /// <summary>Notifies through the app's own Notifier, as a feature inside that instance would.</summary>
    public static async Task NotifyAsync(this GvcMatchApp app, string userId, string kind, string title, string? body = null, string? link = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync([userId], kind, title, body, link);
    }
}
