using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace GvcMatch.Benchmarks.Negotiation;

/// <summary>
/// One person's connection to the app's negotiation hub, as an outside client would open it: a
/// bearer token from <c>/api/auth/login</c>, WebSockets, JSON. It sends through <c>Send</c> and
/// counts a message delivered when the other party's connection receives it.
/// </summary>
public sealed class NegotiationClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _awaited;

    private NegotiationClient(HubConnection connection, ConcurrentDictionary<string, TaskCompletionSource> awaited)
    {
        _connection = connection;
        _awaited = awaited;
    }

    /// <param name="awaited">Shared by all clients: deliveries are looked up by client message id.</param>
    public static async Task<NegotiationClient> ConnectAsync(Uri hub, string token, string userId,
        ConcurrentDictionary<string, TaskCompletionSource> awaited, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        connection.On<JsonElement>("MessageReceived", message =>
        {
            // The sender receives its own message too; only the other party's copy counts.
            if (message.GetProperty("senderUserId").GetString() == userId) return;
            if (message.GetProperty("clientMessageId").GetString() is { } id && awaited.TryRemove(id, out var delivered))
                delivered.TrySetResult();
        });
        try
        {
            await connection.StartAsync(ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return new NegotiationClient(connection, awaited);
    }

    /// <summary>Sends; completes when the other party has received the message.</summary>
    public async Task SendAsync(long conversationId, string clientMessageId, string body)
    {
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _awaited[clientMessageId] = delivered;
        try
        {
            await _connection.InvokeAsync<JsonElement>("Send", new { conversationId, clientMessageId, body });
            await delivered.Task;
        }
        finally
        {
            _awaited.TryRemove(clientMessageId, out _);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
