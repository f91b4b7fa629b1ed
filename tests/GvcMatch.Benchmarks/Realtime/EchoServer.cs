using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using GvcMatch.Benchmarks.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GvcMatch.Benchmarks.Realtime;

/// <summary>
/// <c>echo-server --port N</c> (started by <see cref="EchoServerProcess"/>): one Kestrel on
/// 127.0.0.1 serving a raw WebSocket echo at <c>/ws</c> and a SignalR hub at <c>/hubs/echo</c>, so
/// both series share the same server, settings, garbage collector and thread pool.
/// </summary>
public static class EchoServer
{
    public const string ReadyLine = "echo-server ready";
    private const int MaxMessageBytes = 1 << 20;

    public static async Task<int> RunAsync(Args args)
    {
        var port = args.Int("port", 0);
        var builder = WebApplication.CreateSlimBuilder();
        // No appsettings from whatever folder the process runs in: nothing may add endpoints or limits.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, port));
        builder.Services.AddSignalR();

        var app = builder.Build();
        app.UseWebSockets();
        app.MapGet("/", () => "echo");
        app.Map("/ws", EchoWebSocketAsync);
        app.MapHub<EchoHub>("/hubs/echo");
        await app.StartAsync();
        Console.WriteLine($"{ReadyLine} on port {port.ToString(CultureInfo.InvariantCulture)}");
        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>Sends every text message back whole, as the hub returns its argument.</summary>
    private static async Task EchoWebSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[4096];
        var ct = context.RequestAborted;
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        if (length >= MaxMessageBytes) { await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, null, ct); return; }
                        Array.Resize(ref buffer, length * 2);
                    }
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), ct);
                    length += result.Count;
                } while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                    return;
                }
                await socket.SendAsync(buffer.AsMemory(0, length), result.MessageType, endOfMessage: true, ct);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away (end of run or killed): nothing to echo to.
        }
    }
}

/// <summary>The hub counterpart of the raw echo: an invocation whose result is its argument.</summary>
public sealed class EchoHub : Hub
{
    public string Echo(string payload) => payload;
}
