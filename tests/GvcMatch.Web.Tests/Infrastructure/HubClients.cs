using System.Collections.Concurrent;
using System.Net.WebSockets;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Hubs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>
/// The real .NET SignalR client against the negotiation hub. The WebSocket carries the token as
/// the access_token query value, as the JavaScript client does in a browser (browsers cannot set
/// headers on a WebSocket), so the tests go through the same server path outside clients use.
/// </summary>
public static class HubClients
{
    public static async Task<string> TokenAsync(this GvcMatchApp app, Member member) =>
        (await app.GetTokenAsync(member.Email, member.Password)).AccessToken;

    /// <summary>The token a hub connection of <paramref name="member"/> sends: the test scheme's when the member signed in by it, else a real one.</summary>
    public static async Task<string> HubTokenAsync(this GvcMatchApp app, Member member)
    {
        if (!member.SignedInByTest) return await app.TokenAsync(member);
        PasswordHashCount.SignInSkipped();
        return TestSignIn.TokenFor(member.Me.UserId);
    }

    /// <summary>A started connection over the in-memory test server, with an event recorder.</summary>
    public static async Task<HubClient> ConnectAsync(this GvcMatchApp app, Member member, string? origin = null)
    {
        var client = new HubClient(app.BuildHub(await app.HubTokenAsync(member), origin));
        await client.Connection.StartAsync();
        // StartAsync returns once the handshake is answered, which can be a moment before the
        // server files the connection under its user; a broadcast in that moment misses it (the
        // app's own clients catch up with Join). The server handles calls only after filing it,
        // so one answered call means every later broadcast reaches this connection.
        await client.Connection.InvokeAsync<string>("Ping", "ready");
        return client;
    }

    /// <param name="cookie">A sign-in cookie (<c>name=value</c>), sent on the negotiate request and the handshake as a browser does.</param>
    public static HubConnection BuildHub(this GvcMatchApp app, string? token, string? origin = null, string? cookie = null)
    {
        var server = app.Server;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, NegotiationHub.Path), HttpTransportType.WebSockets, o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                if (origin is not null) o.Headers["Origin"] = origin;
                if (cookie is not null) o.Headers["Cookie"] = cookie;
                o.WebSocketFactory = async (context, ct) =>
                {
                    var ws = server.CreateWebSocketClient();
                    ws.ConfigureRequest = request =>
                    {
                        foreach (var (name, value) in context.Options.Headers) request.Headers[name] = value;
                    };
                    return await ws.ConnectAsync(WithToken(context.Uri, token), ct);
                };
            })
            .Build();
    }

    /// <summary>
    /// A connection to a real Kestrel address whose socket the test can abort at any moment:
    /// <paramref name="onSocket"/> receives each ClientWebSocket the connection opens.
    /// </summary>
    public static HubConnection BuildHub(Uri baseAddress, string token, Action<ClientWebSocket> onSocket) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, NegotiationHub.Path), HttpTransportType.WebSockets, o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.WebSocketFactory = async (context, ct) =>
                {
                    var socket = new ClientWebSocket();
                    onSocket(socket);
                    await socket.ConnectAsync(WithToken(context.Uri, token), ct);
                    return socket;
                };
            })
            .Build();

    public static Uri WithToken(Uri uri, string? token)
    {
        if (token is null) return uri;
        var builder = new UriBuilder(uri);
        var separator = string.IsNullOrEmpty(builder.Query) ? "" : "&";
        builder.Query = builder.Query.TrimStart('?') + separator + "access_token=" + Uri.EscapeDataString(token);
        return builder.Uri;
    }

    /// <summary>Runs a hub call that must fail, and returns the error code.</summary>
    public static async Task<string> HubErrorAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<HubException>(call);
        return CodeOf(error.Message) ?? throw new Xunit.Sdk.XunitException($"A hub error without a code: {error.Message}");
    }

    /// <summary>
    /// SignalR sends a hub error as "An unexpected error occurred invoking 'X' on the server.
    /// HubException: &lt;code&gt;: &lt;detail&gt;"; the code is the word after the marker.
    /// </summary>
    public static string? CodeOf(string message)
    {
        const string marker = "HubException: ";
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0) return null;
        var rest = message[(start + marker.Length)..];
        var colon = rest.IndexOf(':');
        return colon > 0 ? rest[..colon] : null;
    }

    public static Task<JoinResult> JoinAsync(this HubConnection hub, long conversationId, long afterSeq = 0) =>
        hub.InvokeAsync<JoinResult>("Join", conversationId, afterSeq);

    public static Task<MessageDto> SendAsync(this HubConnection hub, long conversationId, string clientMessageId, string body) =>
        hub.InvokeAsync<MessageDto>("Send", new SendMessage(conversationId, clientMessageId, body));
}

/// <summary>A connection that records every event it receives, with waits for the ones a test expects.</summary>
public sealed class HubClient : IAsyncDisposable
{
    public HubClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<MessageDto>(nameof(INegotiationClient.MessageReceived), m => Record(Messages, m));
        connection.On<UnreadEvent>(nameof(INegotiationClient.Unread), e => Record(Unread, e));
        connection.On<ReadEvent>(nameof(INegotiationClient.Read), e => Record(Reads, e));
        connection.On<TypingEvent>(nameof(INegotiationClient.Typing), e => Record(Typing, e));
        connection.On<NotificationDto>(nameof(INegotiationClient.NotificationReceived), e => Record(Notifications, e));
    }

    public HubConnection Connection { get; }
    public ConcurrentQueue<MessageDto> Messages { get; } = new();
    public ConcurrentQueue<UnreadEvent> Unread { get; } = new();
    public ConcurrentQueue<ReadEvent> Reads { get; } = new();
    public ConcurrentQueue<TypingEvent> Typing { get; } = new();
    public ConcurrentQueue<NotificationDto> Notifications { get; } = new();

    private readonly SemaphoreSlim _signal = new(0);

    private void Record<T>(ConcurrentQueue<T> queue, T item)
    {
        queue.Enqueue(item);
        _signal.Release();
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing with <paramref name="what"/> after the timeout.</summary>
    public async Task WaitForAsync(Func<HubClient, bool> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition(this))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) Assert.Fail($"Timed out waiting for {what}.");
            await _signal.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>
    /// Makes sure every event caused by calls that have already returned has reached this
    /// connection, for assertions that something did NOT arrive: <paramref name="from"/>, another
    /// member of the conversation, sends a typing event (it stores nothing), and since a connection
    /// gets its events in the order the server sent them, once the marker is in, anything sent
    /// earlier is in too. The marker is recorded in <see cref="Typing"/>.
    /// </summary>
    public async Task FenceAsync(HubClient from, long conversationId)
    {
        var before = Typing.Count;
        await from.Connection.InvokeAsync("Typing", conversationId, false);
        await WaitForAsync(c => c.Typing.Count > before, "the fence (a typing event from another member)");
    }

    /// <summary>
    /// The fence for a connection that shares no conversation with anyone any more: a round trip
    /// of its own. The answer comes after every event sent to it before, but the client hands events
    /// to their handlers on a loop of its own, so this waits for that loop too (one more answered call).
    /// </summary>
    public async Task FenceAsync()
    {
        await Connection.InvokeAsync<string>("Ping", "fence");
        await Connection.InvokeAsync<string>("Ping", "fence");
    }

    /// <summary>A fixed wait, kept for callers that have no fence; prefer <see cref="FenceAsync(HubClient, long)"/>.</summary>
    public static Task SettleAsync() => Task.Delay(500);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
