using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Hubs;
using GvcMatch.Web.Infrastructure;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Tests.Conversations;

/// <summary>The API and the hub agree on shapes: one timestamp form, nulls written, the inbox kinds of a conversation.</summary>
public abstract class WireFormatTests(GvcMatchApp app)
{
    private static readonly Regex Timestamp = new(WireTimestamps.Pattern, RegexOptions.CultureInvariant);
    private static readonly Regex LooksLikeATimestamp = new(@"^\d{4}-\d{2}-\d{2}T", RegexOptions.CultureInvariant);

    [DatabaseFact]
    public async Task Every_timestamp_in_API_answers_and_hub_events_has_three_fractional_digits_and_Z()
    {
        var (sme, mne, id) = await app.PairAsync();
        var events = new ConcurrentQueue<(string Event, JsonElement Payload)>();
        await using var hub = app.BuildHub(await app.TokenAsync(mne));
        foreach (var name in new[] { nameof(INegotiationClient.MessageReceived), nameof(INegotiationClient.NotificationReceived), nameof(INegotiationClient.OfferUpdated) })
            hub.On<JsonElement>(name, payload => events.Enqueue((name, payload)));
        await hub.StartAsync();
        await hub.InvokeAsync<string>("Ping", "ready");

        var answers = new List<JsonElement>
        {
            await sme.SendRestAsync(id, "wire-1", "Drawings follow."),
            await Expect.JsonAsync(await sme.Client.PostJsonAsync($"/api/conversations/{id}/offers", Offers.OfferKit.Terms(app)), HttpStatusCode.Created),
            await hub.InvokeAsync<JsonElement>("Join", id, 0L),
        };
        foreach (var url in new[] { "/api/conversations", $"/api/conversations/{id}", $"/api/conversations/{id}/messages?afterSeq=0", "/api/notifications" })
            answers.Add(await Expect.JsonAsync(await mne.Client.GetAsync(url), HttpStatusCode.OK));
        var admin = await app.SignUpAsync(OrganizationKind.Mne);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        await Expect.StatusAsync(await admin.Client.PostJsonAsync($"/api/organizations/{sme.Me.OrgId}/verification", new { verified = true, reason = "Checked." }), HttpStatusCode.OK);
        answers.Add(await Expect.JsonAsync(await admin.Client.GetAsync($"/api/admin/audit?organizationId={sme.Me.OrgId}"), HttpStatusCode.OK));

        await WaitAsync(() => events.Select(e => e.Event).Distinct().Count() == 3, "a message, a notification and an offer event");
        var seen = new Dictionary<string, string>();
        foreach (var json in answers.Concat(events.Select(e => e.Payload))) Collect(json, null, seen);

        Assert.All(seen, t => Assert.True(Timestamp.IsMatch(t.Value), $"{t.Key} = \"{t.Value}\" is not yyyy-MM-ddTHH:mm:ss.fffZ"));
        foreach (var name in new[] { "sentAt", "createdAt", "lastMessageAt", "at" })
            Assert.Contains(seen.Keys, k => k.EndsWith("." + name, StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task The_HTTP_and_hub_serializers_write_the_same_form_and_read_back_the_same_instant()
    {
        var http = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var hub = app.Services.GetRequiredService<IOptions<JsonHubProtocolOptions>>().Value.PayloadSerializerOptions;
        var tokyo = new DateTimeOffset(2026, 11, 28, 18, 1, 12, TimeSpan.FromHours(9)).AddTicks(3_456_789);
        var whole = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        var unspecified = new DateTime(2026, 11, 28, 9, 1, 12, 340, DateTimeKind.Unspecified);

        foreach (var options in new[] { http, hub })
        {
            Assert.Equal("\"2026-11-28T09:01:12.345Z\"", JsonSerializer.Serialize(tokyo, options));
            Assert.Equal("\"2026-11-28T09:00:00.000Z\"", JsonSerializer.Serialize(whole, options));
            Assert.Equal("\"2026-11-28T09:01:12.340Z\"", JsonSerializer.Serialize(unspecified, options));
            var back = JsonSerializer.Deserialize<DateTimeOffset>(JsonSerializer.Serialize(tokyo, options), options);
            Assert.Equal(tokyo.AddTicks(-(tokyo.Ticks % TimeSpan.TicksPerMillisecond)), back);
            Assert.Equal(tokyo, JsonSerializer.Deserialize<DateTimeOffset>("\"2026-11-28T18:01:12.3456789+09:00\"", options));
        }
    }

    [DatabaseFact]
    public async Task A_conversation_list_item_writes_aboutId_as_null_for_a_direct_conversation()
    {
        var (sme, _, id) = await app.PairAsync();
        var list = await Expect.JsonAsync(await sme.Client.GetAsync("/api/conversations"), HttpStatusCode.OK);
        var item = Assert.Single(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetInt64() == id);
        Assert.True(item.TryGetProperty("aboutId", out var about), "aboutId is missing from the list item");
        Assert.Equal(JsonValueKind.Null, about.ValueKind);
        var one = await Expect.JsonAsync(await sme.Client.GetAsync($"/api/conversations/{id}"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, one.GetProperty("aboutId").ValueKind);
    }

    [DatabaseFact]
    public async Task The_first_message_of_a_conversation_is_notified_on_its_own_not_folded_into_the_start()
    {
        var (sme, mne, id) = await app.PairAsync();
        await using var live = await app.ConnectAsync(mne);
        await sme.SendRestAsync(id, "first-1", "Our first real words.");

        await live.WaitForAsync(c => c.Notifications.Any(n => n.Kind == NotificationKinds.Message), "the first message's own notification");
        var pushed = Assert.Single(live.Notifications, n => n.Kind == NotificationKinds.Message);
        Assert.Contains("Our first real words.", pushed.Body);
        var inbox = (await Expect.JsonAsync(await mne.Client.GetAsync("/api/notifications"), HttpStatusCode.OK)).GetProperty("items").GetProperty("items")
            .EnumerateArray().Select(n => (Kind: n.GetProperty("kind").GetString(), Body: n.GetProperty("body").GetString())).ToList();
        Assert.Contains((NotificationKinds.ConversationStarted, $"Conversation started by {sme.Me.OrganizationName}"), inbox);
        Assert.Contains(inbox, n => n.Kind == NotificationKinds.Message && n.Body!.Contains("Our first real words."));
    }

    /// <summary>Every string that is a timestamp, by property name (…At, at) or by its look, keyed by its path.</summary>
    private static void Collect(JsonElement json, string? path, Dictionary<string, string> seen)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in json.EnumerateObject()) Collect(p.Value, $"{path}.{p.Name}", seen);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in json.EnumerateArray()) Collect(item, $"{path}[{i++}]", seen);
                break;
            case JsonValueKind.String:
                var name = path?[(path.LastIndexOf('.') + 1)..] ?? "";
                var value = json.GetString()!;
                if (name == "at" || name.EndsWith("At", StringComparison.Ordinal) || LooksLikeATimestamp.IsMatch(value))
                    seen[$"{seen.Count}:{path}"] = value;
                break;
        }
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }
}

public sealed class WireFormatTestsOnSqlite(SqliteApp app) : WireFormatTests(app), IClassFixture<SqliteApp>;

public sealed class WireFormatTestsOnPostgres(PostgresApp app) : WireFormatTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
