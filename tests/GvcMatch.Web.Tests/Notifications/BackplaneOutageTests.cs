using System.Diagnostics;
using System.Net;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Email;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Tests.Conversations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Notifications;

/// <summary>
/// Redis goes away in the middle of a conversation between two app instances, then comes back
/// on the same port. Sending must not notice (answered at once, stored with its inbox entry and
/// email), people on the sender's instance keep receiving live, and people on the other
/// instance receive live again once Redis is back and catch up on the gap by sequence number.
/// </summary>
public abstract class BackplaneOutageTests(DatabaseProvider provider)
{
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(1);

    [DatabaseFact]
    public async Task With_Redis_down_sends_answer_at_once_local_members_receive_and_the_other_instance_catches_up_when_it_returns()
    {
        var redis = await RedisServer.StartOwnAsync();
        await using var database = await ScratchDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string> { ["Messaging:Redis"] = redis.ConnectionString };
        await using var a = new GvcMatchApp(database.Database, settings);
        var baseA = a.StartOnKestrel();
        await using var b = SecondInstance.Of(a, settings);
        var baseB = b.StartOnKestrel();
        try
        {
            var (sme, mne, id) = await a.PairAsync();
            var mneToken = await a.HubTokenAsync(mne);
            await using var smeOnA = await ConnectAsync(baseA, await a.HubTokenAsync(sme));
            await using var mneOnA = await ConnectAsync(baseA, mneToken);
            await using var mneOnB = await ConnectAsync(baseB, mneToken);

            var before = (await sme.SendRestAsync(id, "before", "before the outage")).GetProperty("seq").GetInt64();
            await mneOnB.WaitForAsync(c => c.Messages.Any(m => m.Seq == before), "delivery from A to B through Redis");
            // Read to the end, so the next message leaves a new inbox entry and email.
            await Expect.StatusAsync(await mne.Client.PostJsonAsync($"/api/conversations/{id}/read", new { seq = before }), HttpStatusCode.NoContent);
            var emailsBefore = await EmailsToAsync(a, mne.Email);

            await redis.StopAsync();
            var sent = new List<long>();
            for (var i = 0; i < 5; i++)
            {
                var clock = Stopwatch.StartNew();
                sent.Add((await sme.SendRestAsync(id, $"rest-{i}", $"REST message {i} while Redis is down")).GetProperty("seq").GetInt64());
                Assert.True(clock.Elapsed < AtOnce, $"POST /messages took {clock.Elapsed.TotalMilliseconds:0} ms with Redis down.");
                clock.Restart();
                sent.Add((await smeOnA.Connection.SendAsync(id, $"hub-{i}", $"hub message {i} while Redis is down")).Seq);
                Assert.True(clock.Elapsed < AtOnce, $"The hub's Send took {clock.Elapsed.TotalMilliseconds:0} ms with Redis down.");
            }
            await mneOnA.WaitForAsync(c => sent.All(s => c.Messages.Any(m => m.Seq == s)), "live delivery on A's own connections with Redis down");
            var link = ConversationMessaging.Link(id);
            await mneOnA.WaitForAsync(c => c.Notifications.Any(n => n.Link == link), "the inbox entry pushed on A with Redis down");
            Assert.Equal(1, await a.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == mne.Me.UserId && n.Link == link && n.ReadAt == null)));
            Assert.Equal(emailsBefore + 1, await EmailsToAsync(a, mne.Email));

            await redis.StartAgainAsync();
            await ResumesAsync(sme, mneOnB, id, sent);

            // The gap closes by sequence number: everything after the last message B saw live.
            var caughtUp = await mneOnB.Connection.JoinAsync(id, before);
            var seqs = caughtUp.Messages.Select(m => m.Seq).ToList();
            Assert.Equal(Enumerable.Range((int)before + 1, seqs.Count).Select(s => (long)s), seqs);
            Assert.Subset(seqs.ToHashSet(), sent.ToHashSet());
            var stored = await a.StoredAsync(id);
            Assert.Equal(Enumerable.Range(1, stored.Count).Select(s => (long)s), stored.Select(m => m.Seq));
        }
        finally
        {
            await redis.StopAsync();
        }
    }

    /// <summary>
    /// StackExchange.Redis reconnects on its own schedule: sends go on until one reaches B live,
    /// within a bound. The sends count as part of the conversation the catch-up must cover.
    /// </summary>
    private static async Task ResumesAsync(Member sender, HubClient onB, long id, List<long> sent)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var i = 0; ; i++)
        {
            var seq = (await sender.SendRestAsync(id, $"after-{i}", $"after the outage {i}")).GetProperty("seq").GetInt64();
            sent.Add(seq);
            var wait = DateTime.UtcNow.AddSeconds(1);
            while (DateTime.UtcNow < wait && !onB.Messages.Any(m => m.Seq == seq)) await Task.Delay(50);
            if (onB.Messages.Any(m => m.Seq == seq)) return;
            Assert.True(DateTime.UtcNow < deadline, "Delivery from A to B did not resume within 30 s of Redis coming back.");
        }
    }

    private static Task<int> EmailsToAsync(GvcMatchApp app, string to) =>
        app.WithDbAsync(db => db.Set<EmailOutboxEntry>().CountAsync(e => e.To == to));

    /// <summary>A recording client on a Kestrel instance, ready once one call was answered.</summary>
    private static async Task<HubClient> ConnectAsync(string baseUrl, string token)
    {
        var client = new HubClient(HubClients.BuildHub(new Uri(baseUrl), token, _ => { }));
        await client.Connection.StartAsync();
        await client.Connection.InvokeAsync<string>("Ping", "ready");
        return client;
    }
}

public sealed class BackplaneOutageTestsOnSqlite() : BackplaneOutageTests(DatabaseProvider.Sqlite), IUsesRedis;

public sealed class BackplaneOutageTestsOnPostgres() : BackplaneOutageTests(DatabaseProvider.Postgres), IUsesPostgres, IUsesRedis;
