using System.Collections.Concurrent;
using System.Net.WebSockets;

namespace GvcMatch.Benchmarks.Realtime;

/// <summary>
/// One <see cref="ClientWebSocket"/> to the raw echo endpoint. Sends may overlap their answers
/// (open loop): the server echoes in order, so each reply completes the oldest waiting message.
/// </summary>
public sealed class RawEchoClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentQueue<(TaskCompletionSource Reply, int Length)> _waiting = new();
    private Task _receiving = Task.CompletedTask;

    public static async Task<RawEchoClient> ConnectAsync(Uri uri, CancellationToken ct)
    {
        var client = new RawEchoClient();
        try
        {
            await client._socket.ConnectAsync(uri, ct);
        }
        catch
        {
            client._socket.Dispose();
            throw;
        }
        client._receiving = client.ReceiveAsync();
        return client;
    }

    /// <summary>Sends one text message; completes when its echo has arrived whole.</summary>
    public async Task EchoAsync(ReadOnlyMemory<byte> payload)
    {
        // Continuations off the receive loop, as the SignalR client completes its invocations.
        var reply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // A WebSocket allows one send at a time; queueing under the same lock keeps replies in send order.
        await _sendLock.WaitAsync();
        try
        {
            _waiting.Enqueue((reply, payload.Length));
            await _socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
        await reply.Task;
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length) Array.Resize(ref buffer, length * 2);
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                } while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                if (result.MessageType == WebSocketMessageType.Close) break;

                if (!_waiting.TryDequeue(out var waiting)) continue;
                if (length == waiting.Length) waiting.Reply.TrySetResult();
                else waiting.Reply.TrySetException(new InvalidDataException($"Echo of {waiting.Length} bytes came back as {length}."));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Closed under us: fail whatever is still waiting, below.
        }
        while (_waiting.TryDequeue(out var waiting)) waiting.Reply.TrySetException(new WebSocketException("The connection closed."));
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _receiving;
        _socket.Dispose();
        _sendLock.Dispose();
    }
}
