using System.Net;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Hubs;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.AspNetCore.SignalR.Client;

namespace GvcMatch.Web.Tests.Conversations;

/// <summary>The negotiation hub with the real .NET SignalR client: membership on every call, idempotence, errors, limits.</summary>
public abstract class HubTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task A_non_member_cannot_join_read_history_send_mark_read_or_type()
    {
        var (sme, mne, id) = await app.PairAsync();
        var outsider = await app.SignUpAsync(OrganizationKind.Sme);
        await using var a = await app.ConnectAsync(sme);
        await using var b = await app.ConnectAsync(mne);
        await using var x = await app.ConnectAsync(outsider);
        var stored = (await app.StoredAsync(id)).Count;

        Assert.Equal(HubErrors.NotFound, await HubClients.HubErrorAsync(() => x.Connection.JoinAsync(id)));
        Assert.Equal(HubErrors.NotFound, await HubClients.HubErrorAsync(() => x.Connection.SendAsync(id, "x-1", "let me in")));
        Assert.Equal(HubErrors.NotFound, await HubClients.HubErrorAsync(() => x.Connection.InvokeAsync("MarkRead", id, 1L)));
        Assert.Equal(HubErrors.NotFound, await HubClients.HubErrorAsync(() => x.Connection.InvokeAsync("Typing", id, true)));
        await Expect.ProblemAsync(await outsider.Client.GetAsync($"/api/conversations/{id}/messages?afterSeq=0"), HttpStatusCode.NotFound);

        Assert.Equal(stored, (await app.StoredAsync(id)).Count);
        await a.FenceAsync(from: b, id);
        await b.FenceAsync(from: a, id);
        Assert.Empty(a.Messages);
        Assert.Empty(b.Messages);
        Assert.DoesNotContain(b.Typing, t => t.UserId == outsider.Me.UserId);
        Assert.Empty(b.Reads);
        // The same answer as for an id that does not exist at all.
        Assert.Equal(HubErrors.NotFound, await HubClients.HubErrorAsync(() => a.Connection.JoinAsync(id + 1_000_000)));
    }

    [DatabaseFact]
    public async Task Removing_a_member_stops_delivery_on_their_open_connection()
    {
        var (sme, mne, id) = await app.PairAsync();
        var colleague = await AddColleagueAsync(mne);
        await using var owner = await app.ConnectAsync(mne);
        await using var col = await app.ConnectAsync(colleague);
        await using var seller = await app.ConnectAsync(sme);

        Assert.Equal(id, (await col.Connection.JoinAsync(id)).Conversation.Id);
        await seller.Connection.SendAsync(id, "r-1", "before");
        await col.WaitForAsync(c => c.Messages.Any(m => m.Body == "before"), "the colleague to receive the first message");
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        col.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        await Expect.StatusAsync(await mne.Client.DeleteAsync($"/api/organizations/{mne.Me.OrgId}/members/{colleague.Me.UserId}"), HttpStatusCode.NoContent);
        await seller.Connection.SendAsync(id, "r-2", "after");
        await owner.WaitForAsync(c => c.Messages.Any(m => m.Body == "after"), "the owner to receive the second message");

        // The removal ended the colleague's sessions: the server closed the connection, and
        // nothing can arrive on it after that.
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, col.Connection.State);
        Assert.DoesNotContain(col.Messages, m => m.Body == "after");
    }

    [DatabaseFact]
    public async Task Sending_twice_with_one_client_message_id_stores_and_broadcasts_once()
    {
        var (sme, mne, id) = await app.PairAsync();
        await using var a = await app.ConnectAsync(sme);
        await using var b = await app.ConnectAsync(mne);

        var first = await a.Connection.SendAsync(id, "same-1", "Price per piece: 2.40 EUR");
        var retry = await a.Connection.SendAsync(id, "same-1", "Price per piece: 2.40 EUR");
        Assert.Equal(first.Seq, retry.Seq);
        Assert.Equal(first.SentAt, retry.SentAt);

        await b.WaitForAsync(c => c.Messages.Any(m => m.Seq == first.Seq), "the message");
        await b.FenceAsync(from: a, id);
        Assert.Single(b.Messages, m => m.ClientMessageId == "same-1");
        Assert.Single(await app.StoredAsync(id), m => m.ClientMessageId == "same-1");
    }

    [DatabaseFact]
    public async Task Concurrent_sends_from_both_sides_get_consecutive_unique_numbers()
    {
        var (sme, mne, id) = await app.PairAsync();
        var clients = new List<HubClient>();
        try
        {
            for (var i = 0; i < 3; i++) clients.Add(await app.ConnectAsync(sme));
            for (var i = 0; i < 3; i++) clients.Add(await app.ConnectAsync(mne));
            const int each = 10;
            var results = await Task.WhenAll(clients.Select((c, n) => Task.Run(async () =>
            {
                var sent = new List<MessageDto>();
                for (var i = 0; i < each; i++) sent.Add(await c.Connection.SendAsync(id, $"c{n}-{i}", $"from {n}: {i}"));
                return sent;
            })));

            var seqs = results.SelectMany(r => r).Select(m => m.Seq).Order().ToList();
            Assert.Equal(Enumerable.Range(2, clients.Count * each).Select(s => (long)s), seqs);
            var stored = await app.StoredAsync(id);
            Assert.Equal(Enumerable.Range(1, clients.Count * each + 1).Select(s => (long)s), stored.Select(m => m.Seq));
        }
        finally
        {
            foreach (var c in clients) await c.DisposeAsync();
        }
    }

    [DatabaseFact]
    public async Task Bad_input_gets_a_coded_error_and_neither_this_nor_another_connection_is_harmed()
    {
        var (sme, mne, id) = await app.PairAsync();
        await using var a = await app.ConnectAsync(sme);
        await using var b = await app.ConnectAsync(mne);

        Assert.Equal(HubErrors.Invalid, await HubClients.HubErrorAsync(() => a.Connection.SendAsync(id, "big", new string('x', MessageLimits.Body + 1))));
        Assert.Equal(HubErrors.Invalid, await HubClients.HubErrorAsync(() => a.Connection.SendAsync(id, "empty", "   ")));
        Assert.Equal(HubErrors.Invalid, await HubClients.HubErrorAsync(() => a.Connection.SendAsync(id, "", "no client id")));
        Assert.Equal(HubErrors.NotFound, await HubClients.HubErrorAsync(() => a.Connection.SendAsync(987_654_321, "lost", "hello?")));
        Assert.Equal(HubErrors.Invalid, await HubClients.HubErrorAsync(() => a.Connection.JoinAsync(id, -1)));
        Assert.Equal(HubErrors.Invalid, await HubClients.HubErrorAsync(() => a.Connection.InvokeAsync("MarkRead", id, 999L)));
        Assert.Equal(HubErrors.Invalid, await HubClients.HubErrorAsync(() => a.Connection.InvokeAsync<string>("Ping", new string('p', 2000))));

        Assert.Equal(HubConnectionState.Connected, a.Connection.State);
        var ok = await a.Connection.SendAsync(id, "fine-1", "Back to business.");
        Assert.Equal(2, ok.Seq);
        await b.WaitForAsync(c => c.Messages.Any(m => m.Seq == ok.Seq), "the other side to receive the good message");
        Assert.Equal(2, (await app.StoredAsync(id)).Count);
    }

    [DatabaseFact]
    public async Task Too_many_calls_on_one_connection_are_refused_with_rate_limited_and_the_connection_survives()
    {
        // A tight limit of its own, on a clock that stands still: no call refills the bucket until
        // the test moves the clock, however fast or slow this machine serves them.
        await using var scratch = await ScratchDatabase.LikeAsync(app);
        await using var limited = new GvcMatchApp(scratch.Database, new Dictionary<string, string>
        {
            ["Messaging:HubCallsPerSecond"] = "0.5",
            ["Messaging:HubCallBurst"] = "3",
        }) { FakeClock = GvcMatchApp.NewFakeClock() };
        var sme = await limited.SignUpAsync(OrganizationKind.Sme);
        await using var a = await limited.ConnectAsync(sme);
        await using var other = await limited.ConnectAsync(sme);

        var calls = Enumerable.Range(0, 30).Select(i => a.Connection.InvokeAsync<string>("Ping", $"p{i}")).ToList();
        var outcomes = new List<string>();
        foreach (var call in calls)
        {
            try { outcomes.Add(await call); }
            catch (Microsoft.AspNetCore.SignalR.HubException e) { outcomes.Add(e.Message); }
        }
        Assert.Contains(outcomes, o => HubClients.CodeOf(o) == HubErrors.RateLimited);
        // ConnectAsync made one answered call already, so the burst of 3 leaves exactly 2 here.
        Assert.Equal(2, outcomes.Count(o => o.StartsWith('p')));
        Assert.Equal(HubConnectionState.Connected, a.Connection.State);

        // The limit is per connection, and it refills with time: 1.9 s give 0.95 of a call, 2.5 s more than one.
        Assert.Equal("free", await other.Connection.InvokeAsync<string>("Ping", "free"));
        limited.FakeClock!.Advance(TimeSpan.FromSeconds(1.9));
        Assert.Equal(HubErrors.RateLimited, await HubClients.HubErrorAsync(() => a.Connection.InvokeAsync<string>("Ping", "too soon")));
        limited.FakeClock.Advance(TimeSpan.FromSeconds(0.6));
        Assert.Equal("again", await a.Connection.InvokeAsync<string>("Ping", "again"));
    }

    [DatabaseFact]
    public async Task A_bearer_token_in_access_token_opens_the_hub_and_a_foreign_origin_is_refused()
    {
        var (sme, _, id) = await app.PairAsync();
        var token = await app.TokenAsync(sme);
        using var raw = app.CreateClient();
        await Expect.StatusAsync(await raw.PostAsync($"{NegotiationHub.Path}/negotiate?negotiateVersion=1", null), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await raw.PostAsync($"{NegotiationHub.Path}/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(token)}", null), HttpStatusCode.OK);
        // The query token is honoured on the hub only, never on the API.
        await Expect.StatusAsync(await raw.GetAsync($"/api/auth/me?access_token={Uri.EscapeDataString(token)}"), HttpStatusCode.Unauthorized);

        await using (var sameOrigin = new HubClient(app.BuildHub(token, origin: "http://localhost")))
        {
            await sameOrigin.Connection.StartAsync();
            Assert.Equal(id, (await sameOrigin.Connection.JoinAsync(id)).Conversation.Id);
        }

        await using var foreign = app.BuildHub(token, origin: "https://evil.example");
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => foreign.StartAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // The WebSocket handshake itself, without the negotiate step, is refused too.
        var ws = app.Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Origin = "https://evil.example";
        var handshake = HubClients.WithToken(new Uri(app.Server.BaseAddress, NegotiationHub.Path.TrimStart('/')), token);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ws.ConnectAsync(handshake, CancellationToken.None));
        Assert.Contains("403", error.Message);
    }

    [DatabaseFact]
    public async Task The_sign_in_cookie_opens_the_hub_as_well()
    {
        var (sme, _, id) = await app.PairAsync();
        using var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await CookieSignIn.SignInAsync(browser, sme.Email, sme.Password);
        var cookie = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));

        // The cookie goes on the negotiate request and on the WebSocket handshake, as a browser sends it.
        await using var withCookie = new HubClient(app.BuildHub(token: null, cookie: cookie));
        await withCookie.Connection.StartAsync();
        Assert.Equal(id, (await withCookie.Connection.JoinAsync(id)).Conversation.Id);
    }

    [DatabaseFact]
    public async Task Read_receipts_typing_and_unread_events_reach_the_right_people()
    {
        var (sme, mne, id) = await app.PairAsync();
        await using var a = await app.ConnectAsync(sme);
        await using var b = await app.ConnectAsync(mne);
        // Reading the opening line clears the buyer's first notification, so the next message notifies again.
        await b.Connection.InvokeAsync("MarkRead", id, 1L);

        var sent = await a.Connection.SendAsync(id, "t-1", "Drawing rev C attached soon.");
        await b.WaitForAsync(c => c.Unread.Any(u => u.ConversationId == id && u.Unread == 1 && u.TotalUnread == 1), "the buyer's unread count");
        await a.WaitForAsync(c => c.Unread.Any(u => u.ConversationId == id && u.Unread == 0), "the sender's own count");
        await b.WaitForAsync(c => c.Notifications.Any(n => n.Link == $"/Conversations/{id}"), "the buyer's notification");

        await a.Connection.InvokeAsync("Typing", id, true);
        await b.WaitForAsync(c => c.Typing.Any(t => t.IsTyping && t.UserId == sme.Me.UserId), "the typing event");

        await b.Connection.InvokeAsync("MarkRead", id, sent.Seq);
        await a.WaitForAsync(c => c.Reads.Any(r => r.UserId == mne.Me.UserId && r.LastReadSeq == sent.Seq), "the read receipt");
        await b.WaitForAsync(c => c.Unread.Any(u => u.ConversationId == id && u.Unread == 0 && u.TotalUnread == 0), "the buyer's count after reading");
        var joined = await b.Connection.JoinAsync(id, 0);
        Assert.Equal(sent.Seq, joined.LastReadSeq);

        await a.FenceAsync(from: b, id);
        await b.FenceAsync(from: a, id);
        Assert.DoesNotContain(a.Typing, t => t.UserId == sme.Me.UserId);
        Assert.Empty(b.Reads);
        Assert.Empty(a.Notifications);
    }

    private async Task<Member> AddColleagueAsync(Member owner)
    {
        var email = $"colleague-{Guid.NewGuid():N}@example.test";
        await Expect.StatusAsync(await owner.Client.PostJsonAsync($"/api/organizations/{owner.Me.OrgId}/members",
            new { email, displayName = "Colleague", password = Accounts.Password }), HttpStatusCode.Created);
        var client = await app.SignInAsync(email, Accounts.Password);
        var me = await Expect.JsonAsync(await client.GetAsync("/api/auth/me"), HttpStatusCode.OK);
        return new Member(client, System.Text.Json.JsonSerializer.Deserialize<Me>(me.GetRawText(), TestJson.Options)!, email, Accounts.Password);
    }
}

public sealed class HubTestsOnSqlite(SqliteApp app) : HubTests(app), IClassFixture<SqliteApp>;

public sealed class HubTestsOnPostgres(PostgresApp app) : HubTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
