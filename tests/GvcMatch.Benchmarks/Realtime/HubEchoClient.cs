using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace GvcMatch.Benchmarks.Realtime;

/// <summary>One SignalR connection (WebSockets transport, JSON protocol) to the echo hub.</summary>
public sealed class HubEchoClient : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private HubEchoClient(HubConnection connection) => _connection = connection;

    /// <param name="skipNegotiation">Open the WebSocket directly, without the negotiate request first.</param>
    public static async Task<HubEchoClient> ConnectAsync(Uri hub, bool skipNegotiation, CancellationToken ct)
    {
        // WebSockets only, as the raw series: no fallback to server-sent events or long polling.
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, HttpTransportType.WebSockets, o => o.SkipNegotiation = skipNegotiation)
            .Build();
        try
        {
            await connection.StartAsync(ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return new HubEchoClient(connection);
    }

    /// <summary>Invokes <c>Echo</c>; completes when its result has arrived.</summary>
    public async Task EchoAsync(string payload)
    {
        var echoed = await _connection.InvokeAsync<string>("Echo", payload);
        if (echoed.Length != payload.Length) throw new InvalidDataException($"Echo of {payload.Length} characters came back as {echoed.Length}.");
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
