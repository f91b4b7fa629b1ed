using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using GvcMatch.Web.Data;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace GvcMatch.Web.Tests.Conversations;

/// <summary>
/// PostgreSQL restarts while messages (over the API and the hub) and profile edits flow. Each
/// client retries what the app calls retryable, as a real client should: every failure must be a
/// 503 with Retry-After or the hub's <c>unavailable</c> code, every acknowledged message must be
/// stored, and the same app (no restart) must go on working. The cluster is the test's own, so
/// the tests running beside it keep their server.
/// </summary>
public sealed class DatabaseRestartTests(ITestOutputHelper output) : IUsesPostgres
{
    private const int PerSender = 40;

    [DatabaseFact]
    public async Task While_PostgreSQL_restarts_clients_get_retryable_errors_and_no_acknowledged_write_is_lost()
    {
        var cluster = await PostgresServer.StartOwnClusterAsync();
        try
        {
            var connection = await CreateDatabaseAsync(cluster.ConnectionString);
            await using var app = new GvcMatchApp(TestDatabase.Postgres(connection));
            var (sme, mne, id) = await app.PairAsync();
            await using var hub = await app.ConnectAsync(mne);
            var log = new FaultLog();

            var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var rest = SendOverRestAsync(sme, id, log);
            var live = SendOverHubAsync(hub, id, log);
            var edits = EditProfileAsync(sme, restarted.Task, log);
            // Restart once both senders are under way, then let them finish.
            await log.WaitForAcksAsync(PerSender / 4);
            await cluster.RestartAsync();
            restarted.SetResult();
            await Task.WhenAll(rest, live, edits).WaitAsync(TimeSpan.FromSeconds(120));

            output.WriteLine($"acknowledged: {log.Acknowledged.Count}, retryable answers: {log.Retryable}, profile edits: {log.Edits}");
            Assert.Empty(log.Faults);
            var stored = (await app.StoredAsync(id)).Where(m => m.ClientMessageId is not null).Select(m => m.ClientMessageId!).ToList();
            Assert.Subset(stored.ToHashSet(), log.Acknowledged.ToHashSet());
            Assert.Equal(stored.Count, stored.Distinct().Count());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            cluster.Stop();
        }
    }

    private static async Task SendOverRestAsync(Member sender, long id, FaultLog log)
    {
        for (var i = 0; i < PerSender; i++)
        {
            var clientId = $"rest-{i}";
            await log.UntilDoneAsync($"POST message {clientId}", async () =>
            {
                var response = await sender.Client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { clientMessageId = clientId, body = $"REST {i}" });
                if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK) { log.Ack(clientId); return true; }
                await log.ExpectRetryableAsync(response, $"POST message {clientId}");
                return false;
            });
        }
    }

    private static async Task SendOverHubAsync(HubClient hub, long id, FaultLog log)
    {
        for (var i = 0; i < PerSender; i++)
        {
            var clientId = $"hub-{i}";
            await log.UntilDoneAsync($"hub Send {clientId}", async () =>
            {
                try
                {
                    await hub.Connection.SendAsync(id, clientId, $"hub {i}");
                    log.Ack(clientId);
                    return true;
                }
                catch (HubException e) when (HubClients.CodeOf(e.Message) == "unavailable")
                {
                    log.Retried();
                    return false;
                }
            });
        }
    }

    /// <summary>Saves the profile again and again until the restart is over and one more save went through.</summary>
    private static async Task EditProfileAsync(Member owner, Task restarted, FaultLog log)
    {
        for (var i = 0; !restarted.IsCompleted || i < 3; i++)
        {
            await log.UntilDoneAsync("PUT profile", async () =>
            {
                var response = await owner.Client.PutAsJsonAsync($"/api/organizations/{owner.Me.OrgId}/profile", Samples.Profile($"Edit {i}: precision CNC machining."));
                if (response.IsSuccessStatusCode) { log.Edited(); return true; }
                await log.ExpectRetryableAsync(response, "PUT profile");
                return false;
            });
        }
    }

    private static async Task<string> CreateDatabaseAsync(string admin)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE DATABASE restart_test", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(admin) { Database = "restart_test" }.ConnectionString;
    }

    /// <summary>What the clients saw: acknowledged ids, retryable answers, and anything else (a fault).</summary>
    private sealed class FaultLog
    {
        private int _retryable;
        private int _edits;
        private readonly SemaphoreSlim _acked = new(0);

        public ConcurrentQueue<string> Acknowledged { get; } = new();
        public ConcurrentQueue<string> Faults { get; } = new();
        public int Retryable => _retryable;
        public int Edits => _edits;

        public void Ack(string clientId)
        {
            Acknowledged.Enqueue(clientId);
            _acked.Release();
        }

        public void Retried() => Interlocked.Increment(ref _retryable);

        public void Edited() => Interlocked.Increment(ref _edits);

        public async Task WaitForAcksAsync(int count)
        {
            for (var i = 0; i < count; i++)
                Assert.True(await _acked.WaitAsync(TimeSpan.FromSeconds(30)), "The senders made no progress before the restart.");
        }

        public async Task ExpectRetryableAsync(HttpResponseMessage response, string what)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta;
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && retryAfter is not null && problem) Retried();
            else Faults.Enqueue($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        /// <summary>Repeats a call until it succeeds, waiting a little between tries (bounded: a minute).</summary>
        public async Task UntilDoneAsync(string what, Func<Task<bool>> call)
        {
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (true)
            {
                try
                {
                    if (await call()) return;
                }
                catch (Exception e)
                {
                    Faults.Enqueue($"{what}: {e.GetType().Name}: {e.Message}");
                }
                if (DateTime.UtcNow > deadline)
                {
                    Faults.Enqueue($"{what}: did not succeed within a minute");
                    return;
                }
                // A client backs off before retrying; the server's Retry-After would be longer.
                await Task.Delay(100);
            }
        }
    }
}
