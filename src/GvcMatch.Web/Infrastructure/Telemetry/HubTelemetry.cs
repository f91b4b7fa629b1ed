using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;

namespace GvcMatch.Web.Infrastructure.Telemetry;

/// <summary>
/// Counts open hub connections and traces each hub method call. A call's span is a root of its
/// own: the connection's HTTP request can stay open for hours, and a trace that long is useless.
/// </summary>
public sealed class HubTelemetry(AppMetrics metrics) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var hub = invocation.Hub.GetType().Name;
        var method = invocation.HubMethodName;
        var connection = Activity.Current;
        Activity.Current = null;
        using var activity = GvcMatchTelemetry.Source.StartActivity($"{hub}/{method}", ActivityKind.Server,
            parentContext: default, links: connection is null ? null : [new ActivityLink(connection.Context)]);
        activity?.SetTag("rpc.system", "signalr");
        activity?.SetTag("rpc.service", hub);
        activity?.SetTag("rpc.method", method);
        try
        {
            return await next(invocation);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex is HubException ? ex.Message : ex.GetType().Name);
            throw;
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        // Counted only once the connection is accepted: SignalR does not call OnDisconnected for one that never was.
        metrics.HubConnected();
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        metrics.HubDisconnected();
        await next(context, exception);
    }
}
