using System.Net;
using GvcMatch.Web.Data;
using GvcMatch.Web.Hubs;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace GvcMatch.Web.Tests.Conversations;

/// <summary>
/// One person may send only so many messages, however many connections they open and whether
/// they use the hub or the API; refusals are the caller's doing and are logged as such.
/// </summary>
public sealed class FloodingTests : IAsyncLifetime
{
    private const int Burst = 3;
    private ScratchDatabase _database = null!;
    private LoggedApp _app = null!;

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // One message a minute after the burst: nothing refills while a test runs.
        _app = new LoggedApp(_database.Database, new Dictionary<string, string>
        {
            ["Messaging:SendsPerMinutePerUser"] = "1",
            ["Messaging:SendBurstPerUser"] = Burst.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Rest_sends_past_a_persons_budget_are_refused_with_429_and_Retry_After_and_store_nothing()
    {
        var (sme, mne, id) = await _app.PairAsync();
        for (var i = 0; i < Burst; i++) await sme.SendRestAsync(id, $"ok-{i}", $"message {i}");

        var refused = await sme.Client.PostJsonAsync($"/api/conversations/{id}/messages", new { clientMessageId = "flood", body = "one too many" });
        var problem = await Expect.JsonAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.True(int.TryParse(refused.Headers.RetryAfter?.ToString(), out var seconds) && seconds >= 1,
            $"Retry-After should be whole seconds, got '{refused.Headers.RetryAfter}'.");
        Assert.DoesNotContain(await _app.StoredAsync(id), m => m.ClientMessageId == "flood");

        // The budget is the sender's own: the other party still sends.
        await mne.SendRestAsync(id, "reply", "still fine");
    }

    [Fact]
    public async Task One_budget_covers_all_of_a_persons_hub_connections_and_the_api_together()
    {
        var (sme, _, id) = await _app.PairAsync();
        await using var first = await _app.ConnectAsync(sme);
        await using var second = await _app.ConnectAsync(sme);

        await first.Connection.SendAsync(id, "hub-1", "from the first connection");
        await second.Connection.SendAsync(id, "hub-2", "from the second connection");
        await sme.SendRestAsync(id, "rest-1", "over the API");

        Assert.Equal(HubErrors.RateLimited, await HubClients.HubErrorAsync(() => first.Connection.SendAsync(id, "hub-3", "one too many")));
        Assert.Equal(HubErrors.RateLimited, await HubClients.HubErrorAsync(() => second.Connection.SendAsync(id, "hub-4", "one too many")));
        await Expect.JsonAsync(await sme.Client.PostJsonAsync($"/api/conversations/{id}/messages", new { clientMessageId = "rest-2", body = "too many" }),
            HttpStatusCode.TooManyRequests);
        // The connections stay usable for everything else.
        Assert.Equal("still here", await first.Connection.InvokeAsync<string>("Ping", "still here"));
    }

    [Fact]
    public async Task A_refused_hub_call_is_logged_at_Information_without_a_stack_trace()
    {
        var (sme, _, id) = await _app.PairAsync();
        await using var hub = await _app.ConnectAsync(sme);

        Assert.Equal(HubErrors.NotFound, await HubClients.HubErrorAsync(() => hub.Connection.JoinAsync(id + 1_000_000)));

        var entries = _app.Logs.Entries.ToList();
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Warning && e.Exception is Microsoft.AspNetCore.SignalR.HubException);
        var line = Assert.Single(entries, e => e.Category == "GvcMatch.Web.Hubs.HubErrorLogging" && e.Message.Contains("not_found"));
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Null(line.Exception);
    }

    /// <summary>The app with a sink for what it logs.</summary>
    private sealed class LoggedApp(TestDatabase database, IReadOnlyDictionary<string, string> settings) : GvcMatchApp(database, settings)
    {
        public LogSink Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }
}
