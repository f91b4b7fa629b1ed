using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;

namespace GvcMatch.Web.Tests.Notifications;

/// <summary>
/// Two app instances on one database, as behind a load balancer. A person connected to instance B
/// gets what instance A pushes only when both use the Redis backplane (<c>Messaging:Redis</c>).
/// </summary>
public abstract class BackplaneTests(DatabaseProvider provider)
{
    [DatabaseFact]
    public async Task A_client_on_one_instance_receives_a_notification_pushed_by_another_through_Redis()
    {
        var redis = await RedisServer.GetAsync();
        await using var pair = await InstancesAsync(new Dictionary<string, string> { ["Messaging:Redis"] = redis.ConnectionString });
        var (member, token) = await pair.MemberOnBAsync();
        var (connection, received) = await LiveHub.ConnectAsync(pair.BaseB, token);
        await using var _ = connection;

        await pair.A.NotifyAsync(member.Me.UserId, NotificationKinds.Message, "Sent from instance A", "through Redis", "/Conversations/1");

        var note = await received.NextAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(note);
        Assert.Equal("Sent from instance A", note.Title);
        Assert.Equal(NotificationKinds.Message, note.Kind);
        Assert.Equal("/Conversations/1", note.Link);
        Assert.True(note.Id > 0, "the pushed entry carries the id it was stored under");
        // The instances subscribe under the deployment's channel prefix.
        Assert.Contains("gvcmatch", await redis.CommandAsync("PUBSUB CHANNELS gvcmatch*"));
    }

    /// <summary>The control: the same set-up without Redis shows the test above can fail.</summary>
    [DatabaseFact]
    public async Task Without_Redis_a_client_on_one_instance_misses_a_push_from_another()
    {
        await using var pair = await InstancesAsync(new Dictionary<string, string>());
        var (member, token) = await pair.MemberOnBAsync();
        var (connection, received) = await LiveHub.ConnectAsync(pair.BaseB, token);
        await using var _ = connection;

        await pair.A.NotifyAsync(member.Me.UserId, NotificationKinds.Message, "Sent from instance A");
        Assert.Null(await received.NextAsync(TimeSpan.FromSeconds(2)));

        // The connection itself works: B's own push arrives, and A's entry is still in the inbox.
        await pair.B.NotifyAsync(member.Me.UserId, NotificationKinds.Message, "Sent from instance B");
        var note = await received.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("Sent from instance B", note?.Title);
        var inbox = await Expect.JsonAsync(await member.Client.GetAsync("/api/notifications"), System.Net.HttpStatusCode.OK);
        Assert.Equal(2, inbox.GetProperty("unread").GetInt32());
    }

    private async Task<Instances> InstancesAsync(Dictionary<string, string> settings)
    {
        var database = await ScratchDatabase.CreateAsync(provider);
        var a = new GvcMatchApp(database.Database, settings);
        var baseA = a.StartOnKestrel();
        var b = SecondInstance.Of(a, settings);
        return new Instances(database, a, b, baseA, b.StartOnKestrel());
    }

    private sealed record Instances(ScratchDatabase Database, GvcMatchApp A, GvcMatchApp B, string BaseA, string BaseB) : IAsyncDisposable
    {
        /// <summary>An SME member signed up and signed in through instance B.</summary>
        public async Task<(Member Member, string Token)> MemberOnBAsync()
        {
            var member = await B.SignUpAsync(OrganizationKind.Sme);
            return (member, (await B.GetTokenAsync(member.Email, member.Password)).AccessToken);
        }

        public async ValueTask DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}

public sealed class BackplaneTestsOnSqlite() : BackplaneTests(DatabaseProvider.Sqlite), IUsesRedis;

public sealed class BackplaneTestsOnPostgres() : BackplaneTests(DatabaseProvider.Postgres), IUsesPostgres, IUsesRedis;
