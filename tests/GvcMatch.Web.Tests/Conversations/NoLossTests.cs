using System.Collections.Concurrent;
using System.Net.WebSockets;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Hubs;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GvcMatch.Web.Tests.Conversations;

/// <summary>
/// Two parties stream messages while the receiving client's socket is aborted again and again
/// and the app is restarted once. The client follows the documented protocol (keep the last seq,
/// Join with it after every reconnect, drop what it has seen) and must end with every message
/// exactly once, in order; the server must have stored every send exactly once despite retries.
/// Runs on a real Kestrel so sockets really break.
/// </summary>
public abstract class NoLossTests(GvcMatchApp fixture, ITestOutputHelper output)
{
    private const int FromSme = 200;
    private const int FromMne = 100;

    [DatabaseFact]
    public async Task Every_message_arrives_exactly_once_in_order_despite_aborted_sockets_and_a_restart()
    {
        await using var scratch = await ScratchDatabase.LikeAsync(fixture);
        var host = new RestartableHost(scratch.Database);
        try
        {
            await host.StartAsync();
            var (sme, mne, id) = await host.App.PairAsync();
            var smeToken = await host.App.HubTokenAsync(sme);
            var mneToken = await host.App.HubTokenAsync(mne);
            var reader = new CatchUpReader(id);
            await reader.ConnectAsync(host, mneToken);

            var smeSent = 0;
            var smeSender = SendAllAsync(host, smeToken, id, "s", FromSme, () => Interlocked.Increment(ref smeSent));
            var mneSender = SendAllAsync(host, mneToken, id, "m", FromMne, () => { });
            var senders = Task.WhenAll(smeSender, mneSender);

            // Aborts follow the stream's progress, not the clock: every 5 to 15 messages from the
            // SME, however fast the server stores them, so the count does not depend on its speed.
            var random = new Random(4711);
            var aborts = 0;
            var restarted = false;
            var nextAbortAt = random.Next(5, 15);
            while (!senders.IsCompleted)
            {
                while (!senders.IsCompleted && Volatile.Read(ref smeSent) < nextAbortAt) await Task.WhenAny(senders, Task.Delay(5));
                if (senders.IsCompleted) break;
                nextAbortAt = Volatile.Read(ref smeSent) + random.Next(5, 15);
                if (!restarted && Volatile.Read(ref smeSent) >= FromSme / 2)
                {
                    restarted = true;
                    await host.RestartAsync();
                }
                reader.Abort();
                aborts++;
                await reader.ConnectAsync(host, mneToken);
            }
            await senders;
            await reader.ConnectAsync(host, mneToken);
            await reader.CatchUpAsync();

            var total = 1 + FromSme + FromMne;
            output.WriteLine($"aborts: {aborts}, restarted: {restarted}, live: {reader.LiveAccepted}, catch-up: {reader.CatchUpAccepted}, seen twice and dropped: {reader.Dropped}");
            Assert.True(restarted, "The app was never restarted.");
            Assert.True(aborts >= 10, $"Only {aborts} aborts happened.");
            Assert.Equal(Enumerable.Range(1, total).Select(s => (long)s), reader.Delivered);
            Assert.Equal(reader.Delivered.Count, reader.Delivered.Distinct().Count());
            Assert.True(reader.LiveAccepted > 0 && reader.CatchUpAccepted > 0, "Both live delivery and catch-up should have carried messages.");

            var stored = await host.App.StoredAsync(id);
            Assert.Equal(Enumerable.Range(1, total).Select(s => (long)s), stored.Select(m => m.Seq));
            var ids = stored.Where(m => m.ClientMessageId is not null).Select(m => m.ClientMessageId!).ToList();
            Assert.Equal(FromSme + FromMne, ids.Distinct().Count());
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>
    /// Sends n messages in order. A failed call (socket gone, server restarting) is retried with
    /// the same client message id on a new connection; every 25th message is sent twice on
    /// purpose, as a client that never saw the answer would.
    /// </summary>
    private static async Task SendAllAsync(RestartableHost host, string token, long id, string prefix, int n, Action sent)
    {
        HubConnection? connection = null;
        try
        {
            for (var i = 1; i <= n; i++)
            {
                var clientId = $"{prefix}-{i}";
                for (var copies = i % 25 == 0 ? 2 : 1; copies > 0; copies--)
                {
                    while (true)
                    {
                        try
                        {
                            connection ??= await StartAsync(host, token);
                            await connection.SendAsync(id, clientId, $"{prefix} message {i}");
                            break;
                        }
                        catch (Exception e) when (e is not HubException || HubClients.CodeOf(e.Message) is null or HubErrors.RateLimited)
                        {
                            if (connection is not null) await connection.DisposeAsync();
                            connection = null;
                            await Task.Delay(50);
                        }
                    }
                }
                sent();
            }
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    private static async Task<HubConnection> StartAsync(RestartableHost host, string token)
    {
        var connection = HubClients.BuildHub(host.Address, token, _ => { });
        try
        {
            await connection.StartAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The receiving client, written the way docs/negotiation-protocol.md tells outside clients to.</summary>
    private sealed class CatchUpReader(long conversationId)
    {
        private readonly Lock _gate = new();
        private readonly SortedDictionary<long, MessageDto> _pending = [];
        private long _lastSeq;
        private HubConnection? _connection;
        private ClientWebSocket? _socket;

        public List<long> Delivered { get; } = [];
        public int LiveAccepted { get; private set; }
        public int CatchUpAccepted { get; private set; }
        public int Dropped { get; private set; }

        /// <summary>Drops what was seen; holds back anything past a gap until the gap is filled.</summary>
        private void Accept(MessageDto m, bool live)
        {
            lock (_gate)
            {
                if (m.Seq <= _lastSeq || _pending.ContainsKey(m.Seq)) { Dropped++; return; }
                _pending[m.Seq] = m;
                if (live) LiveAccepted++; else CatchUpAccepted++;
                while (_pending.Remove(_lastSeq + 1, out var next))
                {
                    Delivered.Add(next.Seq);
                    _lastSeq = next.Seq;
                }
            }
        }

        private long LastSeq { get { lock (_gate) return _lastSeq; } }

        public void Abort() => _socket?.Abort();

        /// <summary>A new connection (retrying while the server is away), then Join from the last seq until nothing more.</summary>
        public async Task ConnectAsync(RestartableHost host, string token)
        {
            if (_connection is not null) await _connection.DisposeAsync();
            while (true)
            {
                var connection = HubClients.BuildHub(host.Address, token, s => _socket = s);
                connection.On<MessageDto>(nameof(INegotiationClient.MessageReceived), m =>
                {
                    if (m.ConversationId == conversationId) Accept(m, live: true);
                });
                try
                {
                    await connection.StartAsync();
                    _connection = connection;
                    await CatchUpAsync();
                    return;
                }
                catch (Exception e) when (e is not HubException)
                {
                    await connection.DisposeAsync();
                    await Task.Delay(50);
                }
            }
        }

        public async Task CatchUpAsync()
        {
            JoinResult page;
            do
            {
                page = await _connection!.JoinAsync(conversationId, LastSeq);
                foreach (var m in page.Messages) Accept(m, live: false);
            }
            while (page.HasMore);
        }
    }
}

/// <summary>The app on a real Kestrel port over one database; a restart stops it and starts a new one on the same data.</summary>
public sealed class RestartableHost(TestDatabase database) : IAsyncDisposable
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        // The streaming clients send as fast as the machine allows; the call limit has its own test.
        ["Messaging:HubCallsPerSecond"] = "100000",
        ["Messaging:HubCallBurst"] = "100000",
    };

    private volatile GvcMatchApp? _app;
    private volatile Uri? _address;

    public GvcMatchApp App => _app ?? throw new InvalidOperationException("Not started.");

    /// <summary>Where the current instance listens; a restart moves it to a new port.</summary>
    public Uri Address => _address ?? new Uri("http://127.0.0.1:9/");

    public Task StartAsync()
    {
        var app = new GvcMatchApp(database, Settings);
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _app = app;
        _address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return Task.CompletedTask;
    }

    public async Task RestartAsync()
    {
        var old = _app!;
        _address = null;
        _app = null;
        await old.DisposeAsync();
        await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app) await app.DisposeAsync();
    }
}

public sealed class NoLossTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : NoLossTests(app, output), IClassFixture<SqliteApp>;

public sealed class NoLossTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : NoLossTests(app, output), IClassFixture<PostgresApp>, IUsesPostgres;
